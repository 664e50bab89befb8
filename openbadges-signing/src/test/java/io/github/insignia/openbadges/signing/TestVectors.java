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

/** The published vectors as JSON and text, over the test-vectors module (see docs/testing.md). */
public final class TestVectors {
  private TestVectors() {}

  /** A path under the test vectors' root. */
  public static Path path(String... parts) {
    return io.github.insignia.openbadges.testvectors.TestVectors.root().resolve(String.join("/", parts));
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
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
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
