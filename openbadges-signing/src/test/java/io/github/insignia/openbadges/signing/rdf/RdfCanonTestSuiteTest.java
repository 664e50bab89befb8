package io.github.insignia.openbadges.signing.rdf;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every RDFC-1.0 test of the W3C suite (eval, map and negative), from its manifest. */
class RdfCanonTestSuiteTest {
  private static final Path SUITE =
      io.github.insignia.openbadges.testvectors.TestVectors.path("rdf-canon");

  private static final RdfCanonicalizer SHA256 = RdfCanonicalizer.create();
  private static final RdfCanonicalizer SHA384 =
      RdfCanonicalizer.create(
          CanonicalizationOptions.builder()
              .hashAlgorithm(CanonicalizationOptions.HashAlgorithm.SHA_384)
              .build());

  @TestFactory
  Stream<DynamicTest> manifest() throws IOException {
    JsonNode manifest = SafeJson.read(Files.readAllBytes(SUITE.resolve("manifest.jsonld")));
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : manifest.get("entries")) {
      String type = entry.get("type").asText();
      String name = entry.get("id").asText() + " " + entry.get("name").asText();
      RdfCanonicalizer canonicalizer =
          "SHA384".equals(entry.path("hashAlgorithm").asText()) ? SHA384 : SHA256;
      String input = read(entry.get("action").asText());
      switch (type) {
        case "rdfc:RDFC10EvalTest" ->
            tests.add(
                DynamicTest.dynamicTest(
                    name,
                    () ->
                        assertEquals(
                            read(entry.get("result").asText()),
                            canonicalizer.canonicalizeNQuads(input))));
        case "rdfc:RDFC10MapTest" ->
            tests.add(
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      JsonNode expected = SafeJson.read(read(entry.get("result").asText()));
                      Map<String, String> map = new LinkedHashMap<>();
                      expected.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
                      assertEquals(
                          map, canonicalizer.canonicalizeNQuadsWithMap(input).issuedIdentifiers());
                    }));
        case "rdfc:RDFC10NegativeEvalTest" ->
            tests.add(
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      long start = System.nanoTime();
                      CanonicalizationException e =
                          assertThrows(
                              CanonicalizationException.class,
                              () -> canonicalizer.canonicalizeNQuads(input));
                      assertEquals(SigningErrorCode.RDFC_WORK_LIMIT, e.errorCode());
                      long millis = (System.nanoTime() - start) / 1_000_000;
                      assertTrue(millis < 5_000, "poison graph must fail fast, took " + millis + " ms");
                    }));
        default -> throw new AssertionError("unknown test type " + type);
      }
    }
    assertEquals(86, tests.size(), "every entry of the manifest");
    return tests.stream();
  }

  private static String read(String relative) throws IOException {
    return Files.readString(SUITE.resolve(relative), StandardCharsets.UTF_8);
  }
}
