package io.github.insignia.openbadges.issuing;

import io.github.insignia.openbadges.ErrorCode;

/**
 * The stable error codes of awarding, batch issuing, published documents and status lists.
 *
 * <p>The single source of truth for the codes this module's exceptions carry. Each constant's
 * name is the code printed by the command line and in JSON; each has a row in {@code
 * docs/error-codes.md}, which {@code ErrorCodesDocumentedTest} checks both ways.
 */
public enum IssuingErrorCode implements ErrorCode {
  /** The achievement lacks {@code id}, {@code name}, {@code description}, a {@code criteria} object or the {@code Achievement} type. */
  ACHIEVEMENT_INVALID,
  /** An {@code Error} (out of memory, …) in a worker stopped the batch; rerun to resume. */
  BATCH_ABORTED,
  /** An output folder cannot be created or written. */
  BATCH_IO,
  /** (per row) the learner's folder exists but holds no completion marker for its credential; left as is. */
  BATCH_OUTPUT_CONFLICT,
  /** The output folder is a symbolic link and following it was not asked for ({@code --follow-symlinks}). */
  BATCH_OUT_SYMLINK,
  /** Badge artwork that is neither PNG nor SVG, or a malformed data URI. */
  IMAGE_UNSUPPORTED,
  /** (per row, batch report) an unexpected exception while issuing one row; the batch goes on. */
  INTERNAL_ERROR,
  /** (configuration) a published document's URL would be written outside the output folder. */
  ISSUER_DOCUMENT_PATH,
  /** (configuration) no document the issuer can serve would bind the signing key to it. */
  ISSUER_KEY_UNBOUND,
  /** (configuration) {@code build()} of an issuer whose badges could not verify, naming what is missing. */
  ISSUER_MISCONFIGURED,
  /** (configuration) the signer keeps its key elsewhere and {@code Builder.publicKey(..)} was not given. */
  ISSUER_PUBLIC_KEY_UNKNOWN,
  /** (configuration) the OB 2.0 base URL is not http(s) ending in {@code /}, or {@code withPublicKeyPem} text is not a PEM public key. */
  OB2_HOSTING_INVALID,
  /** The issuer profile lacks a URI {@code id} or the {@code Profile} type. */
  PROFILE_INVALID,
  /** Not an e-mail address, a blank identifier, or a subject id without a scheme. */
  RECIPIENT_INVALID,
  /** (configuration) a {@code Result} without a type containing {@code Result}. */
  RESULT_INVALID,
  /** An empty roster, or no {@code email}/{@code identifier} column. */
  ROSTER_HEADER_INVALID,
  /** The roster could not be read. */
  ROSTER_IO,
  /** An unclosed quote, a field over 64 Ki characters, over 256 columns, or invalid UTF-8. */
  ROSTER_MALFORMED,
  /** (per row) a row with neither an e-mail nor an identifier. */
  ROSTER_ROW_INVALID,
  /** (configuration) a status list capacity outside 1..2,097,152. */
  STATUS_CAPACITY_INVALID,
  /** A status list number that was never opened. */
  STATUS_LIST_UNKNOWN,
  /** (configuration) status lists to publish but no Data Integrity prover to sign them. */
  STATUS_LIST_UNSIGNED,
  /** (configuration) a 1EdTech or OB 2.0 revocation list requested without its URL. */
  STATUS_NOT_CONFIGURED,
  /** (configuration) a blank revocation reason or one over 1,000 characters. */
  STATUS_REASON_INVALID,
  /** The status store was used after {@code close()}. */
  STATUS_STORE_CLOSED,
  /** A complete journal record is unreadable (or over 1 MiB), or the journal shrank. */
  STATUS_STORE_CORRUPT,
  /** The journal or its lock file cannot be opened, read or written. */
  STATUS_STORE_IO,
  /** Another writer held the store's lock longer than the lock wait (default 10 s). */
  STATUS_STORE_LOCKED,
  /** (configuration) a status list or revocation list URL is not an absolute http(s) URL without a fragment. */
  STATUS_URL_INVALID;
}
