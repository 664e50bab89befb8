package io.github.insignia.openbadges.baking;

import io.github.insignia.openbadges.InvalidInputException;

/**
 * An image could not be baked or unbaked because it is malformed, hostile, over a limit of {@link
 * BakingOptions}, or not a PNG/SVG at all. The {@link #code()} is stable; see {@code docs/baking.md}
 * for the list. An image that is readable but carries no badge is a {@link
 * io.github.insignia.openbadges.NotABadgeException} with code {@code NO_BADGE} instead.
 */
public class BakingException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** The input is neither a PNG nor an SVG (detected from the content, never the file name). */
  public static final String IMAGE_FORMAT_UNKNOWN = "IMAGE_FORMAT_UNKNOWN";
  /** The image is larger than {@link BakingOptions#maxImageBytes()}. */
  public static final String IMAGE_TOO_LARGE = "IMAGE_TOO_LARGE";
  /** The image stream could not be read. */
  public static final String IMAGE_IO = "IMAGE_IO";
  /** The PNG ends before its IEND chunk, or a chunk runs past the end of the file. */
  public static final String PNG_TRUNCATED = "PNG_TRUNCATED";
  /** The PNG chunk structure is broken (IHDR not first, invalid chunk type, garbage). */
  public static final String PNG_MALFORMED = "PNG_MALFORMED";
  /** A PNG chunk declares a length above 2^31-1, which the PNG format forbids. */
  public static final String PNG_CHUNK_TOO_LARGE = "PNG_CHUNK_TOO_LARGE";
  /** A checked PNG chunk has a wrong CRC-32 and the policy is {@link CrcPolicy#REJECT}. */
  public static final String PNG_BAD_CRC = "PNG_BAD_CRC";
  /** The PNG has more chunks than {@link BakingOptions#maxChunks()}. */
  public static final String PNG_TOO_MANY_CHUNKS = "PNG_TOO_MANY_CHUNKS";
  /** A badge text chunk (iTXt, tEXt, zTXt) does not follow the PNG text chunk layout. */
  public static final String PNG_TEXT_MALFORMED = "PNG_TEXT_MALFORMED";
  /** The badge text, stored or once inflated, exceeds {@link BakingOptions#maxPayloadBytes()}. */
  public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
  /** The badge text is not valid UTF-8 (or, for SVG, the file is not UTF-8). */
  public static final String TEXT_ENCODING_INVALID = "TEXT_ENCODING_INVALID";
  /** The image carries two or more badges; unbake refuses to pick one. */
  public static final String BADGE_DUPLICATE = "BADGE_DUPLICATE";
  /** The SVG is not well-formed enough to find or place the badge element. */
  public static final String SVG_MALFORMED = "SVG_MALFORMED";
  /** The SVG has a DOCTYPE; entity declarations (XXE, billion laughs) are refused outright. */
  public static final String SVG_DOCTYPE_FORBIDDEN = "SVG_DOCTYPE_FORBIDDEN";
  /** The SVG nests elements deeper than {@link BakingOptions#maxXmlDepth()}. */
  public static final String SVG_TOO_DEEP = "SVG_TOO_DEEP";
  /** The payload to bake is empty or holds characters no PNG text / XML document can carry. */
  public static final String PAYLOAD_INVALID = "PAYLOAD_INVALID";
  /** The payload to bake is not recognisably OB 2.0 or OB 3.0; give the version explicitly. */
  public static final String PAYLOAD_VERSION_UNKNOWN = "PAYLOAD_VERSION_UNKNOWN";

  /**
   * @param code the stable error code (one of the constants of this class)
   * @param message a human-readable explanation
   */
  public BakingException(String code, String message) {
    super(code, message);
  }

  /**
   * @param code the stable error code (one of the constants of this class)
   * @param message a human-readable explanation
   * @param cause the underlying cause, or {@code null}
   */
  public BakingException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
