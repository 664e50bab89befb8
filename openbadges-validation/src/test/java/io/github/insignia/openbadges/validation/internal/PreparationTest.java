package io.github.insignia.openbadges.validation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.model.Contexts;
import io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer;
import io.github.insignia.openbadges.json.SafeJson;
import org.junit.jupiter.api.Test;

/**
 * {@link Preparation} fails silently by design (a failed step is left to the verification), so
 * these tests make sure each step really does its work: a step that threw would only make the
 * first verification slow again, which nothing else would notice.
 */
class PreparationTest {
  @Test
  void theCredentialPassesThePinnedSchemaAndScreen() {
    String url = Contexts.OB_V3_ACHIEVEMENT_CREDENTIAL_SCHEMA;
    Schemas.Screened screened = Schemas.screen(url, Preparation.credential());
    assertTrue(screened.vocabulary().isEmpty());
    assertEquals(java.util.List.of(), Schemas.validate(url, screened.instance()).orElseThrow());
  }

  @Test
  void theCredentialAndProofOptionsCanonicalizeInSafeMode() {
    RdfCanonicalizer canonicalizer = RdfCanonicalizer.create();
    String credential = canonicalizer.canonicalize(Preparation.credential());
    // the type-scoped contexts were reached: achievement terms expand to OB 3.0 IRIs
    assertTrue(credential.contains("https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria"), credential);
    assertTrue(credential.contains("https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject"), credential);
    String proof = canonicalizer.canonicalize(SafeJson.read(Preparation.PROOF_OPTIONS));
    assertTrue(proof.contains("https://w3id.org/security#DataIntegrityProof"), proof);
  }

  @Test
  void runIsIdempotentAndNeverThrows() {
    Preparation.run();
    Preparation.run();
    assertFalse(Schemas.validate(Contexts.OB_V3_ACHIEVEMENT_CREDENTIAL_SCHEMA, SafeJson.read("{}")).orElseThrow().isEmpty());
  }
}
