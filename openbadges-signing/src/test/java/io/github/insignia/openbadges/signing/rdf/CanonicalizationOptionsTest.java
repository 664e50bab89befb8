package io.github.insignia.openbadges.signing.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.ModelErrorCode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CanonicalizationOptionsTest {
  @Test
  void safeDefaults() {
    CanonicalizationOptions d = CanonicalizationOptions.defaults();
    assertTrue(d.safeMode());
    assertTrue(d.fastPath());
    assertEquals(CanonicalizationOptions.HashAlgorithm.SHA_256, d.hashAlgorithm());
    assertTrue(d.maxQuads() > 1000);
    assertTrue(d.maxRdfcWork() > 1000);
    assertSame(d, RdfCanonicalizer.create().options());
  }

  @Test
  void toBuilderKeepsEverything() {
    CanonicalizationOptions o =
        CanonicalizationOptions.builder()
            .safeMode(false)
            .fastPath(false)
            .maxQuads(7)
            .maxRdfcWork(9)
            .jsonLdTimeout(Duration.ofMillis(300))
            .hashAlgorithm(CanonicalizationOptions.HashAlgorithm.SHA_384)
            .documentLoader(PinnedDocuments.loader())
            .build();
    assertEquals(o.toString(), o.toBuilder().build().toString());
    assertFalse(o.toBuilder().build().safeMode());
  }

  @Test
  void nonsenseLimitsAreConfigurationErrors() {
    CanonicalizationOptions.Builder b = CanonicalizationOptions.builder();
    assertEquals(ModelErrorCode.LIMIT_INVALID, assertThrows(ConfigurationException.class, () -> b.maxQuads(0)).errorCode());
    assertEquals(ModelErrorCode.LIMIT_INVALID, assertThrows(ConfigurationException.class, () -> b.maxRdfcWork(0)).errorCode());
    assertEquals(ModelErrorCode.LIMIT_INVALID,
        assertThrows(ConfigurationException.class, () -> b.jsonLdTimeout(Duration.ZERO)).errorCode());
  }
}
