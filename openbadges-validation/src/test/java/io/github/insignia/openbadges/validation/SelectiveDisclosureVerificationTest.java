package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Fixtures.ob3;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.VERIFIER;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.outcome;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.rootCause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.dataintegrity.SelectiveDisclosure;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An OB 3.0 credential with an {@code ecdsa-sd-2023} derived proof (what a wallet presents) goes
 * through import like any other Data Integrity proof: VALID when it verifies, INVALID with
 * PROOF_INVALID when a disclosed claim was altered or an undisclosed one added back.
 */
class SelectiveDisclosureVerificationTest {
  static final SigningKey P256 = SigningKey.generate(KeyType.P256);
  static final SelectiveDisclosure SD = SelectiveDisclosure.create();

  static final SigningKey P384 = SigningKey.generate(KeyType.P384);

  static ObjectNode base() {
    return base(P256, P256);
  }

  /** A base proof signed by {@code signer}, naming {@code named}'s did:key as issuer and verification method. */
  static ObjectNode base(SigningKey signer, SigningKey named) {
    ObjectNode credential = ob3();
    ((ObjectNode) credential.get("issuer")).put("id", named.publicKey().didKey());
    return SD.sign(credential, signer, ProofOptions.builder(named.publicKey().didKeyVerificationMethod())
        .created(Instant.parse("2025-01-01T00:00:00Z")).build(),
        List.of("/issuer", "/validFrom", "/name", "/credentialSubject/achievement"));
  }

  static final ObjectNode BASE = base();

  @Test
  void derivedProofIsValid() {
    ObjectNode derived = SD.derive(BASE, List.of("/credentialSubject/identifier"));
    VerificationReport r = VERIFIER.verify(SafeJson.write(derived));
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
    assertEquals(Outcome.PASS, outcome(r, CheckCode.PROOF), r::toJson);
    assertEquals(Outcome.PASS, outcome(r, CheckCode.KEY_BINDING), r::toJson);
  }

  @Test
  void withheldIdentifierIsStillAuthentic() {
    ObjectNode derived = SD.derive(BASE, List.of());
    assertFalse(derived.get("credentialSubject").has("identifier"));
    VerificationReport r = VERIFIER.verify(SafeJson.write(derived));
    assertEquals(Outcome.PASS, outcome(r, CheckCode.PROOF), r::toJson);
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
  }

  @Test
  void alteredOrAddedClaimsAreInvalid() {
    ObjectNode derived = SD.derive(BASE, List.of());
    ObjectNode altered = derived.deepCopy();
    ((ObjectNode) altered.get("credentialSubject").get("achievement")).put("name", "Rocket science");
    VerificationReport r = VERIFIER.verify(SafeJson.write(altered));
    assertEquals(Verdict.INVALID, r.verdict(), r::toJson);
    assertEquals(CheckCode.PROOF_INVALID, rootCause(r), r::toJson);

    // The identifier is a node of its own: a blank node the holder's label map never named.
    ObjectNode added = derived.deepCopy();
    ((ObjectNode) added.get("credentialSubject")).set("identifier", BASE.get("credentialSubject").get("identifier"));
    VerificationReport r2 = VERIFIER.verify(SafeJson.write(added));
    assertEquals(Verdict.INVALID, r2.verdict(), r2::toJson);
    assertEquals(CheckCode.PROOF_INVALID, rootCause(r2), r2::toJson);
    assertTrue(r2.rootCause().orElseThrow().message().contains("SD_LABEL_MAP_INVALID"), r2::toJson);
  }

  @Test
  void p384IssuerDerivedProofIsValidAndAlterationsAreNot() {
    ObjectNode derived = SD.derive(base(P384, P384), List.of("/credentialSubject/identifier"));
    VerificationReport r = VERIFIER.verify(SafeJson.write(derived));
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
    assertEquals(Outcome.PASS, outcome(r, CheckCode.KEY_BINDING), r::toJson);

    ObjectNode altered = derived.deepCopy();
    ((ObjectNode) altered.get("credentialSubject").get("achievement")).put("name", "Rocket science");
    VerificationReport r2 = VERIFIER.verify(SafeJson.write(altered));
    assertEquals(Verdict.INVALID, r2.verdict(), r2::toJson);
    assertEquals(CheckCode.PROOF_INVALID, rootCause(r2), r2::toJson);

    // Signed with the P-384 key but naming a P-256 did:key: never checked on the proof's say-so.
    VerificationReport r3 = VERIFIER.verify(SafeJson.write(SD.derive(base(P384, P256), List.of())));
    assertEquals(Verdict.INVALID, r3.verdict(), r3::toJson);
    assertEquals(CheckCode.PROOF_INVALID, rootCause(r3), r3::toJson);
    assertTrue(r3.rootCause().orElseThrow().message().contains("base signature does not verify"), r3::toJson);
  }
}
