package io.github.insignia.openbadges.signing.rdf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets: whatever the bytes, the canonicalizer answers or throws a typed {@link
 * CanonicalizationException}; nothing else escapes. Under plain {@code mvn verify} the seeds in
 * {@code CanonicalizationFuzzTestInputs} run as regression tests; run with {@code
 * JAZZER_FUZZ=1} to fuzz.
 */
class CanonicalizationFuzzTest {
  private static final RdfCanonicalizer FAST = RdfCanonicalizer.create();
  private static final RdfCanonicalizer GENERAL =
      RdfCanonicalizer.create(CanonicalizationOptions.builder().fastPath(false).build());

  @FuzzTest(maxDuration = "30s")
  void nquads(byte[] data) {
    try {
      FAST.canonicalizeNQuads(new String(data, StandardCharsets.UTF_8));
    } catch (CanonicalizationException expected) {
      // typed
    }
  }

  @FuzzTest(maxDuration = "30s")
  void jsonLd(byte[] data) {
    JsonNode doc;
    try {
      doc = SafeJson.read(data);
    } catch (InvalidInputException notJson) {
      return;
    }
    String fast = outcome(FAST, doc);
    String general = outcome(GENERAL, doc);
    if (!fast.equals(general)) {
      throw new AssertionError("fast path and general processor disagree:\n" + fast + "\n" + general);
    }
  }

  private static String outcome(RdfCanonicalizer c, JsonNode doc) {
    try {
      return c.canonicalize(doc);
    } catch (CanonicalizationException e) {
      return "error " + e.code();
    }
  }
}
