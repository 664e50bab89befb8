package io.github.insignia.openbadges.baking;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.insignia.openbadges.OpenBadgesException;

/**
 * Fuzzes unbake and bake: any input gives a badge or an {@link OpenBadgesException}, never another
 * exception. Under {@code mvn verify} the seeds in {@code UnbakeFuzzTestInputs/} run as regression
 * tests; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class UnbakeFuzzTest {
  private static final BadgeBaker BAKER =
      BadgeBaker.create(BakingOptions.builder().maxImageBytes(1 << 20).maxPayloadBytes(1 << 16).build());

  @FuzzTest(maxDuration = "30s")
  void unbake(byte[] input) {
    try {
      BAKER.find(input);
    } catch (OpenBadgesException expected) {
      // Typed errors are the contract.
    }
    try {
      BAKER.removeBadge(BAKER.bake(input, BadgePayload.of("https://example.org/a", BadgeVersion.OB_2_0)));
    } catch (OpenBadgesException expected) {
      // Typed errors are the contract.
    }
  }
}
