package io.github.insignia.openbadges.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.github.insignia.openbadges.model.DocumentKind;
import java.util.Locale;

/** Collects checks while a verification runs. Not thread-safe: one per verification. */
final class ReportBuilder {
  private final List<Check> checks = new ArrayList<>();
  private final Locale locale;
  private InputKind input = InputKind.UNKNOWN;
  private String version;
  private DocumentKind kind;
  private final List<VerificationReport> parts = new ArrayList<>();

  ReportBuilder(Locale locale) {
    this.locale = locale;
  }

  ReportBuilder input(InputKind kind) {
    this.input = kind;
    return this;
  }

  ReportBuilder version(String value) {
    if (this.version == null) {
      this.version = value;
    }
    return this;
  }

  /** What the document is; the first kind recorded (the outer document) wins. */
  ReportBuilder kind(DocumentKind value) {
    if (this.kind == null) {
      this.kind = value;
    }
    return this;
  }

  Check add(Outcome outcome, CheckCode code, String target, String key, Object... args) {
    Check c = new Check(code, outcome, target, key, Arrays.asList(args), locale);
    checks.add(c);
    return c;
  }

  Check pass(CheckCode code, String target, Object... args) {
    return add(Outcome.PASS, code, target, code.name(), args);
  }

  Check fail(CheckCode code, String target, Object... args) {
    return add(Outcome.FAIL, code, target, code.name(), args);
  }

  Check warn(CheckCode code, String target, Object... args) {
    return add(Outcome.WARNING, code, target, code.name(), args);
  }

  /** A check that did not run because {@code because} failed first. */
  Check skip(CheckCode code, String target, CheckCode because) {
    return add(Outcome.SKIPPED, code, target, "SKIPPED_BECAUSE", because.name());
  }

  /** A check that does not apply, with a reason key. */
  Check notApplicable(CheckCode code, String target, String reasonKey, Object... args) {
    return add(Outcome.SKIPPED, code, target, reasonKey, args);
  }

  /** Adds checks produced elsewhere (an endorsement's own verification, for example). */
  void addAll(List<Check> more) {
    checks.addAll(more);
  }

  /** A credential inside this one (a CLR's), verified on its own. */
  void part(VerificationReport value) {
    parts.add(value);
  }

  int mark() {
    return checks.size();
  }

  /** Whether any check added since {@code mark} failed. */
  boolean failedSince(int mark) {
    for (int i = mark; i < checks.size(); i++) {
      if (checks.get(i).outcome() == Outcome.FAIL) {
        return true;
      }
    }
    return false;
  }

  /** The first failure since {@code mark}, for SKIPPED messages. */
  CheckCode firstFailureSince(int mark) {
    for (int i = mark; i < checks.size(); i++) {
      if (checks.get(i).outcome() == Outcome.FAIL) {
        return checks.get(i).code();
      }
    }
    return null;
  }

  List<Check> checks() {
    return checks;
  }

  Locale locale() {
    return locale;
  }

  VerificationReport build() {
    return new VerificationReport(input, version, kind, checks, locale, parts);
  }
}
