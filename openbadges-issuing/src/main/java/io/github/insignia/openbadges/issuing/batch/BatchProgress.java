package io.github.insignia.openbadges.issuing.batch;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A snapshot of a running batch.
 *
 * @param issued learners awarded in this run
 * @param skipped learners whose folder was already complete (an earlier run)
 * @param failed learners that failed
 * @param total the roster size when known (for the ETA)
 * @param elapsed time since the batch started
 */
public record BatchProgress(long issued, long skipped, long failed, OptionalLong total, Duration elapsed) {
  /** Learners handled so far. */
  public long done() {
    return issued + skipped + failed;
  }

  /** Learners handled per second. */
  public double rate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : done() / seconds;
  }

  /** The estimated time left, when the total is known and the rate is positive. */
  public java.util.Optional<Duration> eta() {
    if (total.isEmpty() || rate() <= 0) {
      return java.util.Optional.empty();
    }
    long left = Math.max(0, total.getAsLong() - done());
    return java.util.Optional.of(Duration.ofMillis((long) (left / rate() * 1000)));
  }
}
