package io.github.insignia.openbadges.export;

import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.export.internal.BadgeFields;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What export needs to know about one badge: its name, issuer, dates, identifiers, public page and
 * image, and the host's verification status. Immutable; build with {@link #builder(String)} or read
 * from an OB 2.0 assertion / OB 3.0 credential with {@link #fromJson(JsonNode, VerificationStatus)}.
 */
public final class BadgeSummary {
  private final String name;
  private final String issuerName;
  private final String issuerId;
  private final String linkedInOrganizationId;
  private final Instant issuedOn;
  private final Instant expires;
  private final String credentialId;
  private final URI publicUrl;
  private final URI image;
  private final String description;
  private final VerificationStatus status;

  private BadgeSummary(Builder b) {
    this.name = b.name;
    this.issuerName = b.issuerName;
    this.issuerId = b.issuerId;
    this.linkedInOrganizationId = b.linkedInOrganizationId;
    this.issuedOn = b.issuedOn;
    this.expires = b.expires;
    this.credentialId = b.credentialId;
    this.publicUrl = b.publicUrl;
    this.image = b.image;
    this.description = b.description;
    this.status = b.status;
  }

  /** A builder for a badge with this name; the status starts as {@link VerificationStatus#NOT_VERIFIED}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Reads the fields from an OB 3.0 credential (JSON-LD, or a VC-JWT payload with or without a
   * {@code vc} claim) or an OB 2.0 assertion with its badge class embedded.
   *
   * @throws io.github.insignia.openbadges.NotABadgeException when the JSON is neither
   * @throws io.github.insignia.openbadges.InvalidInputException when a date cannot be read
   */
  public static BadgeSummary fromJson(JsonNode badge, VerificationStatus status) {
    return BadgeFields.read(badge).status(status).build();
  }

  /**
   * Reads the fields from badge text: JSON (as {@link #fromJson}) or a compact JWS / VC-JWT, whose
   * payload is decoded without verifying it (verification is the host's, given as {@code status}).
   *
   * @throws io.github.insignia.openbadges.NotABadgeException when the text carries no badge
   */
  public static BadgeSummary fromText(String text, VerificationStatus status) {
    String t = text.strip();
    if (t.startsWith("{")) {
      return fromJson(io.github.insignia.openbadges.json.SafeJson.read(t), status);
    }
    byte[] payload = io.github.insignia.openbadges.export.internal.Tokens.jwsPayload(t)
        .orElseThrow(() -> new io.github.insignia.openbadges.NotABadgeException(ModelErrorCode.NOT_A_BADGE,
            "the text is neither badge JSON nor a compact JWS"));
    return fromJson(io.github.insignia.openbadges.json.SafeJson.read(payload), status);
  }

  /** A builder that starts from this summary. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.issuerName = issuerName;
    b.issuerId = issuerId;
    b.linkedInOrganizationId = linkedInOrganizationId;
    b.issuedOn = issuedOn;
    b.expires = expires;
    b.credentialId = credentialId;
    b.publicUrl = publicUrl;
    b.image = image;
    b.description = description;
    b.status = status;
    return b;
  }

  /**
   * Why this badge may not be exported at {@code clock}'s instant: the host's status first, then the
   * expiry date (a badge whose {@code expires} has passed is refused even when marked verified).
   */
  public Optional<ExportRefusal> refusal(Clock clock) {
    switch (status) {
      case REVOKED:
        return Optional.of(ExportRefusal.BADGE_REVOKED);
      case EXPIRED:
        return Optional.of(ExportRefusal.BADGE_EXPIRED);
      case NOT_VERIFIED:
        return Optional.of(ExportRefusal.BADGE_NOT_VERIFIED);
      default:
        break;
    }
    if (expires != null && !clock.instant().isBefore(expires)) {
      return Optional.of(ExportRefusal.BADGE_EXPIRED);
    }
    return Optional.empty();
  }

  /** Throws {@link ExportRefusedException} when {@link #refusal(Clock)} finds a reason. */
  public void requireExportable(Clock clock) {
    Optional<ExportRefusal> refusal = refusal(clock);
    if (refusal.isPresent()) {
      throw new ExportRefusedException(refusal.get());
    }
  }

  /** The badge (achievement) name. */
  public String name() {
    return name;
  }

  /** The issuing organisation's name. */
  public Optional<String> issuerName() {
    return Optional.ofNullable(issuerName);
  }

  /** The issuer's id (IRI). */
  public Optional<String> issuerId() {
    return Optional.ofNullable(issuerId);
  }

  /** The issuer's LinkedIn organisation id, when the issuer profile carries one. */
  public Optional<String> linkedInOrganizationId() {
    return Optional.ofNullable(linkedInOrganizationId);
  }

  /** When the badge was issued ({@code validFrom} / {@code issuedOn}). */
  public Optional<Instant> issuedOn() {
    return Optional.ofNullable(issuedOn);
  }

  /** When the badge expires; empty when it does not. */
  public Optional<Instant> expires() {
    return Optional.ofNullable(expires);
  }

  /** The credential or assertion id. */
  public Optional<String> credentialId() {
    return Optional.ofNullable(credentialId);
  }

  /** The recipient's public page for this badge. */
  public Optional<URI> publicUrl() {
    return Optional.ofNullable(publicUrl);
  }

  /** The badge image (may be a {@code data:} URI or an SVG; see {@link BadgeHtml} for PNG needs). */
  public Optional<URI> image() {
    return Optional.ofNullable(image);
  }

  /** A description of the achievement. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** The host's verification status. */
  public VerificationStatus status() {
    return status;
  }

  @Override
  public String toString() {
    return "BadgeSummary[" + name + ", issuer=" + issuerName + ", status=" + status + "]";
  }

  /** Builds {@link BadgeSummary}; not thread-safe. */
  public static final class Builder {
    private String name;
    private String issuerName;
    private String issuerId;
    private String linkedInOrganizationId;
    private Instant issuedOn;
    private Instant expires;
    private String credentialId;
    private URI publicUrl;
    private URI image;
    private String description;
    private VerificationStatus status = VerificationStatus.NOT_VERIFIED;

    private Builder(String name) {
      name(name);
    }

    /** The badge name (required, not blank). */
    public Builder name(String value) {
      Objects.requireNonNull(value, "name");
      if (value.isBlank()) {
        throw new ExportException(ExportErrorCode.BADGE_NAME_MISSING, "the badge has no name");
      }
      this.name = value;
      return this;
    }

    /** The issuer's name, or null. */
    public Builder issuerName(String value) {
      this.issuerName = value;
      return this;
    }

    /** The issuer's id, or null. */
    public Builder issuerId(String value) {
      this.issuerId = value;
      return this;
    }

    /** The issuer's LinkedIn organisation id, or null. */
    public Builder linkedInOrganizationId(String value) {
      this.linkedInOrganizationId = value;
      return this;
    }

    /** When issued, or null. */
    public Builder issuedOn(Instant value) {
      this.issuedOn = value;
      return this;
    }

    /** When it expires, or null when it does not. */
    public Builder expires(Instant value) {
      this.expires = value;
      return this;
    }

    /** The credential or assertion id, or null. */
    public Builder credentialId(String value) {
      this.credentialId = value;
      return this;
    }

    /** The recipient's public badge page, or null. */
    public Builder publicUrl(URI value) {
      this.publicUrl = value;
      return this;
    }

    /** The badge image, or null. */
    public Builder image(URI value) {
      this.image = value;
      return this;
    }

    /** A description, or null. */
    public Builder description(String value) {
      this.description = value;
      return this;
    }

    /** The host's verification status. */
    public Builder status(VerificationStatus value) {
      this.status = Objects.requireNonNull(value, "status");
      return this;
    }

    /** The immutable summary. */
    public BadgeSummary build() {
      return new BadgeSummary(this);
    }
  }
}
