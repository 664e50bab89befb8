package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Fixtures.ED;
import static io.github.insignia.openbadges.validation.Fixtures.ob3;
import static io.github.insignia.openbadges.validation.Fixtures.signDi;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.BoundedCache;
import io.github.insignia.openbadges.json.SafeJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link BadgeVerifier#prepare()} changes no report: verifications racing with it (schema caches
 * emptied first, so they meet it mid-compilation) give exactly the reports a verifier gives alone,
 * for a valid badge, a tampered one and one that fails the schema.
 */
class PrepareTest {
  private static final BadgeVerifier VERIFIER = BadgeVerifier.create(VerificationOptions.builder()
      .offline(true).clock(java.time.Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC)).build());

  private static List<String> inputs() {
    ObjectNode valid = signDi(ob3(), ED);
    ObjectNode tampered = valid.deepCopy();
    tampered.put("name", "Forged");
    ObjectNode noDescription = ob3();
    ((ObjectNode) noDescription.get("credentialSubject").get("achievement")).remove("description");
    return List.of(SafeJson.write(valid), SafeJson.write(tampered), SafeJson.write(signDi(noDescription, ED)));
  }

  private static String report(String input) {
    return SafeJson.write(VERIFIER.verify(input).toJsonNode());
  }

  @Test
  void reportsAreTheSameWithPreparationRacingTheVerifications() throws Exception {
    List<String> inputs = inputs();
    List<String> expected = new ArrayList<>();
    for (String input : inputs) {
      expected.add(report(input));
    }
    assertEquals(3, expected.stream().distinct().count());
    assertEquals(true, expected.get(2).contains("OB3_SCHEMA.problem") || expected.get(2).contains("description"), expected.get(2));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 5; round++) {
        BoundedCache.clearAll();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> preparing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          preparing.add(pool.submit(() -> {
            start.await();
            BadgeVerifier.prepare();
            return null;
          }));
        }
        List<Future<String>> reports = new ArrayList<>();
        for (String input : inputs) {
          reports.add(pool.submit(() -> {
            start.await();
            return report(input);
          }));
        }
        start.countDown();
        for (int i = 0; i < inputs.size(); i++) {
          assertEquals(expected.get(i), reports.get(i).get(), "input " + i + ", round " + round);
        }
        for (Future<?> f : preparing) {
          f.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
