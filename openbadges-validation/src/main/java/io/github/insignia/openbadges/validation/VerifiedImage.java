package io.github.insignia.openbadges.validation;

import java.util.Objects;

/**
 * The badge's image as the verifier obtained and inspected it (a real PNG or SVG): what a host
 * that stores and shows the badge keeps, without fetching it a second time. Only in a report made
 * with {@link VerificationOptions#requireImage()}. Immutable.
 */
public final class VerifiedImage {
  private final byte[] bytes;
  private final String mediaType;
  private final String source;

  VerifiedImage(byte[] bytes, String mediaType, String source) {
    this.bytes = bytes.clone();
    this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    this.source = Objects.requireNonNull(source, "source");
  }

  /** The image's bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@code image/png} or {@code image/svg+xml}, from the bytes (never from a server's header). */
  public String mediaType() {
    return mediaType;
  }

  /** Where it came from: its URL, {@code data:} for a data URI, {@code baked} for the input image itself. */
  public String source() {
    return source;
  }

  /** The size in bytes. */
  public int size() {
    return bytes.length;
  }

  @Override
  public String toString() {
    return "VerifiedImage[" + mediaType + ", " + bytes.length + " bytes, " + source + "]";
  }
}
