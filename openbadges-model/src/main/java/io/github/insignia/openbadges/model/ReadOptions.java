package io.github.insignia.openbadges.model;

import io.github.insignia.openbadges.json.JsonLimits;
import java.util.Objects;

/**
 * How {@link BadgeDocuments} reads: the JSON limits and whether to upgrade OB 0.5/1.0/1.1
 * assertions to OB 2.0. Immutable; {@link #defaults()} uses {@link JsonLimits#defaults()} and
 * does not upgrade.
 */
public final class ReadOptions {
  private static final ReadOptions DEFAULTS = builder().build();

  private final JsonLimits limits;
  private final boolean upgrade;

  private ReadOptions(Builder b) {
    this.limits = b.limits;
    this.upgrade = b.upgrade;
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
    return new Builder().limits(limits).upgrade(upgrade);
  }

  /** The limits applied while parsing. */
  public JsonLimits limits() {
    return limits;
  }

  /** Whether OB 0.5/1.0/1.1 assertions are upgraded to OB 2.0. */
  public boolean upgrade() {
    return upgrade;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReadOptions other && upgrade == other.upgrade && limits.equals(other.limits);
  }

  @Override
  public int hashCode() {
    return limits.hashCode() * 31 + Boolean.hashCode(upgrade);
  }

  @Override
  public String toString() {
    return "ReadOptions[limits=" + limits + ", upgrade=" + upgrade + "]";
  }

  /** Builds {@link ReadOptions}. */
  public static final class Builder {
    private JsonLimits limits = JsonLimits.defaults();
    private boolean upgrade;

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

    /** The immutable options. */
    public ReadOptions build() {
      return new ReadOptions(this);
    }
  }
}
