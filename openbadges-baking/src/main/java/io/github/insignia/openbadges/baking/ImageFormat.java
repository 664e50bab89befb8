package io.github.insignia.openbadges.baking;

/** The image formats a badge can be baked into. */
public enum ImageFormat {
  /** Portable Network Graphics: the badge lives in an {@code iTXt} chunk. */
  PNG("png", "image/png"),
  /** Scalable Vector Graphics: the badge lives in an element right after the root start tag. */
  SVG("svg", "image/svg+xml");

  private final String extension;
  private final String mediaType;

  ImageFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  /** The usual file extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The IANA media type. */
  public String mediaType() {
    return mediaType;
  }
}
