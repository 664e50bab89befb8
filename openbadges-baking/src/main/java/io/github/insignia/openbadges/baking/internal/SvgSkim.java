package io.github.insignia.openbadges.baking.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sound pre-check on the bytes after the root start tag: can they hold a badge element or a
 * DOCTYPE? When they cannot, baking splices without scanning them (see {@code Svg.spliceScan}).
 *
 * <p>It looks for the element's local name ({@code assertion} or {@code credential}) rather than
 * the namespace URI: a namespace declaration may spell its URI with character references
 * ({@code xmlns:o="http&#58;//openbadges.org"}), but an element name is always literal bytes, so a
 * badge element cannot exist without them.
 *
 * <p>Every pattern is at least {@link #STRIDE} + 1 bytes long, so any occurrence covers two
 * consecutive bytes at a position that is a multiple of the stride from the start. Only those
 * two-byte pairs are looked up in a table of the patterns' pairs (one lookup per 8 bytes, no
 * branch per byte); a pair that could belong to a pattern is then checked exactly. False alarms
 * only cost a look at the neighbouring bytes; a pattern can never be missed.
 */
final class SvgSkim {
  static final int STRIDE = 8;

  private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  /** The patterns; the last one, {@code <!doctype}, is compared ignoring ASCII case like the scanner does. */
  private static final byte[][] PATTERNS = {ascii("assertion"), ascii("credential"), ascii("<!doctype")};
  private static final int DOCTYPE = 2;
  /** For each pair of bytes (first byte low): 0, or 1 + the index of its alignments. */
  private static final byte[] PAIRS = new byte[0x10000];
  /** Where a pair sits in the patterns: {@code pattern << 8 | offset}. */
  private static final int[][] ALIGNMENTS;

  static {
    List<int[]> alignments = new ArrayList<>();
    for (int p = 0; p < PATTERNS.length; p++) {
      byte[] pattern = PATTERNS[p];
      for (int j = 0; j + 1 < pattern.length; j++) {
        for (byte first : cases(pattern[j], p == DOCTYPE)) {
          for (byte second : cases(pattern[j + 1], p == DOCTYPE)) {
            int v = pair(first, second);
            if (PAIRS[v] == 0) {
              alignments.add(new int[0]);
              PAIRS[v] = (byte) alignments.size();
            }
            int[] list = alignments.get(PAIRS[v] - 1);
            list = Arrays.copyOf(list, list.length + 1);
            list[list.length - 1] = p << 8 | j;
            alignments.set(PAIRS[v] - 1, list);
          }
        }
      }
    }
    ALIGNMENTS = alignments.toArray(new int[0][]);
  }

  private SvgSkim() {}

  private static byte[] ascii(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length <= STRIDE) {
      throw new AssertionError("a pattern shorter than the stride could be missed: " + s);
    }
    return bytes;
  }

  private static byte[] cases(byte x, boolean ignoreCase) {
    return ignoreCase && x >= 'a' && x <= 'z' ? new byte[] {x, (byte) (x - 'a' + 'A')} : new byte[] {x};
  }

  private static byte lower(byte x) {
    return x >= 'A' && x <= 'Z' ? (byte) (x | 0x20) : x;
  }

  private static int pair(byte first, byte second) {
    return (first & 0xff) | (second & 0xff) << 8;
  }

  private static int pairAt(byte[] b, int q) {
    return (short) SHORTS.get(b, q) & 0xffff;
  }

  /**
   * Whether {@code b[from, to)} may hold a badge start tag ({@code <} or a prefix's {@code :}, then
   * {@code assertion} or {@code credential}, then the end of the name) or {@code <!DOCTYPE} in any
   * case. False means it certainly holds neither, wherever comments, CDATA or attributes are.
   */
  static boolean mayHoldBadgeOrDoctype(byte[] b, int from, int to) {
    int end = to - 1; // a sample q is the pair (q, q + 1)
    int q = from;
    while (q < end) {
      q = nextSuspectBlock(b, q, end);
      int blockEnd = Math.min(q + 8 * STRIDE, end);
      if (samplesHold(b, q, blockEnd, from, to)) {
        return true;
      }
      q = blockEnd;
    }
    return false;
  }

  /**
   * The first block of eight samples from {@code q} on that holds a pair of some pattern, or the
   * first that is not whole. Kept apart from the exact check so that the JIT keeps this loop tight:
   * eight independent loads per round and one branch.
   */
  private static int nextSuspectBlock(byte[] b, int q, int end) {
    int lastBlock = end - 7 * STRIDE;
    for (; q < lastBlock; q += 8 * STRIDE) {
      int hit = PAIRS[pairAt(b, q)] | PAIRS[pairAt(b, q + STRIDE)] | PAIRS[pairAt(b, q + 2 * STRIDE)]
          | PAIRS[pairAt(b, q + 3 * STRIDE)] | PAIRS[pairAt(b, q + 4 * STRIDE)] | PAIRS[pairAt(b, q + 5 * STRIDE)]
          | PAIRS[pairAt(b, q + 6 * STRIDE)] | PAIRS[pairAt(b, q + 7 * STRIDE)];
      if (hit != 0) {
        return q;
      }
    }
    return q;
  }

  /** Whether a sample in {@code [q, end)} (a multiple of the stride away from {@code q}) is part of a pattern. */
  private static boolean samplesHold(byte[] b, int q, int end, int from, int to) {
    for (int sample = q; sample < end; sample += STRIDE) {
      int id = PAIRS[pairAt(b, sample)];
      if (id != 0) {
        for (int alignment : ALIGNMENTS[id - 1]) {
          int p = alignment >>> 8;
          if (occursAt(b, sample - (alignment & 0xff), PATTERNS[p], p, from, to)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean occursAt(byte[] b, int s, byte[] pattern, int p, int from, int to) {
    if (s < from || s + pattern.length > to) {
      return false;
    }
    if (p == DOCTYPE) {
      return equalsIgnoreCase(b, s, pattern);
    }
    return s > from && Arrays.equals(b, s, s + pattern.length, pattern, 0, pattern.length)
        && isElementName(b, s, s + pattern.length, to);
  }

  /** The name at {@code [s, end)} is a whole local name: after {@code <} or a prefix's colon, before a name end. */
  private static boolean isElementName(byte[] b, int s, int end, int to) {
    byte before = b[s - 1];
    if (before != '<' && before != ':') {
      return false;
    }
    if (end == to) {
      return true;
    }
    byte after = b[end];
    return Payloads.isXmlSpace(after) || after == '>' || after == '/' || after == '=' || after == '<' || after == '"'
        || after == '\'';
  }

  private static boolean equalsIgnoreCase(byte[] b, int s, byte[] lowerPattern) {
    for (int i = 0; i < lowerPattern.length; i++) {
      if (lower(b[s + i]) != lowerPattern[i]) {
        return false;
      }
    }
    return true;
  }
}
