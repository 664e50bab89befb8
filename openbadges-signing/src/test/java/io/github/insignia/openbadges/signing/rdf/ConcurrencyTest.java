package io.github.insignia.openbadges.signing.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One canonicalizer shared by threads that fill its context caches at the same time. */
class ConcurrencyTest {
  @Test
  void sharedCanonicalizerGivesSequentialResults() throws Exception {
    CredentialGenerator generator = new CredentialGenerator(11, 0.0);
    List<JsonNode> docs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      docs.add(i % 3 == 2 ? generator.proofConfig() : generator.credential());
    }
    RdfCanonicalizer reference = RdfCanonicalizer.create();
    List<String> expected = new ArrayList<>();
    for (JsonNode doc : docs) {
      expected.add(outcome(reference, doc));
    }
    // a fresh instance (create() is the warm shared one): its caches fill from four threads at once
    RdfCanonicalizer shared = RdfCanonicalizer.create(CanonicalizationOptions.builder().build());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 7;
        results.add(
            pool.submit(
                () -> {
                  List<String> out = new ArrayList<>();
                  for (int i = 0; i < docs.size(); i++) {
                    out.add(outcome(shared, docs.get((i + offset) % docs.size())));
                  }
                  return out;
                }));
      }
      for (int t = 0; t < 4; t++) {
        List<String> out = results.get(t).get();
        for (int i = 0; i < docs.size(); i++) {
          assertEquals(expected.get((i + t * 7) % docs.size()), out.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
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
