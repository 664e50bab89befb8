package io.github.insignia.openbadges.signing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Selecting parts of a compact JSON-LD document by JSON Pointer (RFC 6901) as the Data Integrity
 * selective disclosure primitives define it ({@code selectJsonLd}), and skolemizing the document
 * (every node object without an id gets {@code urn:bnid:<label>}) so that the statements of a
 * selection can be matched with the statements of the whole document.
 *
 * <p>Failures are {@link IllegalArgumentException}s with a message; the caller types them.
 */
public final class JsonLdSelection {
  /** The scheme of skolem IRIs; undone by the caller when reading the statements back. */
  public static final String SKOLEM_PREFIX = "urn:bnid:";
  private static final int MAX_POINTERS = 256;
  private static final int MAX_DEPTH = 64;

  private JsonLdSelection() {}

  /** A deep copy in which every node object without {@code id}/{@code @id} gets a skolem {@code @id}. */
  public static ObjectNode skolemize(JsonNode document) {
    ObjectNode copy = document.deepCopy();
    skolemize(copy, new int[1], 0);
    return copy;
  }

  private static void skolemize(JsonNode node, int[] counter, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("the document is nested too deeply to select from");
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        skolemize(item, counter, depth + 1);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) node;
    if (object.has("@value")) {
      return;
    }
    boolean wrapper = object.has("@list") || object.has("@set");
    if (!wrapper && !object.has("id") && !object.has("@id")) {
      object.put("@id", SKOLEM_PREFIX + "sk" + counter[0]++);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("@context")) {
        skolemize(e.getValue(), counter, depth + 1);
      }
    }
  }

  /**
   * The selection of {@code pointers} from {@code document}: the {@code @context}, the id and type
   * of every object on the way, and the values pointed at.
   *
   * @throws IllegalArgumentException a malformed pointer or one that selects nothing
   */
  public static ObjectNode select(List<String> pointers, JsonNode document) {
    if (pointers.size() > MAX_POINTERS) {
      throw new IllegalArgumentException("more than " + MAX_POINTERS + " JSON pointers");
    }
    ObjectNode selection = initialSelection(document);
    if (document.has("@context")) {
      selection.set("@context", document.get("@context").deepCopy());
    }
    List<ArrayNode> arrays = new ArrayList<>();
    // A repeated pointer selects nothing new; hostile proofs must not make each one a copy.
    for (String pointer : new java.util.LinkedHashSet<>(pointers)) {
      selectPaths(paths(pointer), document, selection, arrays);
    }
    for (ArrayNode array : arrays) {
      for (int i = array.size() - 1; i >= 0; i--) {
        if (array.get(i) instanceof NullNode) {
          array.remove(i);
        }
      }
    }
    return selection;
  }

  private static ObjectNode initialSelection(JsonNode source) {
    ObjectNode selection = JsonNodeFactory.instance.objectNode();
    for (String id : new String[] {"id", "@id"}) {
      JsonNode value = source.get(id);
      if (value != null && value.isTextual() && !value.asText().startsWith("_:")) {
        selection.set(id, value);
      }
    }
    for (String type : new String[] {"type", "@type"}) {
      if (source.has(type)) {
        selection.set(type, source.get(type).deepCopy());
      }
    }
    return selection;
  }

  private static void selectPaths(List<String> paths, JsonNode document, ObjectNode selection, List<ArrayNode> arrays) {
    if (paths.isEmpty()) {
      if (!document.isObject()) {
        throw new IllegalArgumentException("the document is not an object");
      }
      selection.setAll((ObjectNode) document.deepCopy());
      return;
    }
    JsonNode value = document;
    JsonNode selectedValue = selection;
    JsonNode selectedParent = selection;
    for (String path : paths) {
      selectedParent = selectedValue;
      JsonNode parentValue = value;
      value = child(parentValue, path);
      if (value == null) {
        throw new IllegalArgumentException("the JSON pointer selects nothing at " + path);
      }
      selectedValue = child(selectedParent, path);
      if (selectedValue == null) {
        if (value.isArray()) {
          ArrayNode array = JsonNodeFactory.instance.arrayNode();
          arrays.add(array);
          selectedValue = array;
        } else {
          selectedValue = value.isObject() ? initialSelection(value) : value;
        }
        put(selectedParent, path, selectedValue);
      }
    }
    String last = paths.get(paths.size() - 1);
    if (value.isObject()) {
      ObjectNode merged = selectedValue.isObject() ? (ObjectNode) selectedValue : JsonNodeFactory.instance.objectNode();
      merged.setAll((ObjectNode) value.deepCopy());
      put(selectedParent, last, merged);
    } else {
      put(selectedParent, last, value.deepCopy());
    }
  }

  private static JsonNode child(JsonNode parent, String path) {
    if (parent.isObject()) {
      return parent.get(path);
    }
    if (parent.isArray()) {
      int index = index(path);
      JsonNode item = index < parent.size() ? parent.get(index) : null;
      return item == null || item.isNull() ? null : item;
    }
    return null;
  }

  private static void put(JsonNode parent, String path, JsonNode value) {
    if (parent.isObject()) {
      ((ObjectNode) parent).set(path, value);
      return;
    }
    ArrayNode array = (ArrayNode) parent;
    int index = index(path);
    while (array.size() <= index) {
      array.add(NullNode.getInstance());
    }
    array.set(index, value);
  }

  private static int index(String path) {
    if (path.isEmpty() || path.length() > 6 || !path.chars().allMatch(c -> c >= '0' && c <= '9')
        || (path.length() > 1 && path.charAt(0) == '0')) {
      throw new IllegalArgumentException("not an array index: " + path);
    }
    return Integer.parseInt(path);
  }

  /** The reference tokens of a JSON pointer ({@code ~1} is {@code /}, {@code ~0} is {@code ~}). */
  public static List<String> paths(String pointer) {
    if (pointer.isEmpty()) {
      return List.of();
    }
    if (pointer.charAt(0) != '/' || pointer.length() > 2_000) {
      throw new IllegalArgumentException("a JSON pointer starts with '/': " + pointer);
    }
    List<String> out = new ArrayList<>();
    for (String token : pointer.substring(1).split("/", -1)) {
      if (token.replace("~0", "").replace("~1", "").contains("~")) {
        throw new IllegalArgumentException("bad escape in JSON pointer " + pointer);
      }
      out.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }
}
