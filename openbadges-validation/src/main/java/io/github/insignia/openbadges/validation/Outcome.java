package io.github.insignia.openbadges.validation;

/**
 * The outcome of one check. A {@link #FAIL} makes the verdict {@link Verdict#INVALID}; an {@link
 * #INCONCLUSIVE} (when nothing failed) makes it {@link Verdict#INDETERMINATE}.
 */
public enum Outcome {
  /** The check ran and the badge passed it. */
  PASS,
  /** The check ran and the badge failed it: the badge is invalid. */
  FAIL,
  /** Something is off but does not make the badge invalid (a legacy suite, an unreachable list). */
  WARNING,
  /** The check did not run: a prerequisite failed or it does not apply. */
  SKIPPED,
  /**
   * The check could not be decided now: a document it depends on could not be obtained (offline,
   * 401/403, 404, timeout, TLS failure), or the proof uses a suite Insignia does not implement. Never
   * a pass: the verdict is {@link Verdict#INDETERMINATE} unless something failed outright.
   */
  INCONCLUSIVE
}
