package io.github.insignia.openbadges.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.internal.Nodes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The base of every builder: collects members into a JSON object in the standard's compacted form
 * and writes {@code @context}, {@code id} and {@code type} first. Builders are not thread-safe;
 * what they build is immutable.
 *
 * @param <B> the builder type
 * @param <T> the value type it builds
 */
public abstract class AbstractBuilder<B extends AbstractBuilder<B, T>, T extends JsonBacked> {
  private static final List<String> LEADING = List.of("@context", "id", "type");
  private static final JsonNodeFactory NODES = SafeJson.nodeFactory();

  private final Function<ObjectNode, T> create;
  private ObjectNode node;

  /**
   * Starts empty.
   *
   * @param create wraps a finished node as the value; called once per {@link #build()} with a node
   *     nobody else holds
   */
  protected AbstractBuilder(Function<ObjectNode, T> create) {
    this.create = Objects.requireNonNull(create, "create");
    this.node = NODES.objectNode();
  }

  /** Starts from a copy of an existing object (for {@code toBuilder()}). */
  protected AbstractBuilder(Function<ObjectNode, T> create, ObjectNode start) {
    this.create = Objects.requireNonNull(create, "create");
    this.node = start.deepCopy();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** The immutable value; the builder may be reused. */
  public final T build() {
    ObjectNode ordered = NODES.objectNode();
    for (String name : LEADING) {
      if (node.has(name)) {
        ordered.set(name, node.get(name).deepCopy());
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!LEADING.contains(e.getKey())) {
        ordered.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return create.apply(ordered);
  }

  /** {@code @context}: one URL is written as a string, several as an array. */
  public B context(String... urls) {
    return putStrings("@context", List.of(urls), false);
  }

  /** Removes {@code @context} (for objects embedded in another document). */
  public B noContext() {
    return remove("@context");
  }

  /** {@code id}. */
  public B id(String id) {
    return putString("id", id);
  }

  /** {@code type}: one value is written as a string, several as an array. */
  public B type(String... types) {
    return putStrings("type", List.of(types), false);
  }

  /** {@code type} always as an array, as OB 3.0 issuers emit it. */
  public B typeArray(String... types) {
    return putStrings("type", List.of(types), true);
  }

  /**
   * Any member, known or not (extensions, vendor fields). The value is copied (numbers in the form
   * a reader produces, so built and read values compare equal); {@code null} removes the member.
   */
  public B member(String name, JsonNode value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      node.remove(name);
    } else {
      node.set(name, Nodes.normalisedCopy(value));
    }
    return self();
  }

  /** Removes a member. */
  public B remove(String name) {
    node.remove(name);
    return self();
  }

  /** Sets a string member; {@code null} removes it. */
  protected B putString(String name, String value) {
    return member(name, value == null ? null : NODES.textNode(value));
  }

  /** Sets a boolean member; {@code null} removes it. */
  protected B putBool(String name, Boolean value) {
    return member(name, value == null ? null : NODES.booleanNode(value));
  }

  /** Sets a number member; {@code null} removes it. */
  protected B putNumber(String name, BigDecimal value) {
    return member(name, value == null ? null : NODES.numberNode(value));
  }

  /** Sets a date-time member with its offset; {@code null} removes it. */
  protected B putDateTime(String name, OffsetDateTime value) {
    return putString(name, value == null ? null : DateTimes.format(value));
  }

  /** Sets a date-time member in UTC; {@code null} removes it. */
  protected B putInstant(String name, Instant value) {
    return putString(name, value == null ? null : DateTimes.format(value));
  }

  /** Sets an embedded object; {@code null} removes it. */
  protected B putObject(String name, JsonBacked value) {
    return member(name, value == null ? null : value.node());
  }

  /** Sets an IRI or embedded object; {@code null} removes it. */
  protected B putRef(String name, Ref<?> value) {
    if (value == null) {
      return remove(name);
    }
    return value.isIri() ? putString(name, value.iri().orElseThrow()) : putObject(name, value.embedded().orElseThrow());
  }

  /** Sets a list of strings; a single value as a string unless {@code alwaysArray}. */
  protected B putStrings(String name, List<String> values, boolean alwaysArray) {
    if (values == null || values.isEmpty()) {
      return remove(name);
    }
    if (values.size() == 1 && !alwaysArray) {
      return putString(name, Objects.requireNonNull(values.get(0), name));
    }
    ArrayNode array = NODES.arrayNode();
    values.forEach(v -> array.add(Objects.requireNonNull(v, name)));
    return member(name, array);
  }

  /** Sets a list of objects as an array (empty removes it). */
  protected B putObjects(String name, List<? extends JsonBacked> values) {
    if (values == null || values.isEmpty()) {
      return remove(name);
    }
    ArrayNode array = NODES.arrayNode();
    values.forEach(v -> array.add(v.node().deepCopy()));
    return member(name, array);
  }

  /** Sets a list of IRIs or objects as an array (empty removes it). */
  protected B putRefs(String name, List<? extends Ref<?>> values) {
    if (values == null || values.isEmpty()) {
      return remove(name);
    }
    ArrayNode array = NODES.arrayNode();
    for (Ref<?> v : values) {
      array.add(v.isIri() ? NODES.textNode(v.iri().orElseThrow()) : v.embedded().orElseThrow().node().deepCopy());
    }
    return member(name, array);
  }

  /** Appends a value to a member, turning a single value into an array. */
  protected B append(String name, JsonNode value) {
    JsonNode current = node.get(name);
    ArrayNode array;
    if (current == null || current.isNull()) {
      array = NODES.arrayNode();
    } else if (current.isArray()) {
      array = (ArrayNode) current;
    } else {
      array = NODES.arrayNode().add(current);
    }
    array.add(Nodes.normalisedCopy(value));
    node.set(name, array);
    return self();
  }

  /** Appends an IRI string. */
  protected B appendIri(String name, String iri) {
    return append(name, NODES.textNode(Objects.requireNonNull(iri, name)));
  }

  /** Appends an embedded object. */
  protected B appendObject(String name, JsonBacked value) {
    return append(name, Objects.requireNonNull(value, name).node());
  }
}
