package io.github.insignia.openbadges.json;

import io.github.insignia.openbadges.ModelErrorCode;
import io.github.insignia.openbadges.BoundedCache;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.insignia.openbadges.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads JSON from outside under {@link JsonLimits} and writes it back. Every failure is an {@link
 * InvalidInputException} with one of the codes {@code JSON_MALFORMED}, {@code JSON_TOO_DEEP},
 * {@code JSON_STRING_TOO_LONG}, {@code JSON_TOO_LARGE}, {@code JSON_DUPLICATE_KEY} or {@code
 * JSON_IO}; no Jackson exception escapes.
 *
 * <p>Duplicate member names are rejected: two readers that pick different duplicates could
 * otherwise disagree about what a signed badge says. Big decimals are kept exactly, so numbers are
 * written back as they were read.
 */
public final class SafeJson {
  /** Readers by limits; a host with many distinct limits only recreates mappers. */
  private static final BoundedCache<JsonLimits, ObjectMapper> READERS = new BoundedCache<>(64);
  private static final ObjectMapper WRITER = newMapper(JsonLimits.defaults());
  private static final ObjectMapper PRETTY_WRITER =
      newMapper(JsonLimits.defaults()).enable(SerializationFeature.INDENT_OUTPUT);

  private SafeJson() {}

  /** Reads one JSON document from UTF-8 bytes. */
  public static JsonNode read(byte[] json, JsonLimits limits) {
    Objects.requireNonNull(json, "json");
    checkSize(json.length, limits);
    try {
      return checkNotEmpty(mapper(limits).readTree(json));
    } catch (IOException e) {
      throw translate(e);
    }
  }

  /** Reads one JSON document from a string. */
  public static JsonNode read(String json, JsonLimits limits) {
    Objects.requireNonNull(json, "json");
    // A char is at most 3 UTF-8 bytes; the exact byte count is checked by the parser's own limit.
    if ((long) json.length() > limits.maxDocumentBytes()) {
      checkSize(json.getBytes(StandardCharsets.UTF_8).length, limits);
    }
    try {
      return checkNotEmpty(mapper(limits).readTree(json));
    } catch (IOException e) {
      throw translate(e);
    }
  }

  /** Reads one JSON document from a stream, reading at most {@code maxDocumentBytes + 1} bytes. */
  public static JsonNode read(InputStream in, JsonLimits limits) {
    Objects.requireNonNull(in, "in");
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxDocumentBytes() + 1));
    } catch (IOException e) {
      throw new InvalidInputException(ModelErrorCode.JSON_IO, "could not read the JSON input: " + e.getMessage(), e);
    }
    return read(bytes, limits);
  }

  /** Reads with {@link JsonLimits#defaults()}. */
  public static JsonNode read(String json) {
    return read(json, JsonLimits.defaults());
  }

  /** Reads with {@link JsonLimits#defaults()}. */
  public static JsonNode read(byte[] json) {
    return read(json, JsonLimits.defaults());
  }

  /** Compact JSON text, members in document order. */
  public static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented JSON text, members in document order. */
  public static String writePretty(JsonNode node) {
    try {
      return PRETTY_WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node factory used for every tree this class builds (exact big decimals). */
  public static JsonNodeFactory nodeFactory() {
    return WRITER.getNodeFactory();
  }

  private static JsonNode checkNotEmpty(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      throw new InvalidInputException(ModelErrorCode.JSON_MALFORMED, "the input is empty, not a JSON document");
    }
    return node;
  }

  private static void checkSize(long size, JsonLimits limits) {
    if (size > limits.maxDocumentBytes()) {
      throw new InvalidInputException(
          ModelErrorCode.JSON_TOO_LARGE,
          "the JSON document is larger than the limit of " + limits.maxDocumentBytes() + " bytes");
    }
  }

  private static ObjectMapper mapper(JsonLimits limits) {
    return READERS.get(limits, SafeJson::newMapper);
  }

  private static ObjectMapper newMapper(JsonLimits limits) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(Math.min(limits.maxStringLength(), 64 * 1024))
            .maxDocumentLength(limits.maxDocumentBytes())
            .maxNumberLength(1000)
            .build();
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return JsonMapper.builder(factory)
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
        .build();
  }

  private static InvalidInputException translate(IOException e) {
    String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    if (e instanceof StreamConstraintsException) {
      String lower = String.valueOf(detail).toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("nesting depth")) {
        return new InvalidInputException(ModelErrorCode.JSON_TOO_DEEP, "the JSON nests too deeply: " + detail, e);
      }
      if (lower.contains("document length")) {
        return new InvalidInputException(ModelErrorCode.JSON_TOO_LARGE, "the JSON document is too large: " + detail, e);
      }
      if (lower.contains("string") || lower.contains("name")) {
        return new InvalidInputException(ModelErrorCode.JSON_STRING_TOO_LONG, "a JSON string is too long: " + detail, e);
      }
      return new InvalidInputException(ModelErrorCode.JSON_TOO_LARGE, "the JSON exceeds a limit: " + detail, e);
    }
    if (detail != null && detail.startsWith("Duplicate field")) {
      return new InvalidInputException(ModelErrorCode.JSON_DUPLICATE_KEY, "the JSON repeats a member name: " + detail, e);
    }
    if (e instanceof JsonProcessingException jpe) {
      String where = jpe.getLocation() == null ? "" : " at line " + jpe.getLocation().getLineNr()
          + ", column " + jpe.getLocation().getColumnNr();
      return new InvalidInputException(ModelErrorCode.JSON_MALFORMED, "the input is not well-formed JSON" + where + ": "
          + firstLine(detail), e);
    }
    return new InvalidInputException(ModelErrorCode.JSON_IO, "could not read the JSON input: " + detail, e);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
