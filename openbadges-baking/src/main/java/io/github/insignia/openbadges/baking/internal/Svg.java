package io.github.insignia.openbadges.baking.internal;

import io.github.insignia.openbadges.baking.BakingErrorCode;
import io.github.insignia.openbadges.baking.BadgeVersion;
import io.github.insignia.openbadges.baking.BakingException;
import io.github.insignia.openbadges.baking.BakingOptions;
import io.github.insignia.openbadges.baking.ImageFormat;
import io.github.insignia.openbadges.baking.PayloadKind;
import io.github.insignia.openbadges.baking.UnbakedBadge;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SVG without an XML parser: a bounded, namespace-aware scan of the markup that finds the root
 * start tag and any badge elements by byte offset. Baking splices bytes at those offsets, so the
 * rest of the file stays byte for byte. The one DOCTYPE accepted is the standard external one of
 * SVG 1.0/1.1 (a W3C public id with its own W3C system id, as editors write it), before the root
 * and never read: no DTD is fetched and none is applied. Any other DOCTYPE, an internal subset or
 * an entity declaration is refused, so XXE and entity expansion cannot happen. Only the five
 * predefined entities and character references are decoded.
 */
public final class Svg {
  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
  /** The OB 3.0 context's path used by mistake as the SVG namespace; read (with a warning), never written. */
  static final String MISTAKEN_OB3_NAMESPACE = "https://purl.imsglobal.org/spec/ob/v3p0";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LESS_THANS = '<' * ONES;
  /** The bytes that end a name: XML white space and {@code > / = < " '}. */
  private static final boolean[] ENDS_NAME = new boolean[256];

  static {
    for (char c : " \t\r\n>/=<\"'".toCharArray()) {
      ENDS_NAME[c] = true;
    }
  }

  private Svg() {}

  /** Whether one of the eight bytes of {@code x} is zero (exact; which one is found byte by byte). */
  private static boolean hasZeroByte(long x) {
    return ((x - ONES) & ~x & 0x8080808080808080L) != 0;
  }

  /** Whether the bytes look like XML: an optional UTF-8 BOM, white space, then {@code <}. */
  public static boolean looksLikeXml(byte[] b, int len) {
    int p = bomLength(b, len);
    while (p < len && Payloads.isXmlSpace(b[p])) {
      p++;
    }
    return p < len && b[p] == '<';
  }

  private static int bomLength(byte[] b, int len) {
    return len >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2] ? 3 : 0;
  }

  /** The badge version an element stands for, or null when it is not a badge element. */
  static BadgeVersion badgeElementVersion(String namespace, String local) {
    if (namespace == null) {
      return null;
    }
    if (local.equals("assertion") && namespace.equals(BadgeVersion.OB_2_0.svgNamespace())) {
      return BadgeVersion.OB_2_0;
    }
    if (local.equals("credential")) {
      if (namespace.equals(BadgeVersion.OB_3_0.svgNamespace()) || namespace.equals(MISTAKEN_OB3_NAMESPACE)) {
        return BadgeVersion.OB_3_0;
      }
      if (namespace.equals(BadgeVersion.CLR_2_0.svgNamespace())) {
        return BadgeVersion.CLR_2_0;
      }
    }
    return null;
  }

  /** A badge element found by the scan. */
  record Found(int start, int end, String namespace, String local, BadgeVersion declared, String content,
      Optional<String> verify) {}

  /** What the scan learnt about the document. */
  public static final class Scan {
    int rootStartEnd;
    int rootSlash = -1;
    String rootQName;
    String rootNamespace;
    final Map<String, String> rootAttributes = new HashMap<>();
    final List<Found> badges = new ArrayList<>();

    /** An attribute of the root element ({@code width}, {@code height}, {@code viewBox}). */
    public Optional<String> rootAttribute(String name) {
      return Optional.ofNullable(rootAttributes.get(name));
    }

    /** The namespace of the root element, when it has one. */
    public Optional<String> rootNamespace() {
      return Optional.ofNullable(rootNamespace);
    }
  }

  private static final class Frame {
    final int nameStart;
    final int nameEnd;
    final Map<String, String> declarations;
    final Frame parent;

    Frame(int nameStart, int nameEnd, Map<String, String> declarations, Frame parent) {
      this.nameStart = nameStart;
      this.nameEnd = nameEnd;
      this.declarations = declarations;
      this.parent = parent;
    }

    String resolve(String prefix) {
      for (Frame f = this; f != null; f = f.parent) {
        if (f.declarations != null && f.declarations.containsKey(prefix)) {
          String uri = f.declarations.get(prefix);
          return uri.isEmpty() ? null : uri;
        }
      }
      return prefix.equals("xml") ? XML_NS : null;
    }
  }

  /** Collects the character data of a badge element, remembering which characters came from references. */
  private static final class Capture {
    final int start;
    final int depth;
    final String namespace;
    final String local;
    final BadgeVersion declared;
    final Optional<String> verify;
    final StringBuilder text = new StringBuilder();
    final BitSet fromReference = new BitSet();

    Capture(int start, int depth, String namespace, String local, BadgeVersion declared, Optional<String> verify) {
      this.start = start;
      this.depth = depth;
      this.namespace = namespace;
      this.local = local;
      this.declared = declared;
      this.verify = verify;
    }

    Found finish(int end) {
      int s = 0;
      int e = text.length();
      while (s < e && Payloads.isXmlSpace(text.charAt(s)) && !fromReference.get(s)) {
        s++;
      }
      while (e > s && Payloads.isXmlSpace(text.charAt(e - 1)) && !fromReference.get(e - 1)) {
        e--;
      }
      return new Found(start, end, namespace, local, declared, text.substring(s, e), verify);
    }
  }

  /** Whether the scan found a badge element. */
  public static boolean carriesBadge(Scan scan) {
    return !scan.badges.isEmpty();
  }

  /** Scans the document; every problem is a {@link BakingException}. */
  public static Scan scan(byte[] b, int len, BakingOptions options) {
    return new Scanner(b, len, options, false).run();
  }

  /**
   * The scan a splice (bake, remove) needs. The prolog and the root start tag are always scanned:
   * a DOCTYPE can only be declared there, and the encoding declaration and the root are checked
   * there. The rest is scanned only when it may hold a badge element (to replace it) or a DOCTYPE,
   * or when the document does not end with the root end tag (truncated): otherwise it is copied
   * unread, so baking costs about a copy. Unbaking and inspecting still scan everything.
   */
  static Scan spliceScan(byte[] b, int len, BakingOptions options) {
    Scan prolog = new Scanner(b, len, options, true).run();
    if (prolog.rootSlash < 0 && endsWithEndTag(b, prolog.rootStartEnd, len, prolog.rootQName)
        && !SvgSkim.mayHoldBadgeOrDoctype(b, prolog.rootStartEnd, len)) {
      return prolog;
    }
    return scan(b, len, options);
  }

  /** Whether {@code b[from, len)} ends with {@code </qname>} and white space. */
  private static boolean endsWithEndTag(byte[] b, int from, int len, String qname) {
    int p = len;
    while (p > from && Payloads.isXmlSpace(b[p - 1])) {
      p--;
    }
    if (p == from || b[p - 1] != '>') {
      return false;
    }
    p--;
    while (p > from && Payloads.isXmlSpace(b[p - 1])) {
      p--;
    }
    byte[] name = qname.getBytes(StandardCharsets.UTF_8);
    int start = p - name.length - 2;
    return start >= from && b[start] == '<' && b[start + 1] == '/' && Arrays.equals(b, start + 2, p, name, 0, name.length);
  }

  private static final class Scanner {
    private final byte[] b;
    private final int len;
    private final BakingOptions options;
    private final boolean stopAfterRoot;
    private final Scan scan = new Scan();
    private Frame top;
    private int depth;
    private boolean rootSeen;
    private boolean doctypeSeen;
    private Capture capture;

    Scanner(byte[] b, int len, BakingOptions options, boolean stopAfterRoot) {
      this.b = b;
      this.len = len;
      this.options = options;
      this.stopAfterRoot = stopAfterRoot;
    }

    Scan run() {
      int pos = bomLength(b, len);
      boolean first = true;
      while (pos < len) {
        if (b[pos] != '<') {
          int next = indexOf((byte) '<', pos);
          int end = next < 0 ? len : next;
          if (top == null) {
            for (int i = pos; i < end; i++) {
              if (!Payloads.isXmlSpace(b[i])) {
                throw malformed("text outside the root element at byte " + i);
              }
            }
          } else if (capture != null) {
            appendText(capture, pos, end, false);
          }
          pos = end;
        } else if (pos + 1 == len || (b[pos + 1] != '?' && b[pos + 1] != '!' && b[pos + 1] != '/')) {
          // Start tags are most of the markup: tell them apart by one byte before trying the rest.
          pos = startTag(pos);
          if (stopAfterRoot) {
            return scan;
          }
        } else if (startsWith(pos, "<?")) {
          int end = find("?>", pos + 2, "a processing instruction");
          if (first && startsWith(pos, "<?xml") && end > pos + 5 && Payloads.isXmlSpace(b[pos + 5])) {
            checkEncoding(pos + 5, end);
          }
          pos = end + 2;
        } else if (startsWith(pos, "<!--")) {
          pos = find("-->", pos + 4, "a comment") + 3;
        } else if (startsWith(pos, "<![CDATA[")) {
          if (top == null) {
            throw malformed("a CDATA section outside the root element at byte " + pos);
          }
          int end = find("]]>", pos + 9, "a CDATA section");
          if (capture != null) {
            appendRaw(capture, pos + 9, end, false);
          }
          pos = end + 3;
        } else if (startsWithIgnoreCase(pos, "<!DOCTYPE")) {
          if (top != null || rootSeen || doctypeSeen) {
            throw new BakingException(BakingErrorCode.SVG_DOCTYPE_FORBIDDEN,
                "the SVG has a DOCTYPE at byte " + pos + " where none may be (after the root or a second one)");
          }
          pos = SvgDoctype.standardEnd(b, pos, len);
          doctypeSeen = true;
        } else if (startsWith(pos, "<!")) {
          throw malformed("unexpected markup '<!' at byte " + pos);
        } else {
          pos = endTag(pos); // "</": every other second byte is handled above
        }
        first = false;
      }
      if (!rootSeen) {
        throw malformed("no root element");
      }
      if (top != null) {
        throw malformed("the document ends inside <" + ascii(top.nameStart, top.nameEnd) + "> (truncated?)");
      }
      return scan;
    }

    private int endTag(int pos) {
      int p = pos + 2;
      int nameEnd = nameEnd(p);
      int nameStart = p;
      p = skipSpace(nameEnd);
      if (p >= len || b[p] != '>') {
        throw malformed("an unterminated end tag at byte " + pos);
      }
      if (top == null || !Arrays.equals(b, top.nameStart, top.nameEnd, b, nameStart, nameEnd)) {
        throw malformed("the end tag </" + ascii(nameStart, nameEnd) + "> at byte " + pos + " does not match "
            + (top == null ? "any open element" : "<" + ascii(top.nameStart, top.nameEnd) + ">"));
      }
      top = top.parent;
      depth--;
      if (capture != null && depth == capture.depth) {
        scan.badges.add(capture.finish(p + 1));
        capture = null;
      }
      return p + 1;
    }

    private int startTag(int pos) {
      if (top == null && rootSeen) {
        throw malformed("a second root element at byte " + pos);
      }
      int p = pos + 1;
      int nameEnd = nameEnd(p);
      if (nameEnd == p) {
        throw malformed("a '<' that starts no tag at byte " + pos);
      }
      int qnameStart = p;
      int qnameEnd = nameEnd;
      p = nameEnd;
      Map<String, String> declarations = null;
      Map<String, int[]> wanted = null;
      boolean selfClosing;
      while (true) {
        p = skipSpace(p);
        if (p >= len) {
          throw malformed("the start tag <" + ascii(qnameStart, qnameEnd) + "> at byte " + pos + " is not terminated");
        }
        if (b[p] == '>') {
          p++;
          selfClosing = false;
          break;
        }
        if (b[p] == '/' && p + 1 < len && b[p + 1] == '>') {
          p += 2;
          selfClosing = true;
          break;
        }
        int attrEnd = nameEnd(p);
        if (attrEnd == p) {
          throw malformed("an invalid attribute in <" + ascii(qnameStart, qnameEnd) + "> at byte " + p);
        }
        int nameStart = p;
        p = skipSpace(attrEnd);
        if (p >= len || b[p] != '=') {
          throw malformed("an attribute without a value in <" + ascii(qnameStart, qnameEnd) + "> at byte " + nameStart);
        }
        p = skipSpace(p + 1);
        if (p >= len || (b[p] != '"' && b[p] != '\'')) {
          throw malformed("an unquoted attribute value in <" + ascii(qnameStart, qnameEnd) + "> at byte " + p);
        }
        int close = closingQuote(p);
        if (close < 0) {
          throw malformed("an unterminated attribute value in <" + ascii(qnameStart, qnameEnd) + "> at byte " + p);
        }
        if (b[close] == '<') {
          throw malformed("a '<' inside an attribute value in <" + ascii(qnameStart, qnameEnd) + "> at byte " + p);
        }
        if (startsWith(nameStart, "xmlns") && (attrEnd == nameStart + 5 || b[nameStart + 5] == ':')) {
          String attr = ascii(nameStart, attrEnd);
          if (declarations == null) {
            declarations = new HashMap<>(4);
          }
          String prefix = attr.length() == 5 ? "" : attr.substring(6);
          declarations.put(prefix, attributeValue(p + 1, close));
        } else if (nameIs(nameStart, attrEnd, "verify") || (!rootSeen && (nameIs(nameStart, attrEnd, "width")
            || nameIs(nameStart, attrEnd, "height") || nameIs(nameStart, attrEnd, "viewBox")))) {
          String attr = ascii(nameStart, attrEnd);
          if (wanted == null) {
            wanted = new HashMap<>(4);
          }
          wanted.put(attr, new int[] {p + 1, close});
        }
        p = close + 1;
        if (p < len && !Payloads.isXmlSpace(b[p]) && b[p] != '>' && b[p] != '/') {
          throw malformed("attributes not separated by white space in <" + ascii(qnameStart, qnameEnd) + "> at byte " + p);
        }
      }
      Frame frame = new Frame(qnameStart, qnameEnd, declarations, top);
      int colon = qnameStart - 1;
      for (int i = qnameStart; i < qnameEnd; i++) {
        if (b[i] == ':') {
          colon = i;
          break;
        }
      }
      // Only the root and possible badge elements need their namespace (saves a string per element).
      boolean candidate = !rootSeen || nameIs(colon + 1, qnameEnd, "assertion") || nameIs(colon + 1, qnameEnd, "credential");
      String qname = null;
      String local = null;
      String namespace = null;
      if (candidate) {
        qname = ascii(qnameStart, qnameEnd);
        String prefix = colon < qnameStart ? "" : ascii(qnameStart, colon);
        local = ascii(colon + 1, qnameEnd);
        namespace = frame.resolve(prefix);
        if (namespace == null && !prefix.isEmpty()) {
          throw malformed("the prefix '" + prefix + "' of <" + qname + "> at byte " + pos + " is not declared");
        }
      }
      if (!rootSeen) {
        rootSeen = true;
        if (!local.equals("svg")) {
          throw new BakingException(BakingErrorCode.IMAGE_FORMAT_UNKNOWN,
              "the input is XML but its root element is <" + qname + ">, not <svg>");
        }
        scan.rootQName = qname;
        scan.rootNamespace = namespace;
        scan.rootStartEnd = p;
        scan.rootSlash = selfClosing ? p - 2 : -1;
        if (wanted != null) {
          for (Map.Entry<String, int[]> e : wanted.entrySet()) {
            scan.rootAttributes.put(e.getKey(), attributeValue(e.getValue()[0], e.getValue()[1]));
          }
        }
      }
      if (capture == null && candidate) {
        BadgeVersion declared = badgeElementVersion(namespace, local);
        if (declared != null) {
          int[] verify = wanted == null ? null : wanted.get("verify");
          Optional<String> verifyValue =
              verify == null ? Optional.empty() : Optional.of(attributeValue(verify[0], verify[1]));
          Capture c = new Capture(pos, depth, namespace, local, declared, verifyValue);
          if (selfClosing) {
            scan.badges.add(c.finish(p));
          } else {
            capture = c;
          }
        }
      }
      if (!selfClosing) {
        top = frame;
        depth++;
        if (depth > options.maxXmlDepth()) {
          throw new BakingException(BakingErrorCode.SVG_TOO_DEEP,
              "the SVG nests elements deeper than " + options.maxXmlDepth() + " levels");
        }
      }
      return p;
    }

    private void checkEncoding(int from, int end) {
      String decl = ascii(from, end);
      int i = decl.indexOf("encoding");
      if (i < 0) {
        return;
      }
      int q = i + 8;
      while (q < decl.length() && (decl.charAt(q) == '=' || Payloads.isXmlSpace(decl.charAt(q)))) {
        q++;
      }
      if (q >= decl.length()) {
        throw malformed("a broken encoding declaration");
      }
      char quote = decl.charAt(q);
      int close = decl.indexOf(quote, q + 1);
      if (close < 0) {
        throw malformed("a broken encoding declaration");
      }
      String encoding = decl.substring(q + 1, close).toLowerCase(Locale.ROOT);
      if (!encoding.equals("utf-8") && !encoding.equals("utf8") && !encoding.equals("us-ascii")
          && !encoding.equals("ascii")) {
        throw new BakingException(BakingErrorCode.TEXT_ENCODING_INVALID,
            "the SVG declares the encoding '" + encoding + "'; only UTF-8 SVG files are supported");
      }
    }

    private String attributeValue(int from, int to) {
      if (to - from <= options.maxPayloadBytes() && plainAscii(from, to)) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1); // nothing to decode or normalise
      }
      Capture c = new Capture(0, 0, null, null, null, Optional.empty());
      appendText(c, from, to, true);
      return c.text.toString();
    }

    /** Printable ASCII without references: the value is the bytes themselves. */
    private boolean plainAscii(int from, int to) {
      for (int i = from; i < to; i++) {
        byte x = b[i];
        if (x < 0x20 || x == '&' || x == 0x7f) {
          return false;
        }
      }
      return true;
    }

    /** Character data: references decoded, line ends normalised; in attributes white space becomes a space. */
    private void appendText(Capture c, int from, int to, boolean attribute) {
      int run = from;
      int i = from;
      while (i < to) {
        byte x = b[i];
        if (x == '&') {
          appendRaw(c, run, i, attribute);
          int semi = indexOf((byte) ';', i + 1, Math.min(to, i + 12));
          if (semi < 0) {
            throw malformed("an unterminated reference at byte " + i);
          }
          String name = ascii(i + 1, semi);
          switch (name) {
            case "lt" -> c.text.append('<');
            case "gt" -> c.text.append('>');
            case "amp" -> c.text.append('&');
            case "quot" -> c.text.append('"');
            case "apos" -> c.text.append('\'');
            default -> {
              int cp = characterReference(name, i);
              c.fromReference.set(c.text.length(), c.text.length() + Character.charCount(cp));
              c.text.appendCodePoint(cp);
            }
          }
          i = semi + 1;
          run = i;
        } else {
          i++;
        }
      }
      appendRaw(c, run, to, attribute);
    }

    private int characterReference(String name, int at) {
      try {
        int cp;
        if (name.startsWith("#x")) {
          cp = Integer.parseInt(name.substring(2), 16);
        } else if (name.startsWith("#")) {
          cp = Integer.parseInt(name.substring(1), 10);
        } else {
          throw malformed("the entity reference &" + name + "; at byte " + at
              + " is not defined (only the five predefined entities are, as there is no DTD)");
        }
        boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
            || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!ok) {
          throw malformed("the character reference &" + name + "; at byte " + at + " is not an XML character");
        }
        return cp;
      } catch (NumberFormatException e) {
        throw malformed("the character reference &" + name + "; at byte " + at + " is not a number");
      }
    }

    /** Raw bytes (text run or CDATA): UTF-8 decoded strictly, CR LF and CR become LF (space in attributes). */
    private void appendRaw(Capture c, int from, int to, boolean attribute) {
      if (from >= to) {
        return;
      }
      if ((long) c.text.length() + (to - from) > options.maxPayloadBytes()) {
        throw new BakingException(BakingErrorCode.PAYLOAD_TOO_LARGE,
            "the badge text is larger than the limit of " + options.maxPayloadBytes() + " bytes");
      }
      String s = Png.utf8(b, from, to - from, "the SVG badge text is not valid UTF-8");
      if (s.indexOf('\r') >= 0) {
        s = s.replace("\r\n", "\n").replace('\r', '\n');
      }
      if (attribute) {
        s = s.replace('\n', ' ').replace('\t', ' ');
      }
      c.text.append(s);
    }

    /** The closing quote of the value opened at {@code p}, or the first '<' before it; -1 when none. */
    private int closingQuote(int p) {
      byte quote = b[p];
      // Eight bytes at a time up to the word that holds the quote or a '<' (values are often long).
      long quotes = (quote & 0xffL) * ONES;
      int i = p + 1;
      for (; i + 8 <= len; i += 8) {
        long word = (long) LONGS.get(b, i);
        if (hasZeroByte(word ^ quotes) || hasZeroByte(word ^ LESS_THANS)) {
          break;
        }
      }
      for (; i < len; i++) {
        byte x = b[i];
        if (x == quote || x == '<') {
          return i;
        }
      }
      return -1;
    }

    private boolean nameIs(int from, int to, String name) {
      return to - from == name.length() && startsWith(from, name);
    }

    private int nameEnd(int p) {
      int i = p;
      while (i < len && !ENDS_NAME[b[i] & 0xff]) {
        i++;
      }
      return i;
    }

    private int skipSpace(int p) {
      while (p < len && Payloads.isXmlSpace(b[p])) {
        p++;
      }
      return p;
    }

    private String ascii(int from, int to) {
      return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    private int indexOf(byte x, int from) {
      return indexOf(x, from, len);
    }

    private int indexOf(byte x, int from, int to) {
      for (int i = from; i < to; i++) {
        if (b[i] == x) {
          return i;
        }
      }
      return -1;
    }

    private int find(String end, int from, String what) {
      byte first = (byte) end.charAt(0);
      for (int i = from; i <= len - end.length(); i++) {
        if (b[i] == first && startsWith(i, end)) {
          return i;
        }
      }
      throw malformed(what + " is not terminated (truncated?)");
    }

    private boolean startsWith(int pos, String s) {
      if (len - pos < s.length()) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        if (b[pos + i] != s.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private boolean startsWithIgnoreCase(int pos, String s) {
      if (len - pos < s.length()) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        if (Character.toUpperCase(b[pos + i]) != Character.toUpperCase(s.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    private static BakingException malformed(String why) {
      return new BakingException(BakingErrorCode.SVG_MALFORMED, "the SVG is not well-formed: " + why);
    }
  }

  /** Finds the one badge element; empty when there is none. */
  public static Optional<UnbakedBadge> unbake(byte[] b, int len, BakingOptions options) {
    Scan scan = scan(b, len, options);
    if (scan.badges.isEmpty()) {
      return Optional.empty();
    }
    if (scan.badges.size() > 1) {
      Found first = scan.badges.get(0);
      Found second = scan.badges.get(1);
      throw new BakingException(BakingErrorCode.BADGE_DUPLICATE,
          "the SVG carries two badge elements (at bytes " + first.start() + " and " + second.start()
              + "); refusing to pick one");
    }
    Found found = scan.badges.get(0);
    String payload = !found.content().isEmpty() ? found.content() : found.verify().orElse("");
    PayloadKind kind = Payloads.kindOf(payload);
    BadgeVersion version = Payloads.versionOf(payload, kind, options.maxPayloadBytes()).orElse(found.declared());
    List<String> warnings = new ArrayList<>();
    if (payload.isEmpty()) {
      warnings.add("the badge element is empty");
    }
    if (!found.namespace().equals(found.declared().svgNamespace())) {
      warnings.add("the badge element uses the namespace " + found.namespace() + " instead of "
          + found.declared().svgNamespace());
    }
    return Optional.of(new UnbakedBadge(ImageFormat.SVG, "{" + found.namespace() + "}" + found.local(),
        found.declared(), version, kind, payload, found.verify(), warnings));
  }

  /** Bakes: the badge element right after the root start tag, every other badge element removed. */
  public static byte[] bake(byte[] b, int len, BadgeVersion version, String payload, PayloadKind kind,
      BakingOptions options) {
    Scan scan = spliceScan(b, len, options);
    byte[] element = element(version, payload, kind).getBytes(StandardCharsets.UTF_8);
    if (scan.rootSlash >= 0) {
      // <svg .../> becomes <svg ...>badge</svg>.
      byte[] close = ("></" + scan.rootQName + ">").getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[len - 2 + 1 + element.length + close.length - 1];
      System.arraycopy(b, 0, out, 0, scan.rootSlash);
      int o = scan.rootSlash;
      out[o++] = '>';
      System.arraycopy(element, 0, out, o, element.length);
      o += element.length;
      System.arraycopy(close, 1, out, o, close.length - 1);
      o += close.length - 1;
      System.arraycopy(b, scan.rootStartEnd, out, o, len - scan.rootStartEnd);
      return out;
    }
    return splice(b, len, scan, element);
  }

  /** Removes every badge element, keeping all the other bytes. */
  public static byte[] remove(byte[] b, int len, BakingOptions options) {
    return splice(b, len, spliceScan(b, len, options), new byte[0]);
  }

  private static byte[] splice(byte[] b, int len, Scan scan, byte[] element) {
    long removed = 0;
    for (Found f : scan.badges) {
      removed += f.end() - f.start();
    }
    long total = len - removed + element.length;
    if (total > Integer.MAX_VALUE - 8) {
      throw new BakingException(BakingErrorCode.IMAGE_TOO_LARGE, "the baked SVG would be larger than 2 GiB");
    }
    int at = scan.rootStartEnd;
    if (scan.badges.isEmpty()) {
      // The large copy right after the allocation: the JIT then zeroes only the bytes it does not cover.
      byte[] out = new byte[(int) total];
      System.arraycopy(b, at, out, at + element.length, len - at);
      System.arraycopy(b, 0, out, 0, at);
      System.arraycopy(element, 0, out, at, element.length);
      return out;
    }
    byte[] out = new byte[(int) total];
    System.arraycopy(b, 0, out, 0, scan.rootStartEnd);
    int o = scan.rootStartEnd;
    System.arraycopy(element, 0, out, o, element.length);
    o += element.length;
    int from = scan.rootStartEnd;
    for (Found f : scan.badges) {
      System.arraycopy(b, from, out, o, f.start() - from);
      o += f.start() - from;
      from = f.end();
    }
    System.arraycopy(b, from, out, o, len - from);
    return out;
  }

  /**
   * The badge element, declaring its own namespace so that nothing else in the file changes. A JWS
   * or URL goes in {@code verify} (the specifications' form for signed and hosted badges); JSON and
   * anything else go in CDATA, with OB 2.0 JSON also giving its {@code id} as {@code verify}.
   */
  static String element(BadgeVersion version, String payload, PayloadKind kind) {
    String name = "openbadges:" + version.svgElement();
    StringBuilder s = new StringBuilder(payload.length() + 160);
    s.append('<').append(name).append(" xmlns:openbadges=\"").append(version.svgNamespace()).append('"');
    if (kind == PayloadKind.JWS || kind == PayloadKind.URL) {
      s.append(" verify=\"");
      escapeAttribute(payload, s);
      s.append("\"></").append(name).append('>');
      return s.toString();
    }
    if (kind == PayloadKind.JSON && (version == BadgeVersion.OB_2_0 || version == BadgeVersion.OB_1_0)) {
      hostedId(payload).ifPresent(id -> {
        s.append(" verify=\"");
        escapeAttribute(id, s);
        s.append('"');
      });
    }
    s.append('>');
    content(payload, s);
    s.append("</").append(name).append('>');
    return s.toString();
  }

  private static Optional<String> hostedId(String json) {
    try {
      var node = io.github.insignia.openbadges.json.SafeJson.read(json);
      var id = node.get("id");
      if (id != null && id.isTextual() && Payloads.kindOf(id.asText()) == PayloadKind.URL) {
        return Optional.of(id.asText());
      }
    } catch (io.github.insignia.openbadges.InvalidInputException e) {
      // Not JSON after all: no verify attribute, the CDATA body carries everything.
    }
    return Optional.empty();
  }

  static void escapeAttribute(String value, StringBuilder s) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\t' -> s.append("&#9;");
        case '\n' -> s.append("&#10;");
        case '\r' -> s.append("&#13;");
        default -> s.append(c);
      }
    }
  }

  /**
   * Element content that reads back as exactly {@code payload}: CDATA sections, with {@code ]]>}
   * split across two sections; CR and the leading and trailing white space (which readers would
   * normalise or trim) written as character references.
   */
  static void content(String payload, StringBuilder s) {
    int lead = 0;
    while (lead < payload.length() && Payloads.isXmlSpace(payload.charAt(lead))) {
      lead++;
    }
    int trail = payload.length();
    while (trail > lead && Payloads.isXmlSpace(payload.charAt(trail - 1))) {
      trail--;
    }
    references(payload, 0, lead, s);
    // The ends are not white space, so every CR found lies strictly inside [lead, trail).
    int run = lead;
    while (run < trail) {
      int cr = payload.indexOf('\r', run);
      int i = cr < 0 || cr > trail ? trail : cr;
      if (i > run) {
        s.append("<![CDATA[").append(payload.substring(run, i).replace("]]>", "]]]]><![CDATA[>")).append("]]>");
      }
      if (i < trail) {
        s.append("&#13;");
      }
      run = i + 1;
    }
    references(payload, trail, payload.length(), s);
  }

  private static void references(String payload, int from, int to, StringBuilder s) {
    for (int i = from; i < to; i++) {
      s.append("&#").append((int) payload.charAt(i)).append(';');
    }
  }
}
