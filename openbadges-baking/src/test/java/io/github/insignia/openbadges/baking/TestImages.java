package io.github.insignia.openbadges.baking;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Images and chunks made up for tests. */
final class TestImages {
  static final String OB3_JSON =
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
          + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
          + "\"id\":\"urn:uuid:1\",\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
          + "\"name\":\"Caf\u00e9 \u2615 badge\"}";
  static final String OB2_JSON =
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"id\":\"https://example.org/assertions/123\","
          + "\"type\":\"Assertion\"}";
  static final String OB2_URL = "https://example.org/assertions/123";

  private TestImages() {}

  /** A PNG drawn with ImageIO: a circle on a background, with noise when asked. */
  static byte[] png(int width, int height, boolean noisy) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(30, 90, 160));
    g.fillOval(width / 8, height / 8, width * 3 / 4, height * 3 / 4);
    g.dispose();
    if (noisy) {
      Random random = new Random(width * 31L + height);
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          image.setRGB(x, y, image.getRGB(x, y) ^ (random.nextInt() & 0x000f0f0f));
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] smallPng() {
    return png(16, 16, false);
  }

  static String svg(String extraRootAttributes, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made for a test -->\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"" + extraRootAttributes + ">\n"
        + body + "\n</svg>\n";
  }

  static byte[] svgBytes() {
    return svg("", "  <circle cx=\"32\" cy=\"32\" r=\"30\" fill=\"#1e5aa0\"/>").getBytes(StandardCharsets.UTF_8);
  }

  /** A whole chunk: length, type, data, CRC (correct unless {@code badCrc}). */
  static byte[] chunk(String type, byte[] data, boolean badCrc) {
    ByteBuffer b = ByteBuffer.allocate(12 + data.length);
    b.putInt(data.length);
    b.put(type.getBytes(StandardCharsets.ISO_8859_1));
    b.put(data);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 4, 4 + data.length);
    b.putInt((int) crc.getValue() ^ (badCrc ? 1 : 0));
    return b.array();
  }

  static byte[] iTXt(String keyword, String text) {
    return chunk("iTXt", concat(latin1(keyword), new byte[] {0, 0, 0, 0, 0}, text.getBytes(StandardCharsets.UTF_8)),
        false);
  }

  static byte[] compressedITXt(String keyword, byte[] text) {
    Deflater deflater = new Deflater(9);
    deflater.setInput(text);
    deflater.finish();
    byte[] buffer = new byte[text.length + 1024];
    int n = deflater.deflate(buffer);
    deflater.end();
    byte[] compressed = java.util.Arrays.copyOf(buffer, n);
    return chunk("iTXt", concat(latin1(keyword), new byte[] {0, 1, 0, 0, 0}, compressed), false);
  }

  static byte[] tEXt(String keyword, String text) {
    return chunk("tEXt", concat(latin1(keyword), new byte[] {0}, latin1(text)), false);
  }

  static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Inserts a chunk right before IEND. */
  static byte[] insertBeforeIend(byte[] png, byte[] chunk) {
    int iend = png.length - 12;
    return concat(java.util.Arrays.copyOf(png, iend), chunk, java.util.Arrays.copyOfRange(png, iend, png.length));
  }

  /** Inserts a chunk right after IHDR. */
  static byte[] insertAfterIhdr(byte[] png, byte[] chunk) {
    return concat(java.util.Arrays.copyOf(png, 33), chunk, java.util.Arrays.copyOfRange(png, 33, png.length));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
