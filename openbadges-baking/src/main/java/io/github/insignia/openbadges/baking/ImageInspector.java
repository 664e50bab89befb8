package io.github.insignia.openbadges.baking;

import io.github.insignia.openbadges.baking.internal.Png;
import io.github.insignia.openbadges.baking.internal.Svg;
import java.awt.Dimension;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.png.PngImageParser;

/**
 * Checks that bytes really are a PNG or SVG badge image and reads their dimensions, for the
 * validation module and for hosts that accept uploads. The format comes from the content, never a
 * file name. PNGs are walked chunk by chunk under {@link BakingOptions} first and then handed to
 * Apache Commons Imaging for the header; SVGs go through the same bounded, DOCTYPE-free scan as
 * unbaking. Stateless and thread-safe.
 */
public final class ImageInspector {
  private ImageInspector() {}

  /**
   * The format of the bytes, from the content alone.
   *
   * @throws BakingException {@code IMAGE_FORMAT_UNKNOWN} when it is neither PNG nor (apparently) XML
   */
  public static ImageFormat detect(byte[] image) {
    Objects.requireNonNull(image, "image");
    return detect(image, image.length);
  }

  static ImageFormat detect(byte[] image, int len) {
    return sniff(image, len).orElseThrow(() ->
        new BakingException(BakingErrorCode.IMAGE_FORMAT_UNKNOWN, "the input is neither a PNG nor an SVG image"));
  }

  /**
   * The format the first bytes claim (a PNG signature, or markup after an optional BOM and white
   * space), without reading further: empty for anything else. For callers that must tell an image
   * from JSON or a JWS before deciding what to do with the input.
   */
  public static Optional<ImageFormat> sniff(byte[] image) {
    Objects.requireNonNull(image, "image");
    return sniff(image, image.length);
  }

  private static Optional<ImageFormat> sniff(byte[] image, int len) {
    if (Png.hasSignature(image, len)) {
      return Optional.of(ImageFormat.PNG);
    }
    if (Svg.looksLikeXml(image, len)) {
      return Optional.of(ImageFormat.SVG);
    }
    return Optional.empty();
  }

  /** Inspects with the default options. */
  public static ImageInfo inspect(byte[] image) {
    return inspect(image, BakingOptions.defaults());
  }

  /**
   * Checks the image and reads its dimensions.
   *
   * @throws BakingException when the image is not a readable PNG or SVG, with the same codes as
   *     unbaking
   */
  public static ImageInfo inspect(byte[] image, BakingOptions options) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(options, "options");
    if (image.length > options.maxImageBytes()) {
      throw new BakingException(BakingErrorCode.IMAGE_TOO_LARGE,
          "the image is larger than the limit of " + options.maxImageBytes() + " bytes");
    }
    ImageFormat format = detect(image);
    if (format == ImageFormat.PNG) {
      boolean badge = Png.carriesBadge(image, image.length, options);
      Dimension size = pngSize(image);
      return new ImageInfo(format, OptionalInt.of(size.width), OptionalInt.of(size.height), image.length, badge);
    }
    Svg.Scan scan = Svg.scan(image, image.length, options);
    OptionalInt[] size = svgSize(scan);
    return new ImageInfo(format, size[0], size[1], image.length, Svg.carriesBadge(scan));
  }

  private static Dimension pngSize(byte[] image) {
    try {
      return new PngImageParser().getImageSize(ByteSource.array(image), null);
    } catch (IOException | RuntimeException e) {
      throw new BakingException(BakingErrorCode.PNG_MALFORMED, "the PNG header cannot be read: " + e.getMessage(), e);
    }
  }

  private static OptionalInt[] svgSize(Svg.Scan scan) {
    OptionalInt width = scan.rootAttribute("width").map(ImageInspector::pixels).orElse(OptionalInt.empty());
    OptionalInt height = scan.rootAttribute("height").map(ImageInspector::pixels).orElse(OptionalInt.empty());
    if (width.isEmpty() || height.isEmpty()) {
      String[] box = scan.rootAttribute("viewBox").orElse("").trim().split("[\\s,]+");
      if (box.length == 4) {
        OptionalInt w = pixels(box[2]);
        OptionalInt h = pixels(box[3]);
        if (w.isPresent() && h.isPresent()) {
          return new OptionalInt[] {width.isPresent() ? width : w, height.isPresent() ? height : h};
        }
      }
    }
    return new OptionalInt[] {width, height};
  }

  private static OptionalInt pixels(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.endsWith("px")) {
      v = v.substring(0, v.length() - 2).trim();
    }
    if (v.isEmpty() || v.length() > 32) {
      return OptionalInt.empty();
    }
    try {
      double d = Double.parseDouble(v);
      return d > 0 && d < Integer.MAX_VALUE ? OptionalInt.of((int) Math.round(d)) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
