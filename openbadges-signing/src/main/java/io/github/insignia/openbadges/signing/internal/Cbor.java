package io.github.insignia.openbadges.signing.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small subset of CBOR (RFC 8949) that {@code ecdsa-sd-2023} proof values use: unsigned
 * integers, byte strings, text strings, arrays, maps, and tags, definite lengths only.
 *
 * <p>The reader is bounded for hostile input: every length is checked against the bytes left before
 * anything is allocated, nesting is limited, and so is the number of items in all containers
 * together. It throws {@link Malformed} (an unchecked exception the caller turns into its typed
 * error) on anything else: indefinite lengths, negative integers, floats, simple values, trailing
 * bytes.
 */
public final class Cbor {
  private static final int MAX_DEPTH = 8;

  private Cbor() {}

  /** A CBOR input that is not well formed or outside the subset; the message says why. */
  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** A tag and its content. */
  public record Tagged(long tag, Object content) {}

  /**
   * Decodes one item spanning all of {@code bytes}: {@link Long} (unsigned integers up to 2^63-1),
   * {@code byte[]}, {@link String}, {@code List<Object>}, {@code Map<Object, Object>} (keys in
   * input order; duplicates refused) or {@link Tagged}.
   *
   * @param maxItems the most array elements and map entries allowed in total
   */
  public static Object decode(byte[] bytes, int offset, int maxItems) {
    Reader reader = new Reader(bytes, offset, maxItems);
    Object value = reader.item(0);
    if (reader.pos != bytes.length) {
      throw new Malformed("trailing bytes after the CBOR item");
    }
    return value;
  }

  private static final class Reader {
    private final byte[] in;
    private int pos;
    private long itemsLeft;

    Reader(byte[] in, int offset, int maxItems) {
      this.in = in;
      this.pos = offset;
      this.itemsLeft = maxItems;
    }

    Object item(int depth) {
      if (depth > MAX_DEPTH) {
        throw new Malformed("CBOR nested too deeply");
      }
      int initial = next();
      int major = initial >>> 5;
      long arg = argument(initial & 0x1f);
      switch (major) {
        case 0:
          return arg;
        case 2:
          return take(arg);
        case 3:
          return new String(take(arg), StandardCharsets.UTF_8);
        case 4: {
          count(arg);
          List<Object> list = new ArrayList<>((int) arg);
          for (long i = 0; i < arg; i++) {
            list.add(item(depth + 1));
          }
          return list;
        }
        case 5: {
          count(arg);
          Map<Object, Object> map = new LinkedHashMap<>();
          for (long i = 0; i < arg; i++) {
            Object key = item(depth + 1);
            if (key instanceof byte[] || key instanceof List || key instanceof Map) {
              throw new Malformed("CBOR map keys must be integers or text");
            }
            if (map.put(key, item(depth + 1)) != null) {
              throw new Malformed("duplicate CBOR map key " + key);
            }
          }
          return map;
        }
        case 6:
          return new Tagged(arg, item(depth + 1));
        default:
          throw new Malformed("CBOR major type " + major + " is not used here");
      }
    }

    private void count(long n) {
      // Each element needs at least one byte: a count beyond the bytes left is a lie.
      if (n > in.length - pos || n > itemsLeft) {
        throw new Malformed("CBOR container of " + n + " items is over the bound");
      }
      itemsLeft -= n;
    }

    private byte[] take(long length) {
      if (length > in.length - pos) {
        throw new Malformed("CBOR string of " + length + " bytes runs past the end");
      }
      byte[] out = java.util.Arrays.copyOfRange(in, pos, pos + (int) length);
      pos += (int) length;
      return out;
    }

    private int next() {
      if (pos >= in.length) {
        throw new Malformed("CBOR input ends early");
      }
      return in[pos++] & 0xff;
    }

    private long argument(int info) {
      if (info < 24) {
        return info;
      }
      int size = switch (info) {
        case 24 -> 1;
        case 25 -> 2;
        case 26 -> 4;
        case 27 -> 8;
        default -> throw new Malformed("indefinite or reserved CBOR length");
      };
      long value = 0;
      for (int i = 0; i < size; i++) {
        value = (value << 8) | next();
      }
      if (value < 0) {
        throw new Malformed("CBOR integer beyond 2^63-1");
      }
      return value;
    }
  }

  // ---------------------------------------------------------------- writer

  /** Encodes {@link Long}/{@link Integer} (non-negative), {@code byte[]}, {@link String}, lists, maps and {@link Tagged}, in shortest form. */
  public static byte[] encode(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, value);
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, Object value) {
    if (value instanceof Integer i) {
      head(out, 0, i);
    } else if (value instanceof Long l) {
      head(out, 0, l);
    } else if (value instanceof byte[] b) {
      head(out, 2, b.length);
      out.writeBytes(b);
    } else if (value instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      head(out, 3, b.length);
      out.writeBytes(b);
    } else if (value instanceof List<?> list) {
      head(out, 4, list.size());
      list.forEach(v -> write(out, v));
    } else if (value instanceof Map<?, ?> map) {
      head(out, 5, map.size());
      map.forEach((k, v) -> {
        write(out, k);
        write(out, v);
      });
    } else if (value instanceof Tagged t) {
      head(out, 6, t.tag());
      write(out, t.content());
    } else {
      throw new IllegalArgumentException("not encodable: " + value);
    }
  }

  private static void head(ByteArrayOutputStream out, int major, long arg) {
    if (arg < 0) {
      throw new IllegalArgumentException("negative CBOR argument");
    }
    int m = major << 5;
    if (arg < 24) {
      out.write(m | (int) arg);
    } else if (arg < 0x100) {
      out.write(m | 24);
      out.write((int) arg);
    } else if (arg < 0x10000) {
      out.write(m | 25);
      out.write((int) (arg >>> 8));
      out.write((int) arg);
    } else if (arg < 0x100000000L) {
      out.write(m | 26);
      for (int s = 24; s >= 0; s -= 8) {
        out.write((int) (arg >>> s));
      }
    } else {
      out.write(m | 27);
      for (int s = 56; s >= 0; s -= 8) {
        out.write((int) (arg >>> s));
      }
    }
  }
}
