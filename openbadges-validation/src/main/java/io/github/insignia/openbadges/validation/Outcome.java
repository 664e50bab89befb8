package io.github.insignia.openbadges.validation;

/** The outcome of one check. Only {@link #FAIL} makes a badge invalid. */
public enum Outcome {
  /** The check ran and the badge passed it. */
  PASS,
  /** The check ran and the badge failed it: the badge is invalid. */
  FAIL,
  /** Something is off but does not make the badge invalid (a legacy suite, an unreachable list). */
  WARNING,
  /** The check did not run: a prerequisite failed or it does not apply. */
  SKIPPED
}
