package io.github.insignia.openbadges.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one verification call asks beyond the verifier's options: today, whom the badge must have
 * been awarded to. One {@link BadgeVerifier} (options, HTTP client, caches) then serves every
 * upload, each with its learner's identifiers:
 *
 * <pre>{@code
 * VerificationReport r = verifier.verify(upload, VerificationRequest.forRecipients(user.verifiedEmails()));
 * }</pre>
 *
 * <p>The request's recipients replace those of {@link VerificationOptions#recipients()} when it
 * names any. Immutable and thread-safe.
 */
public final class VerificationRequest {
  private static final VerificationRequest NONE = new VerificationRequest(List.of(), null, null);

  private final List<String> recipients;
  private final String challenge;
  private final String domain;

  private VerificationRequest(List<String> recipients, String challenge, String domain) {
    this.recipients = List.copyOf(recipients);
    this.challenge = challenge;
    this.domain = domain;
  }

  /** A request that adds nothing to the verifier's options. */
  public static VerificationRequest none() {
    return NONE;
  }

  /** A request for these identifiers of the learner (emails, URLs, telephones, DIDs). */
  public static VerificationRequest forRecipients(List<String> identifiers) {
    return builder().recipients(identifiers).build();
  }

  /** A request for one identifier of the learner. */
  public static VerificationRequest forRecipient(String identifier) {
    return builder().recipient(identifier).build();
  }

  /** A builder of an empty request. */
  public static Builder builder() {
    return new Builder();
  }

  /** The learner's identifiers the badge's recipient must match; empty = the options decide. */
  public List<String> recipients() {
    return recipients;
  }

  /**
   * The challenge the platform gave the holder: a presentation's proof must carry it (Data
   * Integrity {@code challenge}, JWT {@code nonce}), else the presentation is INVALID.
   */
  public java.util.Optional<String> challenge() {
    return java.util.Optional.ofNullable(challenge);
  }

  /** The domain the platform gave the holder: a presentation's proof {@code domain} (JWT {@code aud}) must name it. */
  public java.util.Optional<String> domain() {
    return java.util.Optional.ofNullable(domain);
  }

  @Override
  public String toString() {
    return "VerificationRequest[" + recipients.size() + " recipient(s)" + (challenge == null ? "" : ", challenge")
        + (domain == null ? "" : ", domain " + domain) + "]";
  }

  /** Builds a {@link VerificationRequest}. Not thread-safe. */
  public static final class Builder {
    private final List<String> recipients = new ArrayList<>();
    private String challenge;
    private String domain;

    private Builder() {}

    /** The challenge given to the holder of a presentation. */
    public Builder challenge(String value) {
      this.challenge = Objects.requireNonNull(value, "challenge");
      return this;
    }

    /** The domain given to the holder of a presentation. */
    public Builder domain(String value) {
      this.domain = Objects.requireNonNull(value, "domain");
      return this;
    }

    /** Adds one of the learner's identifiers (repeatable). */
    public Builder recipient(String identifier) {
      recipients.add(Objects.requireNonNull(identifier, "identifier"));
      return this;
    }

    /** Adds identifiers of the learner. */
    public Builder recipients(List<String> identifiers) {
      identifiers.forEach(this::recipient);
      return this;
    }

    /** The immutable request. */
    public VerificationRequest build() {
      return new VerificationRequest(recipients, challenge, domain);
    }
  }
}
