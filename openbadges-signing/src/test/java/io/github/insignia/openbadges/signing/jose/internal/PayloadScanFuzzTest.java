package io.github.insignia.openbadges.signing.jose.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.insignia.openbadges.json.JsonLimits;

/**
 * Fuzz target: on any bytes, the fast payload scan either gives up or answers exactly as Jackson
 * does ({@link FastPayloadTokensTest#agrees}). Under plain {@code mvn verify} it runs as a
 * regression test; run with {@code JAZZER_FUZZ=1} to fuzz.
 */
class PayloadScanFuzzTest {
  private static final JsonLimits SMALL = JsonLimits.builder().maxDepth(4).maxStringLength(16).build();

  @FuzzTest(maxDuration = "30s")
  void fastScanAgreesWithJackson(byte[] data) {
    FastPayloadTokensTest.agrees(data, JsonLimits.defaults());
    FastPayloadTokensTest.agrees(data, SMALL);
  }
}
