package io.github.insignia.openbadges.baking;

import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.baking.internal.Payloads;
import io.github.insignia.openbadges.baking.internal.Png;
import io.github.insignia.openbadges.baking.internal.Svg;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Bakes a badge into a PNG or SVG image and takes it out again, for OB 2.0 and OB 3.0.
 *
 * <p>PNG: one uncompressed {@code iTXt} chunk right after IHDR, keyword {@code openbadges} (OB 2.0)
 * or {@code openbadgecredential} (OB 3.0); pixels are never decoded and every other chunk is kept
 * byte for byte and in order. SVG: one {@code <openbadges:assertion>} / {@code
 * <openbadges:credential>} element spliced right after the root start tag, declaring its own
 * namespace, so the rest of the file is kept byte for byte. Baking replaces any badge already there;
 * unbaking refuses an image with two badges ({@code BADGE_DUPLICATE}).
 *
 * <p>The format is detected from the content. Every failure is a {@link BakingException} with a
 * stable code, or a {@link NotABadgeException} {@code NO_BADGE} when a readable image carries no
 * badge. Stateless and thread-safe; create one per {@link BakingOptions} and share it.
 */
public final class BadgeBaker {
  private static final BadgeBaker DEFAULT = new BadgeBaker(BakingOptions.defaults());

  private final BakingOptions options;

  private BadgeBaker(BakingOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A baker with {@link BakingOptions#defaults()}. */
  public static BadgeBaker create() {
    return DEFAULT;
  }

  /** A baker with the given options. */
  public static BadgeBaker create(BakingOptions options) {
    return new BadgeBaker(options);
  }

  /** The options this baker applies. */
  public BakingOptions options() {
    return options;
  }

  /** Bakes the payload into the image and returns the baked image; the input array is not changed. */
  public byte[] bake(byte[] image, BadgePayload payload) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(payload, "payload");
    checkSize(image.length);
    return bake(image, image.length, payload);
  }

  private byte[] bake(byte[] image, int len, BadgePayload payload) {
    Payloads.checkBakeable(payload.text(), options.maxPayloadBytes());
    return switch (ImageInspector.detect(image, len)) {
      case PNG -> Png.bake(image, len, payload.version().pngKeyword(), payload.text(), options);
      case SVG -> Svg.bake(image, len, payload.version(), payload.text(), payload.kind(), options);
    };
  }

  /**
   * Bakes from a stream into a stream. The image is read (at most {@link
   * BakingOptions#maxImageBytes()} plus one byte) and checked completely before the first byte is
   * written, so a failed bake writes nothing. Neither stream is closed.
   */
  public void bake(InputStream image, BadgePayload payload, OutputStream out) {
    Objects.requireNonNull(out, "out");
    byte[] bytes = readBounded(image);
    byte[] baked = bake(bytes, bytes.length, payload);
    try {
      out.write(baked);
      out.flush();
    } catch (IOException e) {
      throw new BakingException(BakingErrorCode.IMAGE_IO, "could not write the baked image: " + e.getMessage(), e);
    }
  }

  /**
   * Bakes a file into a file. The result is written to a temporary file in the target folder and
   * moved into place atomically, so a failed bake leaves no partial output, and the input file is
   * never changed (unless it is also the output, and then only once the bake has succeeded).
   *
   * @return {@code out}
   */
  public Path bake(Path image, BadgePayload payload, Path out) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(out, "out");
    byte[] baked;
    try (InputStream in = Files.newInputStream(image)) {
      byte[] bytes = readBounded(in);
      baked = bake(bytes, bytes.length, payload);
    } catch (IOException e) {
      throw new BakingException(BakingErrorCode.IMAGE_IO, "could not read the image: " + e.getMessage(), e);
    }
    writeAtomically(baked, out);
    return out;
  }

  /**
   * Writes bytes to a file through a temporary file in the same folder and an atomic move (a plain
   * replacing move where the file system has no atomic move).
   */
  public static void writeAtomically(byte[] bytes, Path out) {
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new BakingException(BakingErrorCode.IMAGE_IO, "could not write the baked image: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The original failure matters more than a leftover temporary file.
        }
      }
    }
  }

  /**
   * The badge in the image, or empty when the image carries none.
   *
   * @throws BakingException when the image is unreadable, hostile, over a limit, or carries two badges
   */
  public Optional<UnbakedBadge> find(byte[] image) {
    Objects.requireNonNull(image, "image");
    checkSize(image.length);
    return find(image, image.length);
  }

  private Optional<UnbakedBadge> find(byte[] image, int len) {
    return switch (ImageInspector.detect(image, len)) {
      case PNG -> Png.unbake(image, len, options);
      case SVG -> Svg.unbake(image, len, options);
    };
  }

  /**
   * The badge in the image.
   *
   * @throws NotABadgeException {@code NO_BADGE} when the image is readable but carries no badge
   * @throws BakingException when the image is unreadable, hostile, over a limit, or carries two badges
   */
  public UnbakedBadge unbake(byte[] image) {
    return find(image).orElseThrow(BadgeBaker::noBadge);
  }

  /** Unbakes from a stream (read up to {@link BakingOptions#maxImageBytes()}); the stream is not closed. */
  public UnbakedBadge unbake(InputStream image) {
    byte[] bytes = readBounded(image);
    return find(bytes, bytes.length).orElseThrow(BadgeBaker::noBadge);
  }

  /** Unbakes a file. */
  public UnbakedBadge unbake(Path image) {
    try (InputStream in = Files.newInputStream(image)) {
      return unbake(in);
    } catch (IOException e) {
      throw new BakingException(BakingErrorCode.IMAGE_IO, "could not read the image: " + e.getMessage(), e);
    }
  }

  /** The image without any badge chunk or element; every other byte is kept. */
  public byte[] removeBadge(byte[] image) {
    Objects.requireNonNull(image, "image");
    checkSize(image.length);
    return switch (ImageInspector.detect(image)) {
      case PNG -> Png.remove(image, image.length, options);
      case SVG -> Svg.remove(image, image.length, options);
    };
  }

  private static NotABadgeException noBadge() {
    return new NotABadgeException(BakingErrorCode.NO_BADGE, "the image carries no badge");
  }

  private void checkSize(long size) {
    if (size > options.maxImageBytes()) {
      throw new BakingException(BakingErrorCode.IMAGE_TOO_LARGE,
          "the image is larger than the limit of " + options.maxImageBytes() + " bytes");
    }
  }

  private byte[] readBounded(InputStream in) {
    Objects.requireNonNull(in, "image");
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) options.maxImageBytes() + 1);
    } catch (IOException e) {
      throw new BakingException(BakingErrorCode.IMAGE_IO, "could not read the image: " + e.getMessage(), e);
    }
    checkSize(bytes.length);
    return bytes;
  }
}
