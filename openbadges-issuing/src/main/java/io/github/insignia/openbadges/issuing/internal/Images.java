package io.github.insignia.openbadges.issuing.internal;

import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** PNG/SVG checks, a PNG-in-SVG wrapper and a generated placeholder PNG. */
public final class Images {
  /** The PNG signature. */
  public static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private static final int PLACEHOLDER_SIZE = 128;
  private static final byte[] PLACEHOLDER = drawPlaceholder();

  private Images() {}

  /** Whether the bytes start with the PNG signature and an IHDR chunk. */
  public static boolean isPng(byte[] bytes) {
    if (bytes.length < 33) {
      return false;
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (bytes[i] != PNG_SIGNATURE[i]) {
        return false;
      }
    }
    return bytes[12] == 'I' && bytes[13] == 'H' && bytes[14] == 'D' && bytes[15] == 'R';
  }

  /** Fails with {@code IMAGE_UNSUPPORTED} unless the bytes are a PNG. */
  public static void requirePng(byte[] bytes) {
    if (!isPng(bytes)) {
      throw new InvalidInputException(IssuingErrorCode.IMAGE_UNSUPPORTED, "the badge image is not a PNG");
    }
  }

  /** Whether the text looks like an SVG document (an {@code <svg} start tag). */
  public static boolean looksLikeSvg(String text) {
    return svgStartTag(text) >= 0;
  }

  /** Fails with {@code IMAGE_UNSUPPORTED} unless the text is an SVG; returns it. */
  public static String requireSvg(String text) {
    if (!looksLikeSvg(text)) {
      throw new InvalidInputException(IssuingErrorCode.IMAGE_UNSUPPORTED, "the badge image is not an SVG");
    }
    return text;
  }

  /** Index of {@code <svg} (the root start tag), or -1. */
  static int svgStartTag(String text) {
    int i = text.indexOf("<svg");
    while (i >= 0) {
      char next = i + 4 < text.length() ? text.charAt(i + 4) : ' ';
      if (Character.isWhitespace(next) || next == '>' || next == '/') {
        return i;
      }
      i = text.indexOf("<svg", i + 4);
    }
    return -1;
  }

  /** An SVG showing the PNG at its own size. */
  public static String svgWrapping(byte[] png) {
    ByteBuffer ihdr = ByteBuffer.wrap(png, 16, 8);
    int width = ihdr.getInt();
    int height = ihdr.getInt();
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\""
        + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">\n"
        + "<image width=\"" + width + "\" height=\"" + height + "\" xlink:href=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png) + "\"/>\n</svg>\n";
  }

  /** A 128×128 placeholder PNG (a gold disc on transparency). */
  public static byte[] placeholderPng() {
    return PLACEHOLDER.clone();
  }

  private static byte[] drawPlaceholder() {
    int n = PLACEHOLDER_SIZE;
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    double c = (n - 1) / 2.0;
    for (int y = 0; y < n; y++) {
      raw.write(0); // filter: none
      for (int x = 0; x < n; x++) {
        double d = Math.hypot(x - c, y - c);
        boolean inside = d <= c - 2;
        boolean ring = inside && d >= c - 10;
        raw.write(inside ? (ring ? 0xB8 : 0xF2) : 0);
        raw.write(inside ? (ring ? 0x86 : 0xC1) : 0);
        raw.write(inside ? (ring ? 0x0B : 0x4E) : 0);
        raw.write(inside ? 0xFF : 0);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(PNG_SIGNATURE);
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(n).putInt(n);
    ihdr.put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
    writeChunk(png, "IHDR", ihdr.array());
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION))) {
      z.write(raw.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writeChunk(png, "IDAT", idat.toByteArray());
    writeChunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  /** Writes one PNG chunk: length, type, data, CRC-32 over type and data. */
  public static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
