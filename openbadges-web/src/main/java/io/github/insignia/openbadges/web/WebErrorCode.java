package io.github.insignia.openbadges.web;

import io.github.insignia.openbadges.ErrorCode;

/**
 * The stable error codes of the badge site, servlet and certificates.
 *
 * <p>The single source of truth for the codes this module's exceptions carry. Each constant's
 * name is the code printed by the command line and in JSON; each has a row in {@code
 * docs/error-codes.md}, which {@code ErrorCodesDocumentedTest} checks both ways.
 */
public enum WebErrorCode implements ErrorCode {
  /** A badge id in a request or store is not a safe identifier. */
  WEB_BADGE_ID_INVALID,
  /** (configuration) the site's base URL is not an absolute http(s) URL. */
  WEB_BASE_URL_INVALID,
  /** (configuration) the badge store path exists and is not a folder. */
  WEB_STORE_NOT_A_FOLDER,
  /** (configuration) the upload size limit is below 1. */
  WEB_UPLOAD_LIMIT_INVALID;
}
