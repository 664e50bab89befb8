package io.github.insignia.openbadges.issuing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.model.ob3.Achievement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One award to make: the OB 3.0 Achievement, the recipient, and optionally evidence, a narrative,
 * results, the award time, an expiry policy and the badge image. Immutable; build with {@link
 * #builder(ObjectNode, Recipient)} or {@link #builder(Achievement, Recipient)}.
 */
public final class AwardRequest {
  private final ObjectNode achievement;
  private final Recipient recipient;
  private final List<AwardEvidence> evidence;
  private final Optional<String> narrative;
  private final List<ObjectNode> results;
  private final Optional<Instant> issuedAt;
  private final Optional<ExpiryPolicy> expiry;
  private final Optional<BadgeImage> image;

  private AwardRequest(Builder b) {
    this.achievement = b.achievement.deepCopy();
    this.recipient = b.recipient;
    this.evidence = List.copyOf(b.evidence);
    this.narrative = Optional.ofNullable(b.narrative);
    List<ObjectNode> copies = new ArrayList<>();
    b.results.forEach(r -> copies.add(r.deepCopy()));
    this.results = List.copyOf(copies);
    this.issuedAt = Optional.ofNullable(b.issuedAt);
    this.expiry = Optional.ofNullable(b.expiry);
    this.image = Optional.ofNullable(b.image);
  }

  /**
   * @param achievement the OB 3.0 Achievement (badge class) JSON, with {@code id}, {@code type},
   *     {@code name}, {@code description} and {@code criteria}
   * @param recipient who receives it
   */
  public static Builder builder(ObjectNode achievement, Recipient recipient) {
    return new Builder(achievement, recipient);
  }

  /**
   * As {@link #builder(ObjectNode, Recipient)}, from the typed model (built with {@code
   * Achievement.builder()} or read with {@code Achievement.of(json)}).
   *
   * @param achievement the OB 3.0 Achievement
   * @param recipient who receives it
   */
  public static Builder builder(Achievement achievement, Recipient recipient) {
    return new Builder(Objects.requireNonNull(achievement, "achievement").json(), recipient);
  }

  /** The achievement (a copy). */
  public ObjectNode achievement() {
    return achievement.deepCopy();
  }

  ObjectNode achievementShared() {
    return achievement;
  }

  /** The recipient. */
  public Recipient recipient() {
    return recipient;
  }

  /** The evidence. */
  public List<AwardEvidence> evidence() {
    return evidence;
  }

  /** The narrative of this award (Markdown). */
  public Optional<String> narrative() {
    return narrative;
  }

  /** The OB 3.0 {@code Result} objects (copies). */
  public List<ObjectNode> results() {
    List<ObjectNode> copies = new ArrayList<>();
    results.forEach(r -> copies.add(r.deepCopy()));
    return copies;
  }

  /** When the award is made; the issuer's clock when absent. */
  public Optional<Instant> issuedAt() {
    return issuedAt;
  }

  /** The expiry policy for this award; the issuer's default when absent. */
  public Optional<ExpiryPolicy> expiry() {
    return expiry;
  }

  /** The badge image to bake; the issuer's default when absent. */
  public Optional<BadgeImage> image() {
    return image;
  }

  /** Builds an {@link AwardRequest}. */
  public static final class Builder {
    private final ObjectNode achievement;
    private final Recipient recipient;
    private final List<AwardEvidence> evidence = new ArrayList<>();
    private final List<ObjectNode> results = new ArrayList<>();
    private String narrative;
    private Instant issuedAt;
    private ExpiryPolicy expiry;
    private BadgeImage image;

    private Builder(ObjectNode achievement, Recipient recipient) {
      this.achievement = Objects.requireNonNull(achievement, "achievement");
      this.recipient = Objects.requireNonNull(recipient, "recipient");
    }

    /** Adds evidence. */
    public Builder evidence(AwardEvidence value) {
      evidence.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The narrative of this award (Markdown). */
    public Builder narrative(String value) {
      this.narrative = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Adds an OB 3.0 {@code Result} (it must have a {@code type} containing {@code Result}). */
    public Builder result(ObjectNode value) {
      Objects.requireNonNull(value, "value");
      boolean typed = value.path("type").isTextual()
          ? value.get("type").asText().equals("Result")
          : java.util.stream.StreamSupport.stream(value.path("type").spliterator(), false).anyMatch(t -> t.asText().equals("Result"));
      if (!typed) {
        // the OB context is type-scoped: an untyped Result would fall out of the signed data
        throw new io.github.insignia.openbadges.ConfigurationException(IssuingErrorCode.RESULT_INVALID, "a Result needs a type containing 'Result'");
      }
      results.add(value);
      return this;
    }

    /** When the award is made. */
    public Builder issuedAt(Instant value) {
      this.issuedAt = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Overrides the issuer's expiry policy for this award. */
    public Builder expiry(ExpiryPolicy value) {
      this.expiry = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The badge image to bake. */
    public Builder image(BadgeImage value) {
      this.image = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The request. */
    public AwardRequest build() {
      return new AwardRequest(this);
    }
  }
}
