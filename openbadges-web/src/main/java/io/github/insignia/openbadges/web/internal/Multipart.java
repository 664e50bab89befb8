package io.github.insignia.openbadges.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded {@code multipart/form-data} reader for the verification form (the body is already
 * limited by the site). Keeps the first value of each field, at most 16 fields; anything malformed
 * gives an empty map, never an exception.
 */
public final class Multipart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]{0,100})\"", Pattern.CASE_INSENSITIVE);
  private static final int MAX_FIELDS = 16;

  private Multipart() {}

  /** The boundary of a {@code multipart/form-data} content type. */
  public static Optional<String> boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    Matcher m = BOUNDARY.matcher(contentType);
    return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
  }

  /** The fields of a body, name to bytes. */
  public static Map<String, byte[]> parse(byte[] body, String boundary) {
    Map<String, byte[]> fields = new LinkedHashMap<>();
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, delimiter, 0);
    while (pos >= 0 && fields.size() < MAX_FIELDS) {
      int partStart = pos + delimiter.length;
      if (partStart + 2 > body.length || (body[partStart] == '-' && body[partStart + 1] == '-')) {
        break;
      }
      partStart = skipLineBreak(body, partStart);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), partStart);
      if (headersEnd < 0) {
        break;
      }
      String headers = new String(body, partStart, headersEnd - partStart, StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int next = indexOf(body, delimiter, contentStart);
      if (next < 0) {
        break;
      }
      int contentEnd = next;
      if (contentEnd >= 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n') {
        contentEnd -= 2;
      }
      Matcher m = NAME.matcher(headers);
      if (m.find() && contentEnd >= contentStart) {
        byte[] value = new byte[contentEnd - contentStart];
        System.arraycopy(body, contentStart, value, 0, value.length);
        fields.putIfAbsent(m.group(1), value);
      }
      pos = next;
    }
    return fields;
  }

  /** The fields of an {@code application/x-www-form-urlencoded} body. */
  public static Map<String, byte[]> parseUrlEncoded(byte[] body) {
    Map<String, byte[]> fields = new LinkedHashMap<>();
    for (String pair : new String(body, StandardCharsets.US_ASCII).split("&", MAX_FIELDS + 1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || fields.size() == MAX_FIELDS) {
        continue;
      }
      try {
        String name = java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(name, value.getBytes(StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed escape: the field is ignored
      }
    }
    return fields;
  }

  private static int skipLineBreak(byte[] b, int i) {
    if (i < b.length && b[i] == '\r') {
      i++;
    }
    if (i < b.length && b[i] == '\n') {
      i++;
    }
    return i;
  }

  static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
