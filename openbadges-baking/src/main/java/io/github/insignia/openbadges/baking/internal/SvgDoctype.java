package io.github.insignia.openbadges.baking.internal;

import io.github.insignia.openbadges.baking.BakingErrorCode;
import io.github.insignia.openbadges.baking.BakingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The standard external DOCTYPE of SVG 1.0 and 1.1 (full, Basic, Tiny), which editors such as
 * Inkscape and Illustrator write: {@code <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
 * "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">}. It is recognised byte by byte and then
 * ignored: the DTD is never fetched nor applied, so it declares nothing. Anything else (another
 * root name, a SYSTEM id, a public id with another system id, an internal subset, an entity
 * declaration) is refused with {@link BakingException#SVG_DOCTYPE_FORBIDDEN}. Not API.
 */
final class SvgDoctype {
  /** Public id → its one system id. */
  private static final Map<String, String> STANDARD = Map.of(
      "-//W3C//DTD SVG 1.0//EN", "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd",
      "-//W3C//DTD SVG 1.1//EN", "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd",
      "-//W3C//DTD SVG 1.1 Basic//EN", "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11-basic.dtd",
      "-//W3C//DTD SVG 1.1 Tiny//EN", "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11-tiny.dtd");

  private SvgDoctype() {}

  /** The offset after the DOCTYPE starting at {@code pos} when it is a standard one; else refused. */
  static int standardEnd(byte[] b, int pos, int len) {
    int p = pos + "<!DOCTYPE".length();
    p = space(b, p, len, pos, true);
    p = word(b, p, len, pos, "svg");
    p = space(b, p, len, pos, true);
    if (p < len && b[p] == 'S') {
      throw refused(pos, "a SYSTEM identifier (only the W3C public SVG DTDs are accepted)");
    }
    p = word(b, p, len, pos, "PUBLIC");
    p = space(b, p, len, pos, true);
    int publicEnd = quoted(b, p, len, pos);
    String publicId = new String(b, p + 1, publicEnd - p - 1, StandardCharsets.US_ASCII);
    p = space(b, publicEnd + 1, len, pos, true);
    int systemEnd = quoted(b, p, len, pos);
    String systemId = new String(b, p + 1, systemEnd - p - 1, StandardCharsets.US_ASCII);
    p = space(b, systemEnd + 1, len, pos, false);
    if (p < len && b[p] == '[') {
      throw refused(pos, "an internal subset (it could declare entities)");
    }
    if (p >= len || b[p] != '>') {
      throw refused(pos, "unexpected content before '>'");
    }
    String expected = STANDARD.get(publicId);
    if (expected == null) {
      throw refused(pos, "the public id '" + abbreviate(publicId) + "', not one of the W3C SVG DTDs");
    }
    if (!expected.equals(systemId)) {
      throw refused(pos, "the system id '" + abbreviate(systemId) + "', not " + expected + " that " + publicId + " names");
    }
    return p + 1;
  }

  private static int space(byte[] b, int p, int len, int start, boolean required) {
    int q = p;
    while (q < len && Payloads.isXmlSpace(b[q])) {
      q++;
    }
    if (required && q == p) {
      throw refused(start, q >= len ? "it is cut short" : "no white space at byte " + q);
    }
    return q;
  }

  private static int word(byte[] b, int p, int len, int start, String word) {
    byte[] w = word.getBytes(StandardCharsets.US_ASCII);
    if (p + w.length > len || !java.util.Arrays.equals(b, p, p + w.length, w, 0, w.length)) {
      throw refused(start, "'" + word + "' expected at byte " + p);
    }
    return p + w.length;
  }

  /** The offset of the closing quote of the literal opening at {@code p}; printable ASCII only. */
  private static int quoted(byte[] b, int p, int len, int start) {
    if (p >= len || (b[p] != '"' && b[p] != '\'')) {
      throw refused(start, "a quoted identifier expected at byte " + p);
    }
    byte quote = b[p];
    int limit = Math.min(len, p + 256);
    for (int q = p + 1; q < limit; q++) {
      if (b[q] == quote) {
        return q;
      }
      if (b[q] < 0x20 || b[q] > 0x7e) {
        break;
      }
    }
    throw refused(start, "an identifier that is not a short printable literal at byte " + p);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "…";
  }

  private static BakingException refused(int pos, String why) {
    return new BakingException(BakingErrorCode.SVG_DOCTYPE_FORBIDDEN, "the SVG has a DOCTYPE at byte " + pos
        + " that is not the standard SVG one: " + why + "; DOCTYPEs that could declare entities are refused "
        + "(external entity and entity expansion attacks)");
  }
}
