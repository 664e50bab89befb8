package io.github.insignia.openbadges;

/**
 * The stable error codes of reading badges and JSON, dates, status lists and limits.
 *
 * <p>The single source of truth for the codes this module's exceptions carry. Each constant's
 * name is the code printed by the command line and in JSON; each has a row in {@code
 * docs/error-codes.md}, which {@code ErrorCodesDocumentedTest} checks both ways.
 */
public enum ModelErrorCode implements ErrorCode {
  /** The input looks like a badge but its structure is broken (a required member of the wrong type). */
  BADGE_MALFORMED,
  /** A date-time is not ISO 8601 with a time zone. */
  DATE_INVALID,
  /** A hashed recipient identity is not {@code sha256$<64 hex>} or {@code md5$<32 hex>}. */
  IDENTITY_HASH_MALFORMED,
  /** An object repeats a member name. */
  JSON_DUPLICATE_KEY,
  /** The stream could not be read. */
  JSON_IO,
  /** The input is empty, truncated or not JSON. */
  JSON_MALFORMED,
  /** (configuration) NaN or an infinite number given to be written as JSON. */
  JSON_NUMBER_INVALID,
  /** A string or member name is longer than {@code JsonLimits.maxStringLength} (default 8 MiB). */
  JSON_STRING_TOO_LONG,
  /** Arrays/objects nest deeper than {@code JsonLimits.maxDepth} (default 64). */
  JSON_TOO_DEEP,
  /** The document is larger than {@code JsonLimits.maxDocumentBytes} (default 16 MiB). */
  JSON_TOO_LARGE,
  /** (configuration) a limit was set below 1. */
  LIMIT_INVALID,
  /** The input is JSON but neither an OB 2.0 assertion nor an OB 3.0 credential. */
  NOT_A_BADGE,
  /** A status list's {@code encodedList} is not base64url GZIP data. */
  STATUS_LIST_MALFORMED,
  /** A status list inflates past its size cap (a compression bomb). */
  STATUS_LIST_TOO_LARGE;
}
