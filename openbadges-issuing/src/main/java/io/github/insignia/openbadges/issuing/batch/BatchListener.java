package io.github.insignia.openbadges.issuing.batch;

/**
 * Hears about a batch while it runs (for a progress bar). Called from worker threads, at most
 * about every {@link BatchIssuer.Builder#progressInterval progress interval} and once at the end;
 * implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface BatchListener {
  /** The batch moved on. */
  void progress(BatchProgress progress);

  /** A listener that does nothing. */
  static BatchListener none() {
    return p -> {};
  }
}
