package io.github.insignia.openbadges.issuing;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.issuing.internal.Images;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The artwork a badge is baked into, as both PNG and SVG. Give either: from a PNG the SVG wraps the
 * PNG; from an SVG the PNG is a plain placeholder disc (rasterising SVG needs a renderer the SDK
 * does not ship), so hosts that care give both. Immutable.
 */
public final class BadgeImage {
  private final byte[] png;
  private final String svg;

  private BadgeImage(byte[] png, String svg) {
    this.png = png;
    this.svg = svg;
  }

  /** Both forms, as drawn by the designer. */
  public static BadgeImage of(byte[] png, String svg) {
    Images.requirePng(Objects.requireNonNull(png, "png"));
    return new BadgeImage(png.clone(), Images.requireSvg(Objects.requireNonNull(svg, "svg")));
  }

  /** A PNG; the SVG form embeds it. */
  public static BadgeImage png(byte[] png) {
    Images.requirePng(Objects.requireNonNull(png, "png"));
    return new BadgeImage(png.clone(), Images.svgWrapping(png));
  }

  /** An SVG; the PNG form is a placeholder. */
  public static BadgeImage svg(String svg) {
    Images.requireSvg(Objects.requireNonNull(svg, "svg"));
    return new BadgeImage(Images.placeholderPng(), svg);
  }

  /** A placeholder image (a plain disc), for issuers that have no artwork yet. */
  public static BadgeImage placeholder() {
    byte[] png = Images.placeholderPng();
    return new BadgeImage(png, Images.svgWrapping(png));
  }

  /**
   * Reads either form from bytes, by content.
   *
   * @throws InvalidInputException {@code IMAGE_UNSUPPORTED} when it is neither PNG nor SVG
   */
  public static BadgeImage read(byte[] bytes) {
    if (Images.isPng(bytes)) {
      return png(bytes);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (Images.looksLikeSvg(text)) {
      return svg(text);
    }
    throw new InvalidInputException(IssuingErrorCode.IMAGE_UNSUPPORTED, "the badge image is neither PNG nor SVG");
  }

  /**
   * The image of an OB 3.0 Achievement when it is a {@code data:} URI of a PNG or SVG (URLs are not
   * fetched: the SDK makes no network calls while issuing).
   */
  public static Optional<BadgeImage> fromAchievement(JsonNode achievement) {
    JsonNode image = achievement.path("image");
    String id = image.isTextual() ? image.asText() : image.path("id").asText("");
    if (!id.startsWith("data:")) {
      return Optional.empty();
    }
    int comma = id.indexOf(',');
    if (comma < 0) {
      return Optional.empty();
    }
    String meta = id.substring(5, comma);
    String data = id.substring(comma + 1);
    byte[] bytes;
    try {
      bytes = meta.endsWith(";base64")
          ? Base64.getMimeDecoder().decode(data)
          : java.net.URLDecoder.decode(data, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(IssuingErrorCode.IMAGE_UNSUPPORTED, "the achievement image data URI is malformed", e);
    }
    return Optional.of(read(bytes));
  }

  /** The PNG form (a copy). */
  public byte[] png() {
    return png.clone();
  }

  byte[] pngShared() {
    return png;
  }

  /** The SVG form. */
  public String svg() {
    return svg;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BadgeImage other && Arrays.equals(png, other.png) && svg.equals(other.svg);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(png) * 31 + svg.hashCode();
  }
}
