package io.github.insignia.openbadges.signing.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import io.github.insignia.openbadges.signing.rdf.internal.FastPath;
import io.github.insignia.openbadges.signing.rdf.internal.GeneralProcessor;
import io.github.insignia.openbadges.signing.rdf.internal.PinnedContextLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast path gives exactly what the general processor gives (same canonical N-Quads, or the
 * same error code) on generated credentials and proof configurations, and handles the ordinary
 * ones itself.
 */
class FastPathEquivalenceTest {
  private static final RdfCanonicalizer FAST = RdfCanonicalizer.create();
  private static final RdfCanonicalizer GENERAL =
      RdfCanonicalizer.create(CanonicalizationOptions.builder().fastPath(false).build());
  private static final RdfCanonicalizer FAST_UNSAFE =
      RdfCanonicalizer.create(CanonicalizationOptions.builder().safeMode(false).build());
  private static final RdfCanonicalizer GENERAL_UNSAFE =
      RdfCanonicalizer.create(
          CanonicalizationOptions.builder().safeMode(false).fastPath(false).build());

  @ParameterizedTest(name = "seed {0}, weirdness {1}")
  @CsvSource({"1, 0.0, 0.8", "2, 0.05, 0.6", "3, 0.2, 0.3"})
  void sameAsGeneralProcessor(long seed, double weirdness, double minFastShare) {
    CredentialGenerator generator = new CredentialGenerator(seed, weirdness);
    FastPath probe =
        new FastPath(
            ProcessingRuntime.of(
                GeneralProcessor.baseOptions(new PinnedContextLoader(PinnedDocuments.loader()), true)));
    int examples = 100;
    int valid = 0;
    int handled = 0;
    for (int i = 0; i < examples; i++) {
      JsonNode doc = i % 4 == 3 ? generator.proofConfig() : generator.credential();
      String expected = outcome(GENERAL, doc);
      assertEquals(expected, outcome(FAST, doc), () -> "safe mode, document " + doc);
      if (i % 2 == 0) {
        assertEquals(
            outcome(GENERAL_UNSAFE, doc), outcome(FAST_UNSAFE, doc), () -> "unsafe mode, document " + doc);
      }
      if (!expected.startsWith("error ")) {
        valid++;
        if (probe.toQuads(doc, 10_000) != null) {
          handled++;
        }
      }
    }
    double share = handled / (double) Math.max(1, valid);
    assertTrue(
        share >= minFastShare,
        "fast path handled only " + handled + " of " + valid + " documents safe mode accepts");
  }

  /** Every example of the OB 3.0 specification (and the credential inside each proof set). */
  @org.junit.jupiter.api.Test
  void specificationExamples() throws java.io.IOException {
    java.nio.file.Path dir =
        io.github.insignia.openbadges.testvectors.TestVectors.path("ob3", "ob-spec-examples");
    int compared = 0;
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
      for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files.sorted()::iterator) {
        if (!file.toString().endsWith(".json")) {
          continue;
        }
        JsonNode doc;
        try {
          doc = io.github.insignia.openbadges.json.SafeJson.read(java.nio.file.Files.readAllBytes(file));
        } catch (io.github.insignia.openbadges.InvalidInputException e) {
          continue;
        }
        if (!doc.isObject()) {
          continue;
        }
        com.fasterxml.jackson.databind.node.ObjectNode unsigned = doc.deepCopy();
        unsigned.remove("proof");
        assertEquals(outcome(GENERAL, unsigned), outcome(FAST, unsigned), file::toString);
        compared++;
      }
    }
    assertTrue(compared > 10, "examples compared: " + compared);
  }

  private static String outcome(RdfCanonicalizer canonicalizer, JsonNode doc) {
    try {
      return canonicalizer.canonicalize(doc);
    } catch (CanonicalizationException e) {
      return "error " + e.code();
    }
  }
}
