package io.github.insignia.openbadges.export.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Percent-encoding as RFC 3986 defines it: UTF-8 bytes, only the unreserved characters left as
 * they are, so a space is {@code %20} (never {@code +}) and {@code & # + ? % = /} are always encoded.
 * {@code URLEncoder} is not used because it writes {@code +} for spaces, which several share
 * targets show literally.
 */
public final class Percent {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Percent() {}

  /** Encodes a query or path component. Lone surrogates become U+FFFD, as UTF-8 requires. */
  public static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes a component; {@code +} is kept as a plus unless {@code plusIsSpace} (HTML forms).
   * Returns empty for a malformed escape or bytes that are not UTF-8.
   */
  public static Optional<String> decode(String value, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          return Optional.empty();
        }
        int hi = Character.digit(value.charAt(i + 1), 16);
        int lo = Character.digit(value.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
          raw = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(raw);
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses {@code a=1&b=2} into ordered name/value lists; malformed pairs are skipped. The raw
   * query (as {@link java.net.URI#getRawQuery()} gives it) must be passed, never a decoded one.
   */
  public static Map<String, List<String>> parseQuery(String rawQuery, boolean plusIsSpace) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      Optional<String> name = decode(rawName, plusIsSpace);
      Optional<String> value = decode(rawValue, plusIsSpace);
      if (name.isPresent() && value.isPresent()) {
        out.computeIfAbsent(name.get(), k -> new ArrayList<>(1)).add(value.get());
      }
    }
    return out;
  }

  /** Builds {@code name=value&...} with both sides encoded; entries with null values are skipped. */
  public static String query(Map<String, String> parameters) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
