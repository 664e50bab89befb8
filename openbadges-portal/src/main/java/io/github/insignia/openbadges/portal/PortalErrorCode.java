package io.github.insignia.openbadges.portal;

import io.github.insignia.openbadges.ErrorCode;

/** The portal's error codes (each has a row in {@code docs/error-codes.md}). */
public enum PortalErrorCode implements ErrorCode {
  /** The portal's configuration is unusable (base URL, key file, course catalogue). */
  PORTAL_CONFIG_INVALID,
  /** A mail could not be written to the mail folder or sent through SMTP. */
  PORTAL_MAIL_FAILED,
  /** A request to the award API was malformed (not JSON, no valid email, unknown course, a score or date that is not one). */
  PORTAL_AWARD_INVALID,
  /** Requisite {@code enabled}: the course is switched off and refuses awards. */
  PORTAL_COURSE_DISABLED,
  /** Requisite {@code min-score}: the award call carries no {@code score}, or one below the course's minimum. */
  PORTAL_SCORE_TOO_LOW,
  /** Requisite {@code requires-completion-date}: the award call does not say when the course was completed. */
  PORTAL_COMPLETION_DATE_MISSING,
  /** The completion date ({@code completedAt}) is in the future. */
  PORTAL_COMPLETION_IN_FUTURE,
  /** Requisite {@code available-from}: the course was completed before it opened. */
  PORTAL_COMPLETION_BEFORE_OPENING
}
