package io.github.insignia.openbadges.issuing.internal;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.issuing.BadgeBaker;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The built-in OB 3.0 baker: an uncompressed {@code iTXt} chunk with keyword
 * {@code openbadgecredential} inserted right after IHDR (any earlier one with that keyword is
 * dropped, since a PNG holds at most one), and in SVG an {@code openbadges:credential} element right
 * after the {@code <svg>} start tag, with the JWT in {@code verify} or the JSON in a CDATA body.
 */
public enum MinimalBaker implements BadgeBaker {
  /** The only instance (stateless). */
  INSTANCE;

  /** The OB 3.0 PNG keyword. */
  public static final String PNG_KEYWORD = "openbadgecredential";
  /** The OB 3.0 SVG namespace. */
  public static final String SVG_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

  private static final int MAX_CHUNK = 64 * 1024 * 1024;

  @Override
  public byte[] bakePng(byte[] png, String credential) {
    Images.requirePng(png);
    ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + credential.length() + 64);
    out.write(png, 0, 8);
    int pos = 8;
    boolean inserted = false;
    while (pos < png.length) {
      if (pos + 12 > png.length) {
        throw new InvalidInputException("PNG_TRUNCATED", "the PNG ends inside a chunk header");
      }
      int length = ByteBuffer.wrap(png, pos, 4).getInt();
      if (length < 0 || length > MAX_CHUNK || pos + 12L + length > png.length) {
        throw new InvalidInputException("PNG_TRUNCATED", "a PNG chunk runs past the end of the file");
      }
      String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
      boolean ours = type.equals("iTXt") && startsWithKeyword(png, pos + 8, length);
      if (!ours) {
        out.write(png, pos, 12 + length);
      }
      pos += 12 + length;
      if (!inserted && type.equals("IHDR")) {
        Images.writeChunk(out, "iTXt", itxt(credential));
        inserted = true;
      }
      if (type.equals("IEND")) {
        break;
      }
    }
    return out.toByteArray();
  }

  private static boolean startsWithKeyword(byte[] png, int data, int length) {
    byte[] k = PNG_KEYWORD.getBytes(StandardCharsets.ISO_8859_1);
    if (length <= k.length || png[data + k.length] != 0) {
      return false;
    }
    for (int i = 0; i < k.length; i++) {
      if (png[data + i] != k[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] itxt(String text) {
    ByteArrayOutputStream data = new ByteArrayOutputStream(text.length() + 32);
    data.writeBytes(PNG_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
    data.write(0); // keyword terminator
    data.write(0); // compression flag: uncompressed, as the baking spec requires
    data.write(0); // compression method
    data.write(0); // empty language tag
    data.write(0); // empty translated keyword
    data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    return data.toByteArray();
  }

  @Override
  public String bakeSvg(String svg, String credential) {
    int start = Images.svgStartTag(svg);
    if (start < 0) {
      throw new InvalidInputException("IMAGE_UNSUPPORTED", "the badge image is not an SVG");
    }
    int end = svg.indexOf('>', start);
    if (end < 0) {
      throw new InvalidInputException("IMAGE_UNSUPPORTED", "the SVG start tag is not closed");
    }
    boolean selfClosing = svg.charAt(end - 1) == '/';
    String startTag = svg.substring(start, selfClosing ? end - 1 : end);
    if (!startTag.contains("xmlns:openbadges=")) {
      startTag += " xmlns:openbadges=\"" + SVG_NAMESPACE + "\"";
    }
    String element = credential.strip().startsWith("{")
        ? "<openbadges:credential><![CDATA[" + credential.replace("]]>", "]]]]><![CDATA[>") + "]]></openbadges:credential>"
        : "<openbadges:credential verify=\"" + credential.strip() + "\"/>";
    String rest = selfClosing ? "</svg>" + svg.substring(end + 1) : svg.substring(end + 1);
    return svg.substring(0, start) + startTag + ">" + element + rest;
  }
}
