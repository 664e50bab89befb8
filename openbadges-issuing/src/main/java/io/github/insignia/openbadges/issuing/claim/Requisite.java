package io.github.insignia.openbadges.issuing.claim;

/**
 * One condition a learner must meet before a badge earned on a training platform is awarded, in the
 * order a learner can fix them. The names are stable and may be stored or sent to a front end.
 */
public enum Requisite {
  /** The learner has no account on the badge platform. */
  BADGE_PLATFORM_ACCOUNT,
  /** The badge platform account's e-mail differs from the training platform's. */
  MATCHING_EMAIL,
  /** The learner is not enrolled in the course. */
  ENROLMENT,
  /** Fewer tasks completed than the minimum. */
  MINIMUM_TASKS,
  /** The learner has not claimed the badge yet. */
  CLAIM_MADE
}
