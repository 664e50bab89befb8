package io.github.insignia.openbadges.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the shared vectors (never copied into the repository). */
public final class TestVectors {
  private TestVectors() {}

  /** A path under {@code ../shared/vectors}. */
  public static Path path(String... parts) {
    return Path.of(System.getProperty("insignia.shared", "../../shared"), "vectors").resolve(String.join("/", parts));
  }

  /** A vector as text. */
  public static String text(String... parts) {
    try {
      return Files.readString(path(parts), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A vector as JSON. */
  public static JsonNode json(String... parts) {
    return SafeJson.read(text(parts));
  }

  /** The OB 3.0 specification's examples that are whole JSON objects, by file, in name order. */
  public static Map<Path, JsonNode> ob3SpecExampleObjects() {
    Map<Path, JsonNode> objects = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(path("ob3", "ob-spec-examples"))) {
      for (Path file : files.sorted().toList()) {
        try {
          JsonNode json = SafeJson.read(Files.readAllBytes(file));
          if (json.isObject()) {
            objects.put(file, json);
          }
        } catch (InvalidInputException fragment) {
          // Some examples are fragments of JSON, not documents.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }
}
