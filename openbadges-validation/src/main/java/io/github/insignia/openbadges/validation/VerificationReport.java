package io.github.insignia.openbadges.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.internal.Messages;
import java.util.ArrayList;
import io.github.insignia.openbadges.model.DocumentKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of verifying one badge: valid or not, what the input was, which badge version it
 * carries, and every check in the order it ran. The first failing check is the root cause; checks
 * that depended on it are {@link Outcome#SKIPPED} rather than failed again. Immutable.
 */
public final class VerificationReport {
  private final InputKind input;
  private final String version;
  private final DocumentKind kind;
  private final List<Check> checks;
  private final List<EndorsementVerdict> endorsements;
  private final Locale locale;
  private final List<VerificationReport> parts;
  private final VerifiedImage image;

  VerificationReport(InputKind input, String version, DocumentKind kind, List<Check> checks,
      List<EndorsementVerdict> endorsements, Locale locale) {
    this(input, version, kind, checks, endorsements, locale, List.of());
  }

  VerificationReport(InputKind input, String version, DocumentKind kind, List<Check> checks,
      List<EndorsementVerdict> endorsements, Locale locale, List<VerificationReport> parts) {
    this(input, version, kind, checks, endorsements, locale, parts, null);
  }

  VerificationReport(InputKind input, String version, DocumentKind kind, List<Check> checks,
      List<EndorsementVerdict> endorsements, Locale locale, List<VerificationReport> parts, VerifiedImage image) {
    this.image = image;
    this.parts = List.copyOf(parts);
    this.input = Objects.requireNonNull(input, "input");
    this.version = version;
    this.kind = kind;
    this.checks = List.copyOf(checks);
    this.endorsements = List.copyOf(endorsements);
    this.locale = Objects.requireNonNull(locale, "locale");
  }

  /**
   * The verdict: {@link Verdict#INVALID} when any check failed, else {@link Verdict#INDETERMINATE}
   * when any check was inconclusive (the input URL itself could not be fetched, for one), else
   * {@link Verdict#INVALID} when nothing passed, else {@link Verdict#VALID}. Warnings, skipped
   * checks and endorsements do not change it.
   */
  public Verdict verdict() {
    if (checks.stream().anyMatch(c -> c.outcome() == Outcome.FAIL)) {
      return Verdict.INVALID;
    }
    if (checks.stream().anyMatch(c -> c.outcome() == Outcome.INCONCLUSIVE)) {
      return Verdict.INDETERMINATE;
    }
    return checks.stream().anyMatch(c -> c.outcome() == Outcome.PASS) ? Verdict.VALID : Verdict.INVALID;
  }

  /** True only when the verdict is {@link Verdict#VALID}. */
  public boolean valid() {
    return verdict() == Verdict.VALID;
  }

  /** What the input was. */
  public InputKind input() {
    return input;
  }

  /** The badge version ({@code "0.5"}, {@code "1.0"}, {@code "1.1"}, {@code "2.0"}, {@code "3.0"}), when detected. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** What the document is (an OB 2.0 assertion, an OB 3.0 credential, a BadgeClass, …), when detected. */
  public Optional<DocumentKind> kind() {
    return Optional.ofNullable(kind);
  }

  /**
   * The credentials inside this one, each verified on its own with its own verdict (the
   * credentials of a CLR 2.0 transcript, in document order); empty for other documents.
   */
  public List<VerificationReport> parts() {
    return parts;
  }

  /** Every check, in the order it ran. */
  public List<Check> checks() {
    return checks;
  }

  /** The checks with a given outcome. */
  public List<Check> checks(Outcome outcome) {
    return checks.stream().filter(c -> c.outcome() == outcome).toList();
  }

  /** The checks that help answer a question, in the order they ran. */
  public List<Check> checks(Question question) {
    return checks.stream().filter(c -> c.question() == question).toList();
  }

  /** The warnings: what a verifier reports but need not enforce (they never change the verdict). */
  public List<Check> warnings() {
    return checks(Outcome.WARNING);
  }

  /**
   * Every endorsement found in the badge, each verified on its own, in the order found. Show only
   * those that are {@link EndorsementVerdict#verified()}.
   */
  public List<EndorsementVerdict> endorsements() {
    return endorsements;
  }

  /** The first failure, or (when nothing failed) the first inconclusive check: why the badge is not valid. */
  public Optional<Check> rootCause() {
    return checks.stream().filter(c -> c.outcome() == Outcome.FAIL).findFirst()
        .or(() -> checks.stream().filter(c -> c.outcome() == Outcome.INCONCLUSIVE).findFirst());
  }

  /** Whether any check has this code (whatever its outcome). */
  public boolean has(CheckCode code) {
    return checks.stream().anyMatch(c -> c.code() == code);
  }

  /** The first check with this code. */
  public Optional<Check> find(CheckCode code) {
    return checks.stream().filter(c -> c.code() == code).findFirst();
  }

  /** The verdict as one line in the report's language ("VALID: …" or "INVALID: " + the root cause). */
  public String summary() {
    return summary(locale);
  }

  /** The verdict as one line in another language. */
  public String summary(Locale other) {
    Verdict verdict = verdict();
    if (verdict == Verdict.VALID) {
      long warnings = checks.stream().filter(c -> c.outcome() == Outcome.WARNING).count();
      return warnings == 0 ? Messages.text(other, "verdict.valid")
          : Messages.format(other, "verdict.validWarnings", List.of(warnings));
    }
    String key = verdict == Verdict.INDETERMINATE ? "verdict.indeterminate" : "verdict.invalid";
    return rootCause()
        .map(c -> Messages.format(other, key, List.of(c.message(other))))
        .orElseGet(() -> Messages.text(other, "verdict.none"));
  }

  /**
   * The badge's image as obtained and inspected (a PNG or SVG), when the options required it
   * ({@link VerificationOptions#requireImage()}); empty otherwise or when it was not obtained (the
   * report then says why). Not part of {@link #toJson()}.
   */
  public Optional<VerifiedImage> image() {
    return Optional.ofNullable(image);
  }

  /** The report's language. */
  public Locale locale() {
    return locale;
  }

  /** The same report with its messages in another language. */
  public VerificationReport inLocale(Locale other) {
    List<Check> translated = new ArrayList<>(checks.size());
    for (Check c : checks) {
      translated.add(c.inLocale(other));
    }
    List<EndorsementVerdict> es = new ArrayList<>(endorsements.size());
    for (EndorsementVerdict e : endorsements) {
      es.add(new EndorsementVerdict(e.target(), e.verdict(), e.report().inLocale(other)));
    }
    return new VerificationReport(input, version, kind, translated, es, other,
        parts.stream().map(p -> p.inLocale(other)).toList(), image);
  }

  /**
   * The report as JSON: {@code {"verdict": "VALID"|"INVALID"|"INDETERMINATE", "valid": bool,
   * "version": "3.0"|null, "input": "png", "kind": "CREDENTIAL"|null, "warnings": [{"code",
   * "target", "message"}], "endorsements": [{"target", "verdict"}], "checks": [{"code", "question",
   * "outcome", "target", "message"}]}}; {@code valid} is true only for {@code VALID}.
   */
  public ObjectNode toJsonNode() {
    JsonNodeFactory f = SafeJson.nodeFactory();
    ObjectNode root = f.objectNode();
    root.put("verdict", verdict().name());
    root.put("valid", valid());
    if (version == null) {
      root.putNull("version");
    } else {
      root.put("version", version);
    }
    root.put("input", input.label());
    if (kind == null) {
      root.putNull("kind");
    } else {
      root.put("kind", kind.name());
    }
    ArrayNode warnings = root.putArray("warnings");
    for (Check c : warnings()) {
      ObjectNode o = warnings.addObject();
      o.put("code", c.code().name());
      o.put("target", c.target());
      o.put("message", c.message());
    }
    ArrayNode endorsed = root.putArray("endorsements");
    for (EndorsementVerdict e : endorsements) {
      ObjectNode o = endorsed.addObject();
      o.put("target", e.target());
      o.put("verdict", e.verdict().name());
    }
    if (!parts.isEmpty()) {
      ArrayNode nested = root.putArray("parts");
      parts.forEach(p -> nested.add(p.toJsonNode()));
    }
    ArrayNode array = root.putArray("checks");
    for (Check c : checks) {
      ObjectNode o = array.addObject();
      o.put("code", c.code().name());
      o.put("question", c.question().name());
      o.put("outcome", c.outcome().name());
      o.put("target", c.target());
      o.put("message", c.message());
    }
    return root;
  }

  /** {@link #toJsonNode()} as indented text. */
  public String toJson() {
    return SafeJson.writePretty(toJsonNode());
  }

  @Override
  public String toString() {
    return "VerificationReport[" + verdict() + ", " + input.label() + ", "
        + version + ", " + checks.size() + " checks]";
  }
}
