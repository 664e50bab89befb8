package io.github.insignia.openbadges.model;

import io.github.insignia.openbadges.json.JsonLimits;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link BadgeDocuments} reads: the JSON limits and whether to upgrade OB 0.5/1.0/1.1
 * assertions to OB 2.0. Immutable; {@link #defaults()} uses {@link JsonLimits#defaults()} and
 * does not upgrade.
 */
public final class ReadOptions {
  private static final ReadOptions DEFAULTS = builder().build();

  private final JsonLimits limits;
  private final boolean upgrade;
  private final String documentUrl;

  private ReadOptions(Builder b) {
    this.limits = b.limits;
    this.upgrade = b.upgrade;
    this.documentUrl = b.documentUrl;
  }

  /** Default limits, no upgrade. */
  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder().limits(limits).upgrade(upgrade);
    b.documentUrl = documentUrl;
    return b;
  }

  /** The limits applied while parsing. */
  public JsonLimits limits() {
    return limits;
  }

  /** Whether OB 0.5/1.0/1.1 assertions are upgraded to OB 2.0. */
  public boolean upgrade() {
    return upgrade;
  }

  /**
   * Where the document was fetched from, when it was: an OB 0.5/1.0 document has no {@code id}, and
   * the 2.0 validator gives the upgraded node the URL it was served at.
   */
  public Optional<String> documentUrl() {
    return Optional.ofNullable(documentUrl);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReadOptions other && upgrade == other.upgrade && limits.equals(other.limits)
        && Objects.equals(documentUrl, other.documentUrl);
  }

  @Override
  public int hashCode() {
    return (limits.hashCode() * 31 + Boolean.hashCode(upgrade)) * 31 + Objects.hashCode(documentUrl);
  }

  @Override
  public String toString() {
    return "ReadOptions[limits=" + limits + ", upgrade=" + upgrade
        + (documentUrl == null ? "" : ", documentUrl=" + documentUrl) + "]";
  }

  /** Builds {@link ReadOptions}. */
  public static final class Builder {
    private JsonLimits limits = JsonLimits.defaults();
    private boolean upgrade;
    private String documentUrl;

    private Builder() {}

    /** The JSON limits. */
    public Builder limits(JsonLimits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /** Upgrade OB 0.5/1.0/1.1 assertions to OB 2.0. */
    public Builder upgrade(boolean value) {
      this.upgrade = value;
      return this;
    }

    /** Where the document was fetched from (the id an upgraded OB 0.5/1.0 document takes); null for none. */
    public Builder documentUrl(String value) {
      this.documentUrl = value;
      return this;
    }

    /** The immutable options. */
    public ReadOptions build() {
      return new ReadOptions(this);
    }
  }
}
