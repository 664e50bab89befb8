package io.github.insignia.openbadges.portal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds how many imports are verified at once, so that a burst of imports (each a full
 * verification: proof, key binding, RDF canonicalisation, perhaps fetches) cannot take every core
 * from the cheap pages other learners are opening. An import waits for a turn at most {@link
 * #maxWait()}; past that the portal answers 503 with {@code Retry-After}, an honest "busy" rather than
 * a request that hangs. Nothing is skipped: every import that gets a turn is verified in full.
 *
 * <p>{@code insignia.portal.imports.concurrency} (default: the number of cores) and {@code
 * insignia.portal.imports.max-wait} (default 10 s) tune it.
 */
@Component
class ImportGate {
  private final Semaphore turns;
  private final Duration maxWait;

  ImportGate(@Value("${insignia.portal.imports.concurrency:0}") int concurrency,
      @Value("${insignia.portal.imports.max-wait:PT10S}") Duration maxWait) {
    int n = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    if (maxWait.isNegative()) {
      throw new PortalException(PortalErrorCode.PORTAL_CONFIG_INVALID, "insignia.portal.imports.max-wait must not be negative");
    }
    this.turns = new Semaphore(n, true); // fair: first come, first verified
    this.maxWait = maxWait;
  }

  /** A turn to verify one import, to be closed when done; empty when none came within {@link #maxWait()}. */
  Optional<Turn> enter() throws InterruptedException {
    if (!turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
      return Optional.empty();
    }
    return Optional.of(new Turn(turns));
  }

  /** How long an import waits for a turn; also the {@code Retry-After} of the 503 answer. */
  Duration maxWait() {
    return maxWait;
  }

  /** One import's turn. */
  static final class Turn implements AutoCloseable {
    private Semaphore held;

    private Turn(Semaphore held) {
      this.held = held;
    }

    @Override
    public void close() {
      if (held != null) {
        held.release();
        held = null;
      }
    }
  }
}
