package io.github.insignia.openbadges.baking.internal;

import io.github.insignia.openbadges.baking.BakingErrorCode;
import io.github.insignia.openbadges.baking.BadgeVersion;
import io.github.insignia.openbadges.baking.BakingException;
import io.github.insignia.openbadges.baking.BakingOptions;
import io.github.insignia.openbadges.baking.CrcPolicy;
import io.github.insignia.openbadges.baking.ImageFormat;
import io.github.insignia.openbadges.baking.PayloadKind;
import io.github.insignia.openbadges.baking.UnbakedBadge;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * PNG at chunk level: walks chunk headers, never decodes pixels. Baking copies byte ranges around
 * the new chunk, so every other chunk stays byte for byte and in order.
 */
public final class Png {
  /** The eight-byte PNG signature. */
  static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  static final int IHDR = type("IHDR");
  static final int IEND = type("IEND");
  static final int ITXT = type("iTXt");
  static final int TEXT = type("tEXt");
  static final int ZTXT = type("zTXt");
  /** Offset just after the IHDR chunk, which must come first and hold 13 bytes. */
  static final int AFTER_IHDR = 8 + 12 + 13;

  private Png() {}

  /** Whether the bytes start with the PNG signature. */
  public static boolean hasSignature(byte[] b, int len) {
    return len >= 8 && Arrays.equals(b, 0, 8, SIGNATURE, 0, 8);
  }

  private static int type(String s) {
    return (s.charAt(0) << 24) | (s.charAt(1) << 16) | (s.charAt(2) << 8) | s.charAt(3);
  }

  static String typeName(int type) {
    return new String(new byte[] {(byte) (type >>> 24), (byte) (type >>> 16), (byte) (type >>> 8), (byte) type},
        StandardCharsets.ISO_8859_1);
  }

  static int readInt(byte[] b, int off) {
    return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
  }

  static void writeInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  /** One chunk: where it starts (its length field) and how many data bytes it has. */
  record Chunk(int offset, int length, int type) {
    int dataOffset() {
      return offset + 8;
    }

    int end() {
      return offset + 12 + length;
    }
  }

  /** The walked structure of a PNG. */
  record Layout(List<Chunk> chunks, int iendEnd, int width, int height) {}

  /** Walks the chunk headers from the signature to IEND, checking structure, limits and CRCs. */
  static Layout walk(byte[] b, int len, BakingOptions options, List<String> warnings) {
    if (!hasSignature(b, len)) {
      throw new BakingException(BakingErrorCode.IMAGE_FORMAT_UNKNOWN, "the input is not a PNG (no PNG signature)");
    }
    List<Chunk> chunks = new ArrayList<>();
    int pos = 8;
    while (true) {
      if (len - pos < 12) {
        throw new BakingException(BakingErrorCode.PNG_TRUNCATED,
            "the PNG is truncated: it ends at byte " + len + " before its IEND chunk");
      }
      long length = readInt(b, pos) & 0xffffffffL;
      if (length > Integer.MAX_VALUE) {
        throw new BakingException(BakingErrorCode.PNG_CHUNK_TOO_LARGE,
            "the PNG chunk at byte " + pos + " declares " + length + " bytes, above the PNG maximum of 2^31-1");
      }
      if (length > len - pos - 12L) {
        throw new BakingException(BakingErrorCode.PNG_TRUNCATED,
            "the PNG chunk at byte " + pos + " declares " + length + " bytes but only " + Math.max(0, len - pos - 12)
                + " remain in the file");
      }
      int type = readInt(b, pos + 4);
      for (int i = 0; i < 4; i++) {
        int c = b[pos + 4 + i] & 0xff;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
          throw new BakingException(BakingErrorCode.PNG_MALFORMED,
              "the PNG has an invalid chunk type at byte " + (pos + 4) + " (not four ASCII letters)");
        }
      }
      Chunk chunk = new Chunk(pos, (int) length, type);
      if (chunks.isEmpty() && (type != IHDR || length != 13)) {
        throw new BakingException(BakingErrorCode.PNG_MALFORMED, "the PNG does not start with a 13-byte IHDR chunk");
      }
      if (!chunks.isEmpty() && type == IHDR) {
        throw new BakingException(BakingErrorCode.PNG_MALFORMED, "the PNG has a second IHDR chunk at byte " + pos);
      }
      if (chunks.size() >= options.maxChunks()) {
        throw new BakingException(BakingErrorCode.PNG_TOO_MANY_CHUNKS,
            "the PNG has more than " + options.maxChunks() + " chunks");
      }
      chunks.add(chunk);
      if (options.checkAllCrcs() || type == IHDR || type == IEND || type == ITXT || type == TEXT || type == ZTXT) {
        checkCrc(b, chunk, options.crcPolicy(), warnings);
      }
      pos = chunk.end();
      if (type == IEND) {
        break;
      }
    }
    if (pos < len) {
      warnings.add((len - pos) + " bytes after the IEND chunk (kept as they are)");
    }
    int width = readInt(b, 16);
    int height = readInt(b, 20);
    if (width <= 0 || height <= 0) {
      throw new BakingException(BakingErrorCode.PNG_MALFORMED, "the PNG IHDR has a zero or negative size");
    }
    return new Layout(chunks, pos, width, height);
  }

  private static void checkCrc(byte[] b, Chunk chunk, CrcPolicy policy, List<String> warnings) {
    CRC32 crc = new CRC32();
    crc.update(b, chunk.offset() + 4, chunk.length() + 4);
    int stored = readInt(b, chunk.end() - 4);
    if ((int) crc.getValue() != stored) {
      String message = "the PNG chunk " + typeName(chunk.type()) + " at byte " + chunk.offset() + " has a wrong CRC";
      if (policy == CrcPolicy.REJECT) {
        throw new BakingException(BakingErrorCode.PNG_BAD_CRC, message);
      }
      warnings.add(message);
    }
  }

  /** The keyword of a text chunk, or null when the chunk has none (no NUL within 80 bytes). */
  private static String keyword(byte[] b, Chunk chunk) {
    int start = chunk.dataOffset();
    int limit = Math.min(chunk.length(), 80);
    for (int i = 0; i < limit; i++) {
      if (b[start + i] == 0) {
        return i == 0 ? null : new String(b, start, i, StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  /** The badge version a chunk stands for, or null when it is not a badge chunk. */
  static BadgeVersion badgeChunkVersion(byte[] b, Chunk chunk) {
    if (chunk.type() != ITXT && chunk.type() != TEXT) {
      return null;
    }
    String keyword = keyword(b, chunk);
    if (keyword == null) {
      return null;
    }
    if (chunk.type() == TEXT && keyword.equals("openbadges")) {
      return BadgeVersion.OB_1_0;
    }
    return switch (keyword) {
      case "openbadges" -> BadgeVersion.OB_2_0;
      case "openbadgecredential" -> BadgeVersion.OB_3_0;
      case "clrcredential" -> BadgeVersion.CLR_2_0;
      default -> null;
    };
  }

  /** Whether any badge chunk is present, after the structure checks (nothing is decoded). */
  public static boolean carriesBadge(byte[] b, int len, BakingOptions options) {
    Layout layout = walk(b, len, options, new ArrayList<>());
    return layout.chunks().stream().anyMatch(chunk -> badgeChunkVersion(b, chunk) != null);
  }

  /** Finds the one badge chunk; empty when there is none. */
  public static Optional<UnbakedBadge> unbake(byte[] b, int len, BakingOptions options) {
    List<String> warnings = new ArrayList<>();
    Layout layout = walk(b, len, options, warnings);
    Chunk found = null;
    BadgeVersion declared = null;
    for (Chunk chunk : layout.chunks()) {
      BadgeVersion v = badgeChunkVersion(b, chunk);
      if (v == null) {
        continue;
      }
      if (found != null) {
        throw new BakingException(BakingErrorCode.BADGE_DUPLICATE,
            "the PNG carries two badge chunks (" + describe(b, found) + " at byte " + found.offset() + ", "
                + describe(b, chunk) + " at byte " + chunk.offset() + "); refusing to pick one");
      }
      found = chunk;
      declared = v;
    }
    if (found == null) {
      return Optional.empty();
    }
    String text = found.type() == TEXT ? tEXtText(b, found, options, warnings) : iTXtText(b, found, options, warnings);
    if (found.type() == TEXT && declared != BadgeVersion.OB_1_0) {
      warnings.add("the badge is in a tEXt chunk; the baking specification asks for iTXt");
    }
    if (text.length() > options.maxPayloadBytes()) {
      throw tooLarge(options);
    }
    PayloadKind kind = Payloads.kindOf(text);
    BadgeVersion version = declared == BadgeVersion.OB_1_0 && kind == PayloadKind.URL
        ? BadgeVersion.OB_1_0
        : Payloads.versionOf(text, kind, options.maxPayloadBytes()).orElse(declared);
    return Optional.of(new UnbakedBadge(ImageFormat.PNG, describe(b, found), declared, version, kind, text,
        Optional.empty(), warnings));
  }

  private static String describe(byte[] b, Chunk chunk) {
    return typeName(chunk.type()) + " " + keyword(b, chunk);
  }

  private static BakingException tooLarge(BakingOptions options) {
    return new BakingException(BakingErrorCode.PAYLOAD_TOO_LARGE,
        "the badge text is larger than the limit of " + options.maxPayloadBytes() + " bytes");
  }

  /** tEXt is Latin-1 by definition; text that is valid UTF-8 beyond ASCII was written as UTF-8 by mistake. */
  private static String tEXtText(byte[] b, Chunk chunk, BakingOptions options, List<String> warnings) {
    int textStart = chunk.dataOffset() + keyword(b, chunk).length() + 1;
    int length = chunk.end() - 4 - textStart;
    if (length > options.maxPayloadBytes()) {
      throw tooLarge(options);
    }
    for (int i = textStart; i < textStart + length; i++) {
      if (b[i] < 0) {
        try {
          String text = utf8(b, textStart, length, "");
          warnings.add("the tEXt badge text is UTF-8, not Latin-1 as tEXt requires; read as UTF-8");
          return text;
        } catch (BakingException notUtf8) {
          break;
        }
      }
    }
    return new String(b, textStart, length, StandardCharsets.ISO_8859_1);
  }

  private static String iTXtText(byte[] b, Chunk chunk, BakingOptions options, List<String> warnings) {
    int end = chunk.end() - 4;
    int p = chunk.dataOffset() + keyword(b, chunk).length() + 1;
    if (end - p < 2) {
      throw malformedText(chunk, "it ends before its compression fields");
    }
    int flag = b[p] & 0xff;
    int method = b[p + 1] & 0xff;
    p += 2;
    if (flag > 1 || method != 0) {
      throw malformedText(chunk, "compression flag " + flag + " / method " + method + " (expected 0 or 1 / 0)");
    }
    int language = indexOf(b, p, end);
    if (language < 0) {
      throw malformedText(chunk, "its language tag is not terminated");
    }
    int translated = indexOf(b, language + 1, end);
    if (translated < 0) {
      throw malformedText(chunk, "its translated keyword is not terminated");
    }
    int textStart = translated + 1;
    byte[] text;
    int textLength;
    if (flag == 1) {
      warnings.add("the badge iTXt chunk is compressed (the baking specification says it must not be)");
      text = inflate(b, textStart, end - textStart, options.maxPayloadBytes(), chunk);
      textLength = text.length;
      textStart = 0;
    } else {
      text = b;
      textLength = end - textStart;
      if (textLength > options.maxPayloadBytes()) {
        throw tooLarge(options);
      }
    }
    return utf8(text, textStart, textLength, "the badge iTXt text is not valid UTF-8");
  }

  private static BakingException malformedText(Chunk chunk, String why) {
    return new BakingException(BakingErrorCode.PNG_TEXT_MALFORMED,
        "the badge iTXt chunk at byte " + chunk.offset() + " is malformed: " + why);
  }

  private static int indexOf(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Inflates at most {@code max} bytes; one byte more means a bomb or an oversized payload. */
  private static byte[] inflate(byte[] b, int off, int len, int max, Chunk chunk) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(b, off, len);
      byte[] out = new byte[Math.min(max + 1, Math.max(64, len * 4))];
      int n = 0;
      while (!inflater.finished()) {
        if (n == out.length) {
          if (out.length > max) {
            throw new BakingException(BakingErrorCode.PAYLOAD_TOO_LARGE,
                "the compressed badge iTXt chunk inflates beyond the limit of " + max + " bytes");
          }
          out = Arrays.copyOf(out, (int) Math.min((long) max + 1, out.length * 2L));
        }
        int got = inflater.inflate(out, n, out.length - n);
        n += got;
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw malformedText(chunk, "its compressed text is truncated or needs a dictionary");
        }
      }
      if (n > max) {
        throw new BakingException(BakingErrorCode.PAYLOAD_TOO_LARGE,
            "the compressed badge iTXt chunk inflates beyond the limit of " + max + " bytes");
      }
      return Arrays.copyOf(out, n);
    } catch (DataFormatException e) {
      throw new BakingException(BakingErrorCode.PNG_TEXT_MALFORMED,
          "the compressed badge iTXt chunk at byte " + chunk.offset() + " is not valid zlib data", e);
    } finally {
      inflater.end();
    }
  }

  static String utf8(byte[] b, int off, int len, String message) {
    // ASCII, the common case, needs no decoder (creating one costs more than decoding short text).
    int end = off + len;
    int i = off;
    while (i < end && b[i] >= 0) {
      i++;
    }
    if (i == end) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, off, len))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BakingException(BakingErrorCode.TEXT_ENCODING_INVALID, message, e);
    }
  }

  /** Bakes: a new iTXt chunk right after IHDR, every other badge chunk removed, the rest kept. */
  public static byte[] bake(byte[] b, int len, String keyword, String payload, BakingOptions options) {
    byte[] text = payload.getBytes(StandardCharsets.UTF_8);
    byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
    int dataLength = key.length + 5 + text.length;
    Layout layout = walk(b, len, options, new ArrayList<>());
    return splice(b, len, layout, key, text, dataLength);
  }

  /** Removes every badge chunk, keeping all the other bytes. */
  public static byte[] remove(byte[] b, int len, BakingOptions options) {
    Layout layout = walk(b, len, options, new ArrayList<>());
    return splice(b, len, layout, null, null, 0);
  }

  private static byte[] splice(byte[] b, int len, Layout layout, byte[] key, byte[] text, int dataLength) {
    List<Chunk> removed = new ArrayList<>();
    long removedBytes = 0;
    for (Chunk chunk : layout.chunks()) {
      if (badgeChunkVersion(b, chunk) != null) {
        removed.add(chunk);
        removedBytes += chunk.end() - chunk.offset();
      }
    }
    long newChunk = key == null ? 0 : 12L + dataLength;
    long total = len - removedBytes + newChunk;
    if (total > Integer.MAX_VALUE - 8) {
      throw new BakingException(BakingErrorCode.IMAGE_TOO_LARGE, "the baked PNG would be larger than 2 GiB");
    }
    byte[] out = new byte[(int) total];
    System.arraycopy(b, 0, out, 0, AFTER_IHDR);
    int o = AFTER_IHDR;
    if (key != null) {
      writeInt(out, o, dataLength);
      writeInt(out, o + 4, ITXT);
      System.arraycopy(key, 0, out, o + 8, key.length);
      // NUL after the keyword, flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL.
      int t = o + 8 + key.length;
      out[t] = 0;
      out[t + 1] = 0;
      out[t + 2] = 0;
      out[t + 3] = 0;
      out[t + 4] = 0;
      System.arraycopy(text, 0, out, t + 5, text.length);
      CRC32 crc = new CRC32();
      crc.update(out, o + 4, dataLength + 4);
      writeInt(out, o + 8 + dataLength, (int) crc.getValue());
      o += 12 + dataLength;
    }
    int from = AFTER_IHDR;
    for (Chunk chunk : removed) {
      System.arraycopy(b, from, out, o, chunk.offset() - from);
      o += chunk.offset() - from;
      from = chunk.end();
    }
    System.arraycopy(b, from, out, o, len - from);
    return out;
  }
}
