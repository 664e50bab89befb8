package io.github.insignia.openbadges.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small readers over untrusted JSON trees. */
public final class JsonNodes {
  private JsonNodes() {}

  /** A string member, or empty. */
  public static Optional<String> text(JsonNode node, String member) {
    JsonNode v = node == null ? null : node.get(member);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** A member that is a string or an array of strings, as a list (JSON-LD compaction allows both). */
  public static List<String> strings(JsonNode node, String member) {
    JsonNode v = node == null ? null : node.get(member);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v.isTextual()) {
      out.add(v.asText());
    } else if (v.isArray()) {
      for (JsonNode e : v) {
        if (e.isTextual()) {
          out.add(e.asText());
        }
      }
    }
    return out;
  }

  /** A member that is one value or an array of values, as a list of its elements. */
  public static List<JsonNode> items(JsonNode node, String member) {
    JsonNode v = node == null ? null : node.get(member);
    List<JsonNode> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(out::add);
    } else {
      out.add(v);
    }
    return out;
  }

  /** The id of a node given as a string or an object with {@code id}. */
  public static Optional<String> idOf(JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.isTextual()) {
      return Optional.of(value.asText());
    }
    return text(value, "id");
  }

  /** Appends a member or index to a JSON pointer, escaping as RFC 6901 requires. */
  public static String pointer(String base, Object token) {
    return base + "/" + token.toString().replace("~", "~0").replace("/", "~1");
  }

  /** Whether the node's (JSON-LD) {@code type} includes any of the names. */
  public static boolean hasType(JsonNode node, String... names) {
    List<String> types = strings(node, "type");
    for (String n : names) {
      if (types.contains(n)) {
        return true;
      }
    }
    return false;
  }
}
