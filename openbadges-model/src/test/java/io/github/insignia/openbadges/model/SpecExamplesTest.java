package io.github.insignia.openbadges.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import io.github.insignia.openbadges.testvectors.TestVectors;

/**
 * Every OB 2.0 and OB 3.0 specification example: a whole document reads and writes back
 * JSON-equal; a fragment (as MANIFEST.json marks it) is reported as not a badge.
 */
class SpecExamplesTest {
  static final Path VECTORS = TestVectors.root();

  static Map<String, String> expectations() throws IOException {
    JsonNode manifest = SafeJson.read(Files.readAllBytes(VECTORS.resolve("MANIFEST.json")));
    Map<String, String> result = new HashMap<>();
    manifest.get("files").forEach(f -> result.put(f.get("path").asText(), f.get("expected").asText()));
    return result;
  }

  static List<Path> examples(String dir) throws IOException {
    try (Stream<Path> files = Files.list(VECTORS.resolve(dir))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everySpecExample() throws IOException {
    Map<String, String> expected = expectations();
    return Stream.of("ob2/ob-spec-examples", "ob3/ob-spec-examples")
        .flatMap(dir -> {
          try {
            return examples(dir).stream().map(p -> Map.entry(dir + "/" + p.getFileName(), p));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        })
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getValue(), expected.get(e.getKey()))));
  }

  private static void check(Path file, String expected) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    JsonNode input = SafeJson.read(bytes);
    if (expected != null && expected.contains("FRAGMENT")) {
      // An abbreviated example is not a badge, except where its members are exactly those of an
      // Open Badges 1.0 BadgeClass, which had no @context and is recognised the way the 2.0
      // validator recognises it (name, description, image, criteria, issuer).
      if (!input.has("@context") && input.has("criteria") && input.has("issuer") && input.has("image")) {
        BadgeDocument legacy = BadgeDocuments.read(bytes);
        assertEquals(DocumentKind.BADGE_CLASS, legacy.kind(), legacy.toString());
        assertEquals(OpenBadgesVersion.V1_0, legacy.sourceVersion(), legacy.toString());
        return;
      }
      NotABadgeException e = assertThrows(NotABadgeException.class, () -> BadgeDocuments.read(bytes));
      assertEquals(ModelErrorCode.NOT_A_BADGE, e.errorCode());
      return;
    }
    BadgeDocument doc = BadgeDocuments.read(bytes);
    assertEquals(input, doc.json(), "JSON-equal after read");
    assertEquals(input, SafeJson.read(doc.toPrettyJson()), "JSON-equal after write");
    boolean ob3 = file.toString().contains("ob3");
    assertTrue(ob3 ? doc.version() == OpenBadgesVersion.V3_0 : doc.version() != OpenBadgesVersion.V3_0, doc.toString());
  }
}
