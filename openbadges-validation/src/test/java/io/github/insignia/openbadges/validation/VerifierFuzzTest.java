package io.github.insignia.openbadges.validation;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes at all give a report, never an exception, and the JSON rendering always works. Under
 * plain {@code mvn verify} Jazzer replays the seeds in {@code VerifierFuzzTestInputs}.
 */
class VerifierFuzzTest {
  private static final BadgeVerifier VERIFIER = BadgeVerifier.create(VerificationOptions.builder().offline(true).build());

  @FuzzTest(maxDuration = "30s")
  void anyBytesGiveAReport(byte[] data) {
    VerificationReport report = VERIFIER.verify(data);
    assertNotNull(report.toJson());
    assertTrue(report.valid() || report.rootCause().isPresent());
  }
}
