package io.github.insignia.openbadges.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text as JavaScript's {@code JSON.stringify} writes it: the form the published Data
 * Integrity vectors use, so a signed credential printed by Insignia can equal them byte for byte.
 */
public final class JsonText {
  private JsonText() {}

  /** {@code JSON.stringify(value, null, 2)} followed by a newline. */
  public static String pretty(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    write(node, sb, 0);
    return sb.append('\n').toString();
  }

  private static void write(JsonNode node, StringBuilder sb, int depth) {
    if (node.isObject()) {
      if (node.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        newline(sb, depth + 1);
        quote(e.getKey(), sb, false);
        sb.append(": ");
        write(e.getValue(), sb, depth + 1);
        if (it.hasNext()) {
          sb.append(',');
        }
      }
      newline(sb, depth);
      sb.append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        newline(sb, depth + 1);
        write(node.get(i), sb, depth + 1);
        if (i < node.size() - 1) {
          sb.append(',');
        }
      }
      newline(sb, depth);
      sb.append(']');
    } else if (node.isTextual()) {
      quote(node.asText(), sb, false);
    } else {
      sb.append(SafeJson.write(node));
    }
  }

  private static void newline(StringBuilder sb, int depth) {
    sb.append('\n');
    for (int i = 0; i < depth; i++) {
      sb.append("  ");
    }
  }

  /**
   * Appends a JSON string literal: {@code "}, {@code \}, and control characters escaped (short
   * forms where JSON has them, else lower-case {@code \}{@code u00xx}), everything else as is.
   *
   * @param strict whether a lone surrogate is an error ({@code JCS_INVALID}, RFC 8785) instead of
   *     being escaped as {@code JSON.stringify} does
   */
  public static void quote(String s, StringBuilder sb, boolean strict) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c) && strict) {
            throw new InvalidInputException(SigningErrorCode.JCS_INVALID, "a string holds a lone surrogate");
          } else if (c < 0x20 || Character.isSurrogate(c)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
