package io.github.insignia.openbadges.baking;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What {@link ImageInspector} found out about an image.
 *
 * @param format PNG or SVG, from the content
 * @param width width in pixels (PNG), or from the SVG {@code width} / {@code viewBox} when given in
 *     user units or px (rounded); empty when the SVG does not say
 * @param height height, as for {@code width}
 * @param sizeBytes the size of the image file
 * @param carriesBadge whether a badge chunk or element is present (without reading it)
 */
public record ImageInfo(ImageFormat format, OptionalInt width, OptionalInt height, long sizeBytes,
    boolean carriesBadge) {
  /** Checks the components. */
  public ImageInfo {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(width, "width");
    Objects.requireNonNull(height, "height");
  }

  /** Whether the image is square (badge platforms expect square images); false when unknown. */
  public boolean isSquare() {
    return width.isPresent() && height.isPresent() && width.getAsInt() == height.getAsInt();
  }
}
