package io.github.insignia.openbadges.signing.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutated credentials and N-Quads (seeded): every outcome is a result or a {@link
 * CanonicalizationException}, never another exception, and both paths agree.
 */
class HostileInputTest {
  private static final String ALPHABET = "{}[]\":,@_<>.\\ \n#x0-9aZ\u00e9";

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void mutatedCredentials(boolean fastPath) throws IOException {
    String original =
        Files.readString(
            SpecVectorsTest.VECTORS.resolve("ob-spec-obv3p0/credential-unsigned.json"), StandardCharsets.UTF_8);
    RdfCanonicalizer canonicalizer =
        RdfCanonicalizer.create(CanonicalizationOptions.builder().fastPath(fastPath).build());
    RdfCanonicalizer other =
        RdfCanonicalizer.create(CanonicalizationOptions.builder().fastPath(!fastPath).build());
    Random random = new Random(42);
    for (int i = 0; i < 150; i++) {
      String mutated = mutate(original, random);
      JsonNode doc;
      try {
        doc = SafeJson.read(mutated);
      } catch (InvalidInputException e) {
        continue;
      }
      assertEquals(outcome(other, doc), outcome(canonicalizer, doc), mutated);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"test003", "test020", "test044", "test061"})
  void mutatedNQuads(String test) throws IOException {
    String original =
        Files.readString(
            io.github.insignia.openbadges.testvectors.TestVectors.path("rdf-canon", "rdfc10", test + "-in.nq"),
            StandardCharsets.UTF_8);
    RdfCanonicalizer canonicalizer = RdfCanonicalizer.create();
    Random random = new Random(test.hashCode());
    for (int i = 0; i < 100; i++) {
      String mutated = mutate(original, random);
      try {
        canonicalizer.canonicalizeNQuads(mutated);
      } catch (CanonicalizationException expected) {
        // typed: fine
      }
    }
  }

  private static String outcome(RdfCanonicalizer c, JsonNode doc) {
    try {
      return c.canonicalize(doc);
    } catch (CanonicalizationException e) {
      return "error " + e.code();
    }
  }

  private static String mutate(String text, Random random) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int at = random.nextInt(sb.length());
      switch (random.nextInt(3)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        default -> sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return sb.toString();
  }
}
