package io.github.insignia.openbadges.baking.internal;

import io.github.insignia.openbadges.baking.BakingErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.baking.BadgeVersion;
import io.github.insignia.openbadges.baking.BakingException;
import io.github.insignia.openbadges.baking.PayloadKind;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** Tells what a payload is (kind, version) from its text alone, and checks payloads before baking. */
public final class Payloads {
  private Payloads() {}

  /** XML white space: the only characters trimmed around SVG element content. */
  public static boolean isXmlSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** The kind of a payload; surrounding white space is ignored. */
  public static PayloadKind kindOf(String text) {
    String t = strip(text);
    if (t.isEmpty()) {
      return PayloadKind.TEXT;
    }
    if (t.charAt(0) == '{') {
      return PayloadKind.JSON;
    }
    if (isCompactJws(t)) {
      return PayloadKind.JWS;
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if ((lower.startsWith("https://") || lower.startsWith("http://")) && t.chars().noneMatch(Payloads::isXmlSpace)) {
      return PayloadKind.URL;
    }
    return PayloadKind.TEXT;
  }

  /** Three dot-separated base64url parts, the first one non-empty. */
  static boolean isCompactJws(String t) {
    int dots = 0;
    int partLength = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '.') {
        if (dots == 0 && partLength == 0) {
          return false;
        }
        dots++;
        partLength = 0;
      } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        partLength++;
      } else {
        return false;
      }
    }
    return dots == 2;
  }

  /** The version the payload itself says it is, when it says so. */
  public static Optional<BadgeVersion> versionOf(String text, PayloadKind kind, int maxBytes) {
    String t = strip(text);
    return switch (kind) {
      case URL -> Optional.of(BadgeVersion.OB_2_0);
      case JSON -> parse(t.getBytes(StandardCharsets.UTF_8), maxBytes).flatMap(Payloads::versionOfJson);
      case JWS -> jwsPayload(t, maxBytes).flatMap(Payloads::versionOfJwsClaims);
      case TEXT -> Optional.empty();
    };
  }

  private static Optional<byte[]> jwsPayloadBytes(String jws) {
    int first = jws.indexOf('.');
    int second = jws.indexOf('.', first + 1);
    try {
      return Optional.of(Base64.getUrlDecoder().decode(jws.substring(first + 1, second)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<JsonNode> jwsPayload(String jws, int maxBytes) {
    return jwsPayloadBytes(jws).flatMap(bytes -> parse(bytes, maxBytes));
  }

  private static Optional<JsonNode> parse(byte[] json, int maxBytes) {
    try {
      JsonLimits limits = JsonLimits.defaults();
      if (maxBytes < limits.maxDocumentBytes()) {
        limits = limits.toBuilder().maxDocumentBytes(maxBytes).build();
      }
      JsonNode node = SafeJson.read(json, limits);
      return node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  private static Optional<BadgeVersion> versionOfJwsClaims(JsonNode claims) {
    JsonNode vc = claims.get("vc");
    if (vc != null && vc.isObject()) {
      Optional<BadgeVersion> inner = versionOfJson(vc);
      return inner.isPresent() ? inner : Optional.of(BadgeVersion.OB_3_0);
    }
    return versionOfJson(claims);
  }

  /** The version of a badge JSON document from its {@code @context} (or its shape, for OB 1.0). */
  public static Optional<BadgeVersion> versionOfJson(JsonNode node) {
    JsonNode context = node.get("@context");
    boolean vc = false;
    boolean ob3 = false;
    if (context != null) {
      for (JsonNode entry : context.isArray() ? context : java.util.List.of(context)) {
        if (!entry.isTextual()) {
          continue;
        }
        String url = entry.asText();
        if (url.contains("purl.imsglobal.org/spec/clr/v2p0")) {
          return Optional.of(BadgeVersion.CLR_2_0);
        }
        if (url.contains("purl.imsglobal.org/spec/ob/v3p0")) {
          ob3 = true;
        } else if (url.equals("https://www.w3.org/ns/credentials/v2")
            || url.equals("https://www.w3.org/2018/credentials/v1")) {
          vc = true;
        } else if (url.contains("w3id.org/openbadges/v2") || url.contains("purl.imsglobal.org/spec/ob/v2p")) {
          return Optional.of(BadgeVersion.OB_2_0);
        } else if (url.contains("w3id.org/openbadges/v1")) {
          return Optional.of(BadgeVersion.OB_1_0);
        }
      }
      if (ob3 || vc) {
        return Optional.of(BadgeVersion.OB_3_0);
      }
      return Optional.empty();
    }
    if (node.has("recipient") && node.has("badge")) {
      return Optional.of(BadgeVersion.OB_1_0);
    }
    return Optional.empty();
  }

  /** The text without leading and trailing XML white space. */
  public static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isXmlSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isXmlSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /**
   * Checks a payload before baking: non-empty, and only characters that both a PNG text chunk and
   * an XML 1.0 document can carry (no NUL or other C0 controls but tab/LF/CR, no lone surrogates).
   */
  public static void checkBakeable(String text, int maxBytes) {
    if (text.isEmpty()) {
      throw new BakingException(BakingErrorCode.PAYLOAD_INVALID, "the badge payload is empty");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0xD800) {
        continue; // the common case first: it is carriable and not a surrogate
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      if (!ok) {
        throw new BakingException(
            BakingErrorCode.PAYLOAD_INVALID,
            String.format(Locale.ROOT, "the badge payload holds the character U+%04X at index %d, which an image cannot carry", (int) c, i));
      }
    }
    // A char is at most 3 UTF-8 bytes; only count exactly when it may matter.
    if ((long) text.length() * 3 > maxBytes && text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new BakingException(
          BakingErrorCode.PAYLOAD_TOO_LARGE, "the badge payload is larger than the limit of " + maxBytes + " bytes");
    }
  }
}
