package io.github.insignia.openbadges.export;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the export builders share: the badge, the clock that decides whether it has expired, and
 * the refusal check. Only this package extends it.
 *
 * @param <B> the concrete builder
 */
public abstract class ExportBuilder<B extends ExportBuilder<B>> {
  final BadgeSummary badge;
  Clock clock = Clock.systemUTC();

  ExportBuilder(BadgeSummary badge) {
    this.badge = Objects.requireNonNull(badge, "badge");
  }

  /** The clock that decides whether the badge has expired (default the system clock). */
  public B clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return self();
  }

  /** Why the badge may not be exported, if it may not: revoked, expired or not verified. */
  public Optional<ExportRefusal> refusal() {
    return badge.refusal(clock);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
