package io.github.insignia.openbadges.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.model.JsonBacked;
import io.github.insignia.openbadges.model.Ref;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Tolerant readers of JSON members shared by the value types. Not API. */
public final class Members {
  private static final DateTimeFormatter LENIENT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter();

  private Members() {}

  /** The member names of an object in document order. */
  public static List<String> names(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return List.copyOf(names);
  }

  /** A string member; empty when absent or not a string. */
  public static Optional<String> string(ObjectNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }

  /** A scalar member as text (strings, numbers, booleans); empty otherwise. */
  public static Optional<String> text(ObjectNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** A string or an array of strings, read as a list; other entries are skipped. */
  public static List<String> strings(ObjectNode node, String name) {
    List<String> result = new ArrayList<>();
    for (JsonNode v : values(node, name)) {
      if (v.isTextual()) {
        result.add(v.textValue());
      }
    }
    return List.copyOf(result);
  }

  /** A boolean member. */
  public static Optional<Boolean> bool(ObjectNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();
  }

  /** A number member, exactly as written. */
  public static Optional<BigDecimal> number(ObjectNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isNumber() ? Optional.of(v.decimalValue()) : Optional.empty();
  }

  /** A date-time member parsed leniently; empty when absent or unreadable. */
  public static Optional<OffsetDateTime> dateTime(ObjectNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return unixSeconds(v.longValue());
    }
    return v.isTextual() ? parseDateTime(v.textValue()) : Optional.empty();
  }

  /** An embedded object member; empty when absent or not an object. */
  public static <T> Optional<T> object(ObjectNode node, String name, Function<ObjectNode, T> wrap) {
    JsonNode v = node.get(name);
    return v instanceof ObjectNode o ? Optional.of(wrap.apply(o)) : Optional.empty();
  }

  /** One object or an array of objects; other entries are skipped. */
  public static <T> List<T> objects(ObjectNode node, String name, Function<ObjectNode, T> wrap) {
    List<T> result = new ArrayList<>();
    for (JsonNode v : values(node, name)) {
      if (v instanceof ObjectNode o) {
        result.add(wrap.apply(o));
      }
    }
    return List.copyOf(result);
  }

  /** An IRI or an embedded object; when an array, its first usable entry. */
  public static <T extends JsonBacked> Optional<Ref<T>> ref(
      ObjectNode node, String name, Function<ObjectNode, T> wrap) {
    List<Ref<T>> refs = refs(node, name, wrap);
    return refs.isEmpty() ? Optional.empty() : Optional.of(refs.get(0));
  }

  /** IRIs and embedded objects, one or an array. */
  public static <T extends JsonBacked> List<Ref<T>> refs(
      ObjectNode node, String name, Function<ObjectNode, T> wrap) {
    List<Ref<T>> result = new ArrayList<>();
    for (JsonNode v : values(node, name)) {
      if (v.isTextual()) {
        result.add(Ref.iri(v.textValue()));
      } else if (v instanceof ObjectNode o) {
        result.add(Ref.embedded(wrap.apply(o)));
      }
    }
    return List.copyOf(result);
  }

  /** The member as a list of nodes: one value, the entries of an array, or none. */
  public static List<JsonNode> values(ObjectNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (v.isArray()) {
      List<JsonNode> result = new ArrayList<>(v.size());
      for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
        result.add(it.next());
      }
      return result;
    }
    return List.of(v);
  }

  /** Lenient date-time parsing (see {@code DateTimes}). */
  public static Optional<OffsetDateTime> parseDateTime(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.length() > 64) {
      return Optional.empty();
    }
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.of(LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC));
      }
      if (t.matches("-?\\d{1,12}")) {
        return unixSeconds(Long.parseLong(t));
      }
      var parsed = LENIENT.parseBest(t, OffsetDateTime::from, java.time.LocalDateTime::from);
      if (parsed instanceof OffsetDateTime odt) {
        return Optional.of(odt);
      }
      // No zone: OB 2.0 forbids it, yet real badges carry it; read it as UTC.
      return Optional.of(((java.time.LocalDateTime) parsed).atOffset(ZoneOffset.UTC));
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** Shortens a value for an error message. */
  public static String abbreviate(String text) {
    if (text == null) {
      return "null";
    }
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  private static Optional<OffsetDateTime> unixSeconds(long seconds) {
    try {
      return Optional.of(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
