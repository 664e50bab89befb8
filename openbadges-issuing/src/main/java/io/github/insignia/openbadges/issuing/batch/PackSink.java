package io.github.insignia.openbadges.issuing.batch;

import io.github.insignia.openbadges.issuing.Award;

/**
 * Where a batch puts each award. The default, {@link FolderSink}, writes one folder per recipient
 * atomically. Implementations must be thread-safe, and {@link #isDone} must be true only for an
 * award that was completely written (that is what makes reruns skip exactly the finished ones).
 */
public interface PackSink {
  /** Whether the award with this credential id was already completely written. */
  boolean isDone(String credentialId);

  /**
   * Writes one award completely, or not at all.
   *
   * @return {@code false} when the award was already there (a duplicate roster row, a concurrent run)
   */
  boolean write(Award award);
}
