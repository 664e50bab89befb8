package io.github.insignia.openbadges.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.internal.Members;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
  private final Set<String> knownMembers;

  /**
   * @param json the object
   * @param copy whether to copy it first (false only when the caller hands over a node nobody else
   *     holds or mutates)
   * @param knownMembers the member names the type gives a typed accessor for
   */
  protected JsonBacked(ObjectNode json, boolean copy, Set<String> knownMembers) {
    Objects.requireNonNull(json, "json");
    this.json = copy ? json.deepCopy() : json;
    this.knownMembers = Objects.requireNonNull(knownMembers, "knownMembers");
  }

  /** The node itself, for subclasses' accessors; never hand it out or mutate it. */
  protected final ObjectNode node() {
    return json;
  }

  /** The member names this type gives a typed accessor for (used by {@link #otherMembers()}). */
  protected final Set<String> knownMembers() {
    return knownMembers;
  }

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

  // Readers for subclasses' typed accessors: each accessor is one call to one of these, so the
  // tolerant reading rules live in Members alone.

  /** A string member; empty when absent or not a string. */
  protected final Optional<String> string(String name) {
    return Members.string(json, name);
  }

  /** A scalar member (string, number or boolean) as text. */
  protected final Optional<String> text(String name) {
    return Members.text(json, name);
  }

  /** A string or an array of strings, as a list. */
  protected final List<String> strings(String name) {
    return Members.strings(json, name);
  }

  /** A boolean member. */
  protected final Optional<Boolean> bool(String name) {
    return Members.bool(json, name);
  }

  /** A number member, exactly as written. */
  protected final Optional<BigDecimal> number(String name) {
    return Members.number(json, name);
  }

  /** A date-time member, parsed leniently. */
  protected final Optional<OffsetDateTime> dateTime(String name) {
    return Members.dateTime(json, name);
  }

  /** An embedded object member, wrapped without a copy. */
  protected final <T> Optional<T> object(String name, Function<ObjectNode, T> wrap) {
    return Members.object(json, name, wrap);
  }

  /** One object or an array of objects, wrapped without a copy. */
  protected final <T> List<T> objects(String name, Function<ObjectNode, T> wrap) {
    return Members.objects(json, name, wrap);
  }

  /** An IRI or an embedded object (the first usable entry of an array). */
  protected final <T extends JsonBacked> Optional<Ref<T>> ref(String name, Function<ObjectNode, T> wrap) {
    return Members.ref(json, name, wrap);
  }

  /** IRIs and embedded objects, one or an array. */
  protected final <T extends JsonBacked> List<Ref<T>> refs(String name, Function<ObjectNode, T> wrap) {
    return Members.refs(json, name, wrap);
  }

  /** Copies of the member's values: one value, the entries of an array, or none. */
  protected final List<JsonNode> copiesOf(String name) {
    return Members.values(json, name).stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }

  /** The member names a subtype knows: its parent's and its own. */
  protected static Set<String> union(Set<String> inherited, String... own) {
    Set<String> all = new HashSet<>(inherited);
    all.addAll(List.of(own));
    return Set.copyOf(all);
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
