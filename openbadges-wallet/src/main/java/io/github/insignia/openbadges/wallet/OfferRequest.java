package io.github.insignia.openbadges.wallet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.model.ob3.Achievement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to offer a wallet: the achievement (the credential subject is the wallet's DID, known only
 * when the wallet proves its key), the formats, whether a transaction code (PIN) guards the offer,
 * how long the offer lives, and when the credential the wallet receives expires. Immutable.
 */
public final class OfferRequest {
  /** The longest an offer may live. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(7);

  private final ObjectNode achievement;
  private final Set<WalletFormat> formats;
  private final boolean txCode;
  private final Duration lifetime;
  private final String recipientName;
  private final String narrative;
  private final Instant validUntil;

  private OfferRequest(Builder b) {
    this.achievement = b.achievement.deepCopy();
    this.formats = Set.copyOf(b.formats);
    this.txCode = b.txCode;
    this.lifetime = b.lifetime;
    this.recipientName = b.recipientName;
    this.narrative = b.narrative;
    this.validUntil = b.validUntil;
  }

  /**
   * A builder for an achievement given as OB 3.0 JSON (checked by the issuer when it awards).
   *
   * @param achievement the {@code Achievement} object (copied)
   * @return the builder
   */
  public static Builder builder(ObjectNode achievement) {
    return new Builder(Objects.requireNonNull(achievement, "achievement"));
  }

  /**
   * A builder for a model achievement.
   *
   * @param achievement the achievement
   * @return the builder
   */
  public static Builder builder(Achievement achievement) {
    return new Builder(achievement.json());
  }

  /** The achievement JSON (a copy). */
  public ObjectNode achievement() {
    return achievement.deepCopy();
  }

  /** The formats the wallet may ask for (at least one). */
  public Set<WalletFormat> formats() {
    return formats;
  }

  /** Whether a six-digit transaction code guards the offer. */
  public boolean txCode() {
    return txCode;
  }

  /** How long the offer (and its pre-authorized code) lives. */
  public Duration lifetime() {
    return lifetime;
  }

  /** The learner's display name for the credential subject, if given. */
  public Optional<String> recipientName() {
    return Optional.ofNullable(recipientName);
  }

  /** The award narrative, if given. */
  public Optional<String> narrative() {
    return Optional.ofNullable(narrative);
  }

  /**
   * When the wallet's credential expires ({@code validUntil}), when set; absent, the issuer's own
   * expiry policy applies, counted from the redemption.
   */
  public Optional<Instant> validUntil() {
    return Optional.ofNullable(validUntil);
  }

  /** Builds an {@link OfferRequest}. */
  public static final class Builder {
    private final ObjectNode achievement;
    private Set<WalletFormat> formats = EnumSet.of(WalletFormat.LDP_VC);
    private boolean txCode;
    private Duration lifetime = Duration.ofMinutes(15);
    private String recipientName;
    private String narrative;
    private Instant validUntil;

    private Builder(ObjectNode achievement) {
      this.achievement = achievement;
    }

    /**
     * The formats offered (default {@code ldp_vc}).
     *
     * @param first a format
     * @param more more formats
     * @return this builder
     */
    public Builder formats(WalletFormat first, WalletFormat... more) {
      this.formats = EnumSet.of(first, more);
      return this;
    }

    /**
     * Whether a six-digit transaction code guards the offer (default no). The code is shown to the
     * person beside the QR code and is never part of the offer.
     *
     * @param value true to require one
     * @return this builder
     */
    public Builder txCode(boolean value) {
      this.txCode = value;
      return this;
    }

    /**
     * How long the offer lives (default 15 minutes, at most {@link #MAX_LIFETIME}).
     *
     * @param value the lifetime
     * @return this builder
     */
    public Builder lifetime(Duration value) {
      this.lifetime = Objects.requireNonNull(value, "lifetime");
      return this;
    }

    /**
     * The learner's display name (the issuer's {@code Recipient.withName}).
     *
     * @param value the name
     * @return this builder
     */
    public Builder recipientName(String value) {
      this.recipientName = value;
      return this;
    }

    /**
     * The award narrative.
     *
     * @param value the narrative
     * @return this builder
     */
    public Builder narrative(String value) {
      this.narrative = value;
      return this;
    }

    /**
     * When the credential the wallet receives expires: for a copy of a badge the learner already
     * holds, that badge's own {@code validUntil}, so the copy does not outlive the original (the
     * issuer's expiry policy would count its validity from the redemption instead).
     *
     * @param value the instant, or null for the issuer's policy
     * @return this builder
     */
    public Builder validUntil(Instant value) {
      this.validUntil = value;
      return this;
    }

    /**
     * The request.
     *
     * @throws io.github.insignia.openbadges.InvalidInputException {@link WalletErrorCode#WALLET_OFFER_INVALID}
     *     for an achievement without a string {@code id}, a lifetime outside (0, 7 days]
     */
    public OfferRequest build() {
      if (!achievement.path("id").isTextual() || achievement.path("id").asText().isBlank()) {
        throw new io.github.insignia.openbadges.InvalidInputException(WalletErrorCode.WALLET_OFFER_INVALID,
            "the achievement has no id");
      }
      if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
        throw new io.github.insignia.openbadges.InvalidInputException(WalletErrorCode.WALLET_OFFER_INVALID,
            "an offer lives more than 0 and at most " + MAX_LIFETIME.toDays() + " days, not " + lifetime);
      }
      return new OfferRequest(this);
    }
  }
}
