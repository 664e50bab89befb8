package io.github.insignia.openbadges.signing.jose.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes compact JSON straight to bytes, exactly as a default Jackson generator would (a test
 * compares the two over generated trees), for the node kinds a credential is made of: objects,
 * arrays, strings, booleans, null, and integer and exact decimal numbers. Anything else (a float
 * or double node, a POJO or binary node, a string with a surrogate, a very deep tree) makes it
 * {@link GiveUp give up}, and the payload is written again through Jackson. It exists because
 * Jackson's generator costs about 4 µs for a 3 KB credential, a tenth of an Ed25519 signature.
 * Not thread-safe: one per payload.
 */
public final class FastJsonSink implements JsonSink {
  /** Thrown (without a stack trace, one shared instance) when this sink cannot write a node. */
  public static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super("the fast JSON writer gave up", null, false, false);
    }
  }

  /** Deeper trees are left to Jackson. */
  private static final int MAX_DEPTH = 100;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private byte[] out = new byte[4096];
  /** The characters of the string being written (reused). */
  private char[] chars = new char[256];
  private int size;
  /** Per open container: whether it holds a value yet (a comma comes before the next). */
  private final boolean[] hasValue = new boolean[MAX_DEPTH + 2];
  private int depth;
  /** Whether a member name was written and its value is next (no comma before it). */
  private boolean afterName;

  /** An empty sink. */
  public FastJsonSink() {}

  @Override
  public void startObject() {
    beforeValue();
    open('{');
  }

  @Override
  public void endObject() {
    close('}');
  }

  @Override
  public void fieldName(String name) {
    beforeValue();
    string(name);
    put((byte) ':');
    afterName = true;
  }

  @Override
  public void tree(JsonNode node) {
    value(node);
  }

  @Override
  public void stringField(String name, String value) {
    fieldName(name);
    beforeValue();
    string(value);
  }

  @Override
  public void numberField(String name, long value) {
    fieldName(name);
    beforeValue();
    ascii(Long.toString(value));
  }

  @Override
  public byte[] toByteArray() {
    return Arrays.copyOf(out, size);
  }

  private void value(JsonNode node) {
    beforeValue();
    switch (node.getNodeType()) {
      case STRING -> string(node.textValue());
      case BOOLEAN -> ascii(node.booleanValue() ? "true" : "false");
      case NULL -> ascii("null");
      case NUMBER -> number(node);
      case OBJECT -> {
        open('{');
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> member = it.next();
          fieldName(member.getKey());
          value(member.getValue());
        }
        close('}');
      }
      case ARRAY -> {
        open('[');
        for (int i = 0, n = node.size(); i < n; i++) {
          value(node.get(i));
        }
        close(']');
      }
      default -> throw GiveUp.INSTANCE;
    }
  }

  private void number(JsonNode node) {
    switch (node.numberType()) {
      case INT -> ascii(Integer.toString(node.intValue()));
      case LONG -> ascii(Long.toString(node.longValue()));
      case BIG_INTEGER -> ascii(node.bigIntegerValue().toString());
      case BIG_DECIMAL -> ascii(node.decimalValue().toString());
      // Float and double nodes have Jackson's own formatting and NaN rules.
      default -> throw GiveUp.INSTANCE;
    }
  }

  /** A comma when the open container already holds a value (not between a name and its value). */
  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (hasValue[depth]) {
        put((byte) ',');
      } else {
        hasValue[depth] = true;
      }
    }
  }

  private void open(char bracket) {
    if (depth == MAX_DEPTH) {
      throw GiveUp.INSTANCE;
    }
    put((byte) bracket);
    depth++;
    hasValue[depth] = false;
  }

  private void close(char bracket) {
    put((byte) bracket);
    depth--;
  }

  private void ascii(String text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      out[size++] = (byte) text.charAt(i);
    }
  }

  /**
   * A string in quotes: printable ASCII and BMP characters as UTF-8, {@code "} and {@code \} and
   * control characters escaped as Jackson escapes them ({@code \n}, {@code \t}, {@code \r}, {@code
   * \b}, {@code \f}, else the six-character escape with two hex digits); a surrogate gives up
   * (Jackson escapes those its own way).
   */
  private void string(String text) {
    int n = text.length();
    ensure(n + 2);
    if (n > chars.length) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    // One bulk copy (a vectorised inflate for Latin-1 strings), then plain array reads.
    char[] cs = chars;
    text.getChars(0, n, cs, 0);
    byte[] b = out;
    int p = size;
    b[p++] = '"';
    int i = 0;
    while (i < n) {
      // The common run: printable ASCII other than the quote and the backslash, one byte each.
      int room = Math.min(n, i + (b.length - 1 - p));
      while (i < room) {
        char c = cs[i];
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
          break;
        }
        b[p++] = (byte) c;
        i++;
      }
      if (i == n) {
        break;
      }
      // Room for the longest form of one character (an escape) and the closing quote.
      if (p + 7 > b.length) {
        size = p;
        ensure(7 + (n - i));
        b = out;
        continue;
      }
      char c = cs[i++];
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        b[p++] = (byte) c;
      } else if (c < 0x80) {
        b[p++] = '\\';
        switch (c) {
          case '"', '\\' -> b[p++] = (byte) c;
          case '\n' -> b[p++] = 'n';
          case '\t' -> b[p++] = 't';
          case '\r' -> b[p++] = 'r';
          case '\b' -> b[p++] = 'b';
          case '\f' -> b[p++] = 'f';
          default -> {
            b[p++] = 'u';
            b[p++] = '0';
            b[p++] = '0';
            b[p++] = HEX[c >> 4];
            b[p++] = HEX[c & 0xF];
          }
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        throw GiveUp.INSTANCE;
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    b[p++] = '"';
    size = p;
  }

  private void put(byte value) {
    ensure(1);
    out[size++] = value;
  }

  private void ensure(int more) {
    long needed = (long) size + more;
    if (needed > out.length) {
      if (needed > Integer.MAX_VALUE - 16) {
        throw GiveUp.INSTANCE;
      }
      out = Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(out.length * 2L, needed)));
    }
  }
}
