package io.github.insignia.openbadges.signing.dataintegrity;

import static io.github.insignia.openbadges.signing.dataintegrity.DataIntegrityVectorsTest.W3C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The holder's Data Integrity proof on a Verifiable Presentation (DID authentication). */
class PresentationProofTest {
  static final DataIntegrity.Verifier JUDGE = W3C.verifier(IssuerKeys.offline(), VerificationPolicy.defaults());

  static ObjectNode presentation(String holder) {
    ObjectNode vp = (ObjectNode) SafeJson.read("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":[\"VerifiablePresentation\"],\"verifiableCredential\":[]}");
    if (holder != null) {
      vp.put("holder", holder);
    }
    return vp;
  }

  static ObjectNode signed(ObjectNode vp, SigningKey key, String challenge, String domain) {
    ProofOptions.Builder options = ProofOptions.builder(key.publicKey().didKeyVerificationMethod()).proofPurpose("authentication");
    if (challenge != null) {
      options.challenge(challenge);
    }
    if (domain != null) {
      options.domain(domain);
    }
    return W3C.sign(vp, key, options.build());
  }

  static ProofVerificationException refused(ObjectNode vp, String challenge, String domain) {
    return assertThrows(ProofVerificationException.class,
        () -> JUDGE.verifyPresentation(vp, Optional.ofNullable(challenge), Optional.ofNullable(domain)));
  }

  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"ED25519", "P256", "P384"})
  void holderProofVerifies(KeyType type) {
    SigningKey holder = SigningKey.generate(type);
    ObjectNode vp = signed(presentation(holder.publicKey().didKey()), holder, "c-123", "https://verifier.example");
    DataIntegrity.Verified verified = JUDGE.verifyPresentation(vp, Optional.of("c-123"), Optional.of("https://verifier.example"));
    assertEquals(holder.publicKey(), verified.proofs().get(0).boundKey().orElseThrow().key());
    // No holder named: the proof's did:key is the holder.
    JUDGE.verifyPresentation(signed(presentation(null), holder, null, null), Optional.empty(), Optional.empty());
  }

  @Test
  void wrongChallengeOrDomainIsRefused() {
    SigningKey holder = SigningKey.generate(KeyType.ED25519);
    ObjectNode vp = signed(presentation(holder.publicKey().didKey()), holder, "c-123", "https://verifier.example");
    assertEquals(ProofFailure.MALFORMED, refused(vp, "c-999", null).failure());
    assertEquals(ProofFailure.MALFORMED, refused(vp, null, "https://other.example").failure());
    // A challenge was asked for and the proof has none.
    ObjectNode none = signed(presentation(holder.publicKey().didKey()), holder, null, null);
    assertEquals(ProofFailure.MALFORMED, refused(none, "c-123", null).failure());
  }

  @Test
  void aKeyOtherThanTheHolderOrTheOneNamedIsRefused() {
    SigningKey holder = SigningKey.generate(KeyType.P256);
    SigningKey other = SigningKey.generate(KeyType.P256);
    // Signed by another did:key than the holder.
    ProofVerificationException e = refused(signed(presentation(holder.publicKey().didKey()), other, null, null), null, null);
    assertEquals(ProofFailure.KEY_NOT_BOUND, e.failure());
    assertEquals(SigningErrorCode.PRESENTATION_HOLDER_MISMATCH.name(), e.code());
    // Naming the holder's key, signed by another.
    ObjectNode vp = signed(presentation(holder.publicKey().didKey()), other, null, null);
    ((ObjectNode) vp.get("proof")).put("verificationMethod", holder.publicKey().didKeyVerificationMethod());
    assertEquals(ProofFailure.SIGNATURE_INVALID, refused(vp, null, null).failure());
    // Tampered after signing.
    ObjectNode tampered = signed(presentation(holder.publicKey().didKey()), holder, null, null);
    tampered.put("id", "urn:uuid:0b6c1f6e-5d4a-4c2e-9f3b-2a1d0e9c8b7a");
    assertEquals(ProofFailure.SIGNATURE_INVALID, refused(tampered, null, null).failure());
  }

  @Test
  void purposeHolderKindAndShapeAreChecked() {
    SigningKey holder = SigningKey.generate(KeyType.ED25519);
    ObjectNode asserted = W3C.sign(presentation(holder.publicKey().didKey()), holder,
        ProofOptions.builder(holder.publicKey().didKeyVerificationMethod()).build());
    assertEquals(ProofFailure.PURPOSE_MISMATCH, refused(asserted, null, null).failure());
    // A holder that is no DID has no authentication keys (did:web holders: DidWebHolderTest).
    ObjectNode web = signed(presentation("https://wallet.example/alice"), holder, null, null);
    assertEquals(ProofFailure.SUITE_UNSUPPORTED, refused(web, null, null).failure());
    // A did:web holder, signed with a did:key: not the holder's key.
    ObjectNode didWeb = signed(presentation("did:web:wallet.example"), holder, null, null);
    assertEquals(SigningErrorCode.PRESENTATION_HOLDER_MISMATCH, refused(didWeb, null, null).errorCode());
    assertEquals(ProofFailure.MALFORMED, refused(presentation(holder.publicKey().didKey()), null, null).failure());
    ObjectNode notVp = signed(presentation(holder.publicKey().didKey()), holder, null, null);
    notVp.put("type", "VerifiableCredential");
    assertEquals(SigningErrorCode.PRESENTATION_MALFORMED.name(), refused(notVp, null, null).code());
  }
}
