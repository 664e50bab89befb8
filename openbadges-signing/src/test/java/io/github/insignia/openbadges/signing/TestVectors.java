package io.github.insignia.openbadges.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
