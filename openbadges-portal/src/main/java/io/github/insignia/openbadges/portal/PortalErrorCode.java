package io.github.insignia.openbadges.portal;

import io.github.insignia.openbadges.ErrorCode;

/** The portal's error codes (each has a row in {@code docs/error-codes.md}). */
public enum PortalErrorCode implements ErrorCode {
  /** The portal's configuration is unusable (base URL, key file, course catalogue). */
  PORTAL_CONFIG_INVALID,
  /** The issuer key file could not be read or written. */
  PORTAL_KEY_UNREADABLE,
  /** A mail could not be written to the mail folder or sent through SMTP. */
  PORTAL_MAIL_FAILED,
  /** A request to the award API was malformed (not JSON, no valid email, unknown course). */
  PORTAL_AWARD_INVALID
}
