package io.github.insignia.openbadges.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.validation.internal.Messages;
import java.util.Locale;
import java.util.Optional;

/** Collects checks while a verification runs. Not thread-safe: one per verification. */
final class ReportBuilder {
  private final List<Check> checks = new ArrayList<>();
  private final Locale locale;
  private InputKind input = InputKind.UNKNOWN;
  private String version;
  private DocumentKind kind;
  private final List<VerificationReport> parts = new ArrayList<>();
  private boolean strict;
  private final List<EndorsementVerdict> endorsements = new ArrayList<>();
  private VerifiedImage image;

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

  /** The badge's image, when required and obtained; the first one recorded (the badge's own) wins. */
  ReportBuilder image(VerifiedImage value) {
    if (this.image == null) {
      this.image = value;
    }
    return this;
  }

  Optional<VerifiedImage> image() {
    return Optional.ofNullable(image);
  }

  Optional<DocumentKind> kind() {
    return Optional.ofNullable(kind);
  }

  /** Strict mode: conformance warnings become failures when the report is built. */
  ReportBuilder strict(boolean value) {
    this.strict = value;
    return this;
  }

  Check add(Outcome outcome, CheckCode code, String target, String key, Object... args) {
    Check c = new Check(code, outcome, target, key, Arrays.asList(args), locale);
    checks.add(c);
    return c;
  }

  /** A check grouped under another question than its code's (a fetch made for a conformance check). */
  Check add(Question question, Outcome outcome, CheckCode code, String target, String key, Object... args) {
    Check c = new Check(code, outcome, target, key, Arrays.asList(args), locale, question);
    checks.add(c);
    return c;
  }

  /**
   * Records an endorsement verified on its own: listed with its verdict, and a PASS ({@code
   * ENDORSEMENT}) or a WARNING ({@code ENDORSEMENT_INVALID} with its root cause). An endorsement
   * never changes the badge's verdict: it is someone else's claim about the badge.
   */
  void endorsed(String target, VerificationReport sub) {
    endorsements.add(new EndorsementVerdict(target, sub.verdict(), sub));
    Optional<Check> cause = sub.rootCause();
    if (sub.verdict() == Verdict.VALID) {
      add(Outcome.PASS, CheckCode.ENDORSEMENT, target, "ENDORSEMENT.ok");
    } else if (cause.isPresent()) {
      add(Outcome.WARNING, CheckCode.ENDORSEMENT_INVALID, target, "ENDORSEMENT_INVALID", cause.get().code().name(),
          new Messages.Key(cause.get().messageKey(), cause.get().arguments()));
    } else {
      add(Outcome.WARNING, CheckCode.ENDORSEMENT_INVALID, target, "ENDORSEMENT_INVALID", "INPUT_UNRECOGNIZED",
          new Messages.Key("verdict.none"));
    }
  }

  /** An endorsement that verified but does not endorse what it sits on: listed as INVALID, a warning. */
  void endorsedSomethingElse(String target, VerificationReport sub, String endorsedId) {
    endorsements.add(new EndorsementVerdict(target, Verdict.INVALID, sub));
    add(Outcome.WARNING, CheckCode.ENDORSEMENT_INVALID, target, "ENDORSEMENT_INVALID", "OB2_ENDORSEMENT_CLAIM",
        new Messages.Key("ENDORSEMENT.claim", endorsedId));
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

  /** Whether any check added since {@code mark} failed or could not be decided (either blocks what depends on it). */
  boolean failedSince(int mark) {
    for (int i = mark; i < checks.size(); i++) {
      if (blocks(checks.get(i).outcome())) {
        return true;
      }
    }
    return false;
  }

  private static boolean blocks(Outcome o) {
    return o == Outcome.FAIL || o == Outcome.INCONCLUSIVE;
  }

  /** The first failure (or inconclusive check) since {@code mark}, for SKIPPED messages. */
  CheckCode firstFailureSince(int mark) {
    for (int i = mark; i < checks.size(); i++) {
      if (blocks(checks.get(i).outcome())) {
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
    List<Check> out = checks;
    if (strict) {
      out = new ArrayList<>(checks.size());
      for (Check c : checks) {
        out.add(c.outcome() == Outcome.WARNING && c.question() == Question.CONFORMANT ? c.withOutcome(Outcome.FAIL) : c);
      }
    }
    return new VerificationReport(input, version, kind, out, endorsements, locale, parts, image);
  }
}
