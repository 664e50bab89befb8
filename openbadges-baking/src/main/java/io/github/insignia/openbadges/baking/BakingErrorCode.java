package io.github.insignia.openbadges.baking;

import io.github.insignia.openbadges.ErrorCode;

/**
 * The stable error codes of baking badges into PNG and SVG images and reading them back.
 *
 * <p>The single source of truth for the codes this module's exceptions carry. Each constant's
 * name is the code printed by the command line and in JSON; each has a row in {@code
 * docs/error-codes.md}, which {@code ErrorCodesDocumentedTest} checks both ways.
 */
public enum BakingErrorCode implements ErrorCode {
  /** The image carries more than one badge (two {@code openbadges} chunks or elements). */
  BADGE_DUPLICATE,
  /** The image is neither PNG nor SVG. */
  IMAGE_FORMAT_UNKNOWN,
  /** The image could not be read or written. */
  IMAGE_IO,
  /** The image is larger than the configured cap. */
  IMAGE_TOO_LARGE,
  /** The image carries no badge. */
  NO_BADGE,
  /** The baked payload is neither a URL, JSON nor a compact JWS. */
  PAYLOAD_INVALID,
  /** The baked payload is larger than the configured cap. */
  PAYLOAD_TOO_LARGE,
  /** The payload's Open Badges version cannot be told (baking needs OB 2.0 or OB 3.0). */
  PAYLOAD_VERSION_UNKNOWN,
  /** A PNG chunk's CRC does not match. */
  PNG_BAD_CRC,
  /** A PNG chunk is larger than the configured cap. */
  PNG_CHUNK_TOO_LARGE,
  /** The PNG structure is broken (bad signature, chunk order, missing IHDR or IEND). */
  PNG_MALFORMED,
  /** An {@code iTXt}/{@code tEXt} chunk is malformed (or compressed where it may not be). */
  PNG_TEXT_MALFORMED,
  /** The PNG has more chunks than the configured cap. */
  PNG_TOO_MANY_CHUNKS,
  /** The PNG ends inside a chunk. */
  PNG_TRUNCATED,
  /** The SVG has a DOCTYPE (entity expansion is never allowed). */
  SVG_DOCTYPE_FORBIDDEN,
  /** The SVG is not well-formed XML. */
  SVG_MALFORMED,
  /** The SVG's elements nest deeper than the cap. */
  SVG_TOO_DEEP,
  /** The baked text is not valid UTF-8 (or Latin-1 for {@code tEXt}). */
  TEXT_ENCODING_INVALID;
}
