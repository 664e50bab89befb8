package io.github.insignia.openbadges.signing.rdf.internal;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict N-Quads (RDF 1.1) reader, linear in the input. Titanium's tokenizer (titanium-rdf-n-quads
 * 1.0.2) loops forever, allocating until the JVM runs out of memory, on some malformed blank node
 * labels (found by fuzzing; the input is kept as a fuzz seed), so hostile N-Quads never reach it.
 *
 * <p>Quads come out as Titanium's reader gives them: IRIs and literals unescaped, blank nodes as
 * {@code _:label}, plain literals typed {@code xsd:string}, language-tagged ones {@code
 * rdf:langString}.
 */
public final class NQuadsInput {
  private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
  private static final String LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

  private final String text;
  private final int length;
  private int pos;
  private int line = 1;

  private NQuadsInput(String text) {
    this.text = text;
    this.length = text.length();
  }

  /** The quads of {@code nquads}. */
  public static List<Quad> read(String nquads, int maxQuads) {
    return new NQuadsInput(nquads).statements(maxQuads);
  }

  private List<Quad> statements(int maxQuads) {
    List<Quad> quads = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (pos >= length) {
        return quads;
      }
      if (quads.size() >= maxQuads) {
        throw new CanonicalizationException(
            SigningErrorCode.RDF_TOO_LARGE, "the dataset has more than " + maxQuads + " quads");
      }
      quads.add(statement());
    }
  }

  private Quad statement() {
    String subject = peek() == '<' ? iri() : blankNode();
    skipBlanks();
    String predicate = iri();
    skipBlanks();
    String object;
    String datatype = null;
    String language = null;
    char c = peek();
    if (c == '<') {
      object = iri();
    } else if (c == '_') {
      object = blankNode();
    } else if (c == '"') {
      object = string();
      if (pos < length && text.charAt(pos) == '@') {
        language = langTag();
        datatype = LANG_STRING;
      } else if (text.startsWith("^^", pos)) {
        pos += 2;
        datatype = iri();
      } else {
        datatype = XSD_STRING;
      }
    } else {
      throw malformed("expected an IRI, a blank node or a literal");
    }
    skipBlanks();
    String graph = null;
    c = peek();
    if (c == '<') {
      graph = iri();
      skipBlanks();
    } else if (c == '_') {
      graph = blankNode();
      skipBlanks();
    }
    if (peek() != '.') {
      throw malformed("expected '.'");
    }
    pos++;
    skipBlanks();
    if (pos < length && text.charAt(pos) == '#') {
      skipComment();
    }
    if (pos < length && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
      throw malformed("expected the end of the line");
    }
    return new Quad(subject, predicate, object, datatype, language, null, graph);
  }

  private char peek() {
    if (pos >= length) {
      throw malformed("unexpected end of input");
    }
    return text.charAt(pos);
  }

  private void skipBlanks() {
    while (pos < length && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private void skipSpaceAndComments() {
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\n') {
        pos++;
        line++;
      } else if (c == '#') {
        skipComment();
      } else {
        return;
      }
    }
  }

  private void skipComment() {
    while (pos < length && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
      pos++;
    }
  }

  /** IRIREF: {@code <} (no controls, space, {@code <>"{}|^`\}, or UCHAR)* {@code >}, absolute. */
  private String iri() {
    if (peek() != '<') {
      throw malformed("expected '<'");
    }
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = peek();
      if (c == '>') {
        pos++;
        break;
      }
      if (c == '\\') {
        pos++;
        char kind = peek();
        if (kind != 'u' && kind != 'U') {
          throw malformed("only \\u and \\U escapes are allowed in an IRI");
        }
        sb.appendCodePoint(uchar(kind));
        continue;
      }
      if (c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`') {
        throw malformed("character U+" + Integer.toHexString(c) + " is not allowed in an IRI");
      }
      sb.append(c);
      pos++;
    }
    String iri = sb.toString();
    if (!IriSupport.isAbsolute(iri)) {
      throw malformed("the IRI <" + iri + "> is not absolute");
    }
    return iri;
  }

  /** BLANK_NODE_LABEL: {@code _:} (PN_CHARS_U | digit) ((PN_CHARS | .)* PN_CHARS)?. */
  private String blankNode() {
    if (!text.startsWith("_:", pos)) {
      throw malformed("expected a blank node");
    }
    int start = pos;
    pos += 2;
    if (pos >= length || !(isPnCharsU(text.charAt(pos)) || isDigit(text.charAt(pos)))) {
      throw malformed("empty or invalid blank node label");
    }
    pos++;
    int lastGood = pos;
    while (pos < length) {
      char c = text.charAt(pos);
      if (isPnChars(c)) {
        pos++;
        lastGood = pos;
      } else if (c == '.') {
        pos++;
      } else {
        break;
      }
    }
    // a label never ends in '.': trailing dots belong to the statement
    pos = lastGood;
    return text.substring(start, pos);
  }

  /** STRING_LITERAL_QUOTE with ECHAR and UCHAR decoded. */
  private String string() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = peek();
      pos++;
      switch (c) {
        case '"':
          return sb.toString();
        case '\n', '\r':
          throw malformed("line break inside a literal");
        case '\\':
          char e = peek();
          pos++;
          switch (e) {
            case 't' -> sb.append('\t');
            case 'b' -> sb.append('\b');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 'f' -> sb.append('\f');
            case '"' -> sb.append('"');
            case '\'' -> sb.append('\'');
            case '\\' -> sb.append('\\');
            case 'u', 'U' -> {
              pos--;
              sb.appendCodePoint(uchar(e));
            }
            default -> throw malformed("invalid escape \\" + e);
          }
          break;
        default:
          sb.append(c);
      }
    }
  }

  /** At the {@code u}/{@code U} of an escape: reads its hex digits, returns the code point. */
  private int uchar(char kind) {
    int digits = kind == 'u' ? 4 : 8;
    pos++;
    if (pos + digits > length) {
      throw malformed("truncated \\" + kind + " escape");
    }
    int cp = 0;
    for (int i = 0; i < digits; i++) {
      int d = Character.digit(text.charAt(pos + i), 16);
      if (d < 0) {
        throw malformed("invalid hex digit in \\" + kind + " escape");
      }
      cp = cp * 16 + d;
    }
    pos += digits;
    if (!Character.isValidCodePoint(cp)) {
      throw malformed("escape outside Unicode");
    }
    return cp;
  }

  /** LANGTAG: {@code @} [a-zA-Z]+ ({@code -} [a-zA-Z0-9]+)*. */
  private String langTag() {
    pos++;
    int start = pos;
    while (pos < length && isAlpha(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw malformed("empty language tag");
    }
    while (pos < length && text.charAt(pos) == '-') {
      int segment = ++pos;
      while (pos < length && (isAlpha(text.charAt(pos)) || isDigit(text.charAt(pos)))) {
        pos++;
      }
      if (pos == segment) {
        throw malformed("empty language tag subtag");
      }
    }
    return text.substring(start, pos);
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isPnCharsBase(char c) {
    return isAlpha(c)
        || (c >= 0x00C0 && c <= 0x00D6)
        || (c >= 0x00D8 && c <= 0x00F6)
        || (c >= 0x00F8 && c <= 0x02FF)
        || (c >= 0x0370 && c <= 0x037D)
        || (c >= 0x037F && c <= 0x1FFF)
        || (c >= 0x200C && c <= 0x200D)
        || (c >= 0x2070 && c <= 0x218F)
        || (c >= 0x2C00 && c <= 0x2FEF)
        || (c >= 0x3001 && c <= 0xD7FF)
        || (c >= 0xF900 && c <= 0xFDCF)
        || (c >= 0xFDF0 && c <= 0xFFFD)
        // supplementary planes (#x10000-#xEFFFF) arrive as surrogate pairs
        || Character.isSurrogate(c);
  }

  private static boolean isPnCharsU(char c) {
    return isPnCharsBase(c) || c == '_' || c == ':';
  }

  private static boolean isPnChars(char c) {
    return isPnCharsU(c)
        || c == '-'
        || isDigit(c)
        || c == 0x00B7
        || (c >= 0x0300 && c <= 0x036F)
        || (c >= 0x203F && c <= 0x2040);
  }

  private CanonicalizationException malformed(String why) {
    return new CanonicalizationException(
        SigningErrorCode.NQUADS_MALFORMED, "malformed N-Quads at line " + line + ": " + why);
  }
}
