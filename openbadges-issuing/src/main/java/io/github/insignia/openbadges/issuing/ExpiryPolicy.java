package io.github.insignia.openbadges.issuing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When an award expires ({@code validUntil} in OB 3.0, {@code expires} in OB 2.0): never, a fixed
 * instant, or a validity period counted from the award. Immutable.
 */
public final class ExpiryPolicy {
  private static final ExpiryPolicy NEVER = new ExpiryPolicy(null, null);

  private final Duration validity;
  private final Instant fixed;

  private ExpiryPolicy(Duration validity, Instant fixed) {
    this.validity = validity;
    this.fixed = fixed;
  }

  /** Awards never expire. */
  public static ExpiryPolicy never() {
    return NEVER;
  }

  /** Awards expire this long after they are issued (for example a two-year certification). */
  public static ExpiryPolicy after(Duration validity) {
    Objects.requireNonNull(validity, "validity");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("the validity period must be positive");
    }
    return new ExpiryPolicy(validity, null);
  }

  /** Every award expires at this instant (for example the end of a programme). */
  public static ExpiryPolicy at(Instant instant) {
    return new ExpiryPolicy(null, Objects.requireNonNull(instant, "instant"));
  }

  /** The expiry of an award issued at {@code issuedAt}, when it expires. */
  public Optional<Instant> expiryFor(Instant issuedAt) {
    if (validity != null) {
      return Optional.of(issuedAt.plus(validity));
    }
    return Optional.ofNullable(fixed);
  }

  @Override
  public String toString() {
    return validity != null ? "ExpiryPolicy[after " + validity + "]" : fixed != null ? "ExpiryPolicy[at " + fixed + "]" : "ExpiryPolicy[never]";
  }
}
