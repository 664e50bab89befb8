package io.github.insignia.openbadges.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.internal.Members;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The base of every value type of the model: an immutable view over one JSON object.
 *
 * <p>The object is kept exactly as it was read (or as a builder wrote it), so members this model
 * does not know, extensions and vendor fields are written back unchanged and in place, and a read
 * followed by a write is JSON-equal to the input by construction. Typed accessors interpret the
 * members tolerantly; {@link #json()} gives the object itself. Equality is JSON equality.
 */
public abstract class JsonBacked {
  private final ObjectNode json;

  /**
   * @param json the object
   * @param copy whether to copy it first (false only when the caller hands over a node nobody else
   *     holds or mutates)
   */
  protected JsonBacked(ObjectNode json, boolean copy) {
    Objects.requireNonNull(json, "json");
    this.json = copy ? json.deepCopy() : json;
  }

  /** The node itself, for subclasses' accessors; never hand it out or mutate it. */
  protected final ObjectNode node() {
    return json;
  }

  /** The member names this type gives a typed accessor for (used by {@link #otherMembers()}). */
  protected abstract Set<String> knownMembers();

  /** A copy of the JSON object, members in document order. */
  public final ObjectNode json() {
    return json.deepCopy();
  }

  /** Compact JSON text, members in document order. */
  public final String toJson() {
    return SafeJson.write(json);
  }

  /** Indented JSON text, members in document order. */
  public final String toPrettyJson() {
    return SafeJson.writePretty(json);
  }

  /** {@code id}, when it is a string. */
  public Optional<String> id() {
    return Members.string(json, "id");
  }

  /** {@code type}, a string or an array read as a list (empty when absent). */
  public List<String> types() {
    return Members.strings(json, "type");
  }

  /** Whether {@code type} contains the value (compared exactly). */
  public boolean hasType(String type) {
    return types().contains(type);
  }

  /** A copy of any member by name, known or not. */
  public Optional<JsonNode> member(String name) {
    JsonNode value = json.get(name);
    return value == null ? Optional.empty() : Optional.of(value.deepCopy());
  }

  /** Whether the member is present (even if null). */
  public boolean has(String name) {
    return json.has(name);
  }

  /** The member names in document order. */
  public List<String> memberNames() {
    return Members.names(json);
  }

  /**
   * Copies of the members this type has no accessor for (extensions, vendor fields, terms of other
   * contexts), in document order.
   */
  public Map<String, JsonNode> otherMembers() {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    Set<String> known = knownMembers();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!known.contains(e.getKey())) {
        result.put(e.getKey(), e.getValue().deepCopy());
      }
    }
    return result;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && json.equals(((JsonBacked) o).json);
  }

  @Override
  public final int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + toJson();
  }
}
