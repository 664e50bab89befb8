package io.github.insignia.openbadges.signing.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.TestVectors;
import io.github.insignia.openbadges.signing.Judges;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.util.Optional;
import io.github.insignia.openbadges.signing.internal.Base58;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DataIntegrityTest {
  static final DataIntegrity DI = DataIntegrity.create();
  static final SigningKey ED = SigningKey.generate(KeyType.ED25519);
  static final SigningKey P256 = SigningKey.generate(KeyType.P256);
  static final DataIntegrity.Verifier JUDGE = Judges.dataIntegrity(DI);

  static ObjectNode credential(SigningKey issuer) {
    ObjectNode c = (ObjectNode) TestVectors.json("eddsa-vectors", "ob-spec-obv3p0", "credential-unsigned.json");
    ((ObjectNode) c.get("issuer")).put("id", issuer.publicKey().didKey());
    return c;
  }

  static ProofOptions.Builder options(SigningKey key) {
    return ProofOptions.builder(key.publicKey().didKeyVerificationMethod());
  }

  static void fails(String code, Executable body) {
    assertEquals(code, assertThrows(OpenBadgesException.class, body).code());
  }

  @Test
  void ecdsaRdfc2019WithP256() {
    ObjectNode signed = DI.sign(credential(P256), P256, options(P256).build());
    assertEquals("ecdsa-rdfc-2019", signed.get("proof").get("cryptosuite").asText());
    assertEquals(Cryptosuite.ECDSA_RDFC_2019, JUDGE.verify(signed).proofs().get(0).cryptosuite());
  }

  @Test
  void legacyEddsa2022VerifiesWithAWarning() {
    ObjectNode doc = credential(ED);
    ObjectNode proof = SafeJson.read("{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-2022\","
        + "\"created\":\"2023-01-01T00:00:00Z\",\"verificationMethod\":\"" + ED.publicKey().didKeyVerificationMethod()
        + "\",\"proofPurpose\":\"assertionMethod\"}").deepCopy();
    proof.put("proofValue", "z" + Base58.encode(ED.sign(DI.hashData(doc, proof, List.of()))));
    doc.set("proof", proof);
    DataIntegrity.Verified verified = JUDGE.verify(doc);
    assertEquals("LEGACY_CRYPTOSUITE", verified.warnings().get(0).code());
    assertThrows(ConfigurationException.class, () -> ProofOptions.builder("x").cryptosuite(Cryptosuite.EDDSA_2022));
  }

  @Test
  void proofOptionsAreSignedAndChecked() {
    // challenge, domain and the authentication purpose are a presentation's: its holder's key signs.
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    ObjectNode presentation = SafeJson.read("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":[\"VerifiablePresentation\"],\"holder\":\"" + ED.publicKey().didKey() + "\"}").deepCopy();
    ObjectNode signed = DI.sign(presentation, ED, options(ED).created(now).expires(now.plusSeconds(3600))
        .challenge("c-123").domain("example.org").proofPurpose("authentication").build());
    JsonNode proof = signed.get("proof");
    assertEquals("2026-01-01T00:00:00Z", proof.get("created").asText());
    assertEquals("2026-01-01T01:00:00Z", proof.get("expires").asText());
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    DataIntegrity.Verifier judge = DI.verifier(IssuerKeys.offline(), VerificationPolicy.builder().clock(clock).build());
    judge.verifyPresentation(signed, Optional.of("c-123"), Optional.of("example.org"));
    fails("PROOF_PURPOSE_MISMATCH", () -> judge.verify(signed));
    fails("INVALID_CHALLENGE", () -> judge.verifyPresentation(signed, Optional.of("other"), Optional.empty()));
    fails("INVALID_DOMAIN", () -> judge.verifyPresentation(signed, Optional.empty(), Optional.of("evil.example")));
    DataIntegrity.Verifier later = DI.verifier(IssuerKeys.offline(),
        VerificationPolicy.builder().clock(Clock.fixed(now.plusSeconds(7200), ZoneOffset.UTC)).build());
    fails("PROOF_EXPIRED", () -> later.verifyPresentation(signed, Optional.empty(), Optional.empty()));
    // Changing a signed option breaks the signature.
    ObjectNode changed = signed.deepCopy();
    ((ObjectNode) changed.get("proof")).put("challenge", "other");
    fails("SIGNATURE_INVALID", () -> judge.verifyPresentation(changed, Optional.empty(), Optional.empty()));
  }

  @Test
  void aBareStringCredentialInAPresentationIsRefusedBeforeCanonicalization() {
    ObjectNode presentation = SafeJson.read("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":[\"VerifiablePresentation\"],\"holder\":\"" + ED.publicKey().didKey() + "\","
        + "\"verifiableCredential\":[{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":\"EnvelopedVerifiableCredential\",\"id\":\"data:application/vc+jwt,eyJhbGciOiJFZERTQSJ9.e30.AA\"}]}").deepCopy();
    ObjectNode signed = DI.sign(presentation, ED, options(ED).proofPurpose("authentication").build());
    JUDGE.verifyPresentation(signed, Optional.empty(), Optional.empty());
    ((ArrayNode) signed.get("verifiableCredential")).set(0, SafeJson.nodeFactory().textNode("eyJhbGciOiJFZERTQSJ9.e30.AA"));
    fails("PRESENTATION_CREDENTIAL_NOT_ENVELOPED", () -> JUDGE.verifyPresentation(signed, Optional.empty(), Optional.empty()));
  }

  @Test
  void proofSetsAndChains() {
    SigningKey second = SigningKey.generate(KeyType.ED25519);
    ObjectNode doc = credential(ED);
    ObjectNode one = DI.sign(doc, ED, options(ED).id("urn:uuid:p1").build());
    ObjectNode set = DI.sign(one, second, options(second).id("urn:uuid:p2").build());
    assertEquals(2, set.get("proof").size());
    // Every proof of a set must be by a key bound to the issuer: here the host trusts the co-signers'
    // keys for the issuer (trusted keys replace the issuer's own, so its key is listed too).
    DataIntegrity.Verifier cosigned = DI.verifier(IssuerKeys.offline(),
        Judges.trusting(ED.publicKey().didKey(), ED.publicKey(), second.publicKey(), P256.publicKey()));
    assertEquals(2, cosigned.verify(set).proofs().size());
    ObjectNode chain = DI.sign(set, P256, options(P256).previousProof(List.of("urn:uuid:p1", "urn:uuid:p2")).build());
    assertEquals(3, cosigned.verify(chain).proofs().size());
    // Without that, a co-signer's key is not the issuer's: the set fails.
    fails("KEY_NOT_BOUND_TO_ISSUER", () -> JUDGE.verify(set));
    // Removing a chained-to proof breaks the chain.
    ObjectNode broken = chain.deepCopy();
    ((ArrayNode) broken.get("proof")).remove(1);
    fails("PREVIOUS_PROOF_MISSING", () -> cosigned.verify(broken));
  }

  @Test
  void malformedAndUnsupportedProofs() {
    ObjectNode signed = DI.sign(credential(ED), ED, options(ED).build());
    fails("PROOF_MISSING", () -> JUDGE.verify(credential(ED)));
    for (String[] c : new String[][] {{"type", "RsaSignature2018", "CRYPTOSUITE_UNSUPPORTED"},
        {"cryptosuite", "bbs-2023", "CRYPTOSUITE_UNSUPPORTED"}, {"proofValue", "uAAAA", "PROOF_VALUE_MALFORMED"},
        {"proofValue", "z1111", "PROOF_VALUE_MALFORMED"}, {"created", "yesterday", "PROOF_MALFORMED"},
        {"verificationMethod", "", "PROOF_MALFORMED"}}) {
      ObjectNode copy = signed.deepCopy();
      ((ObjectNode) copy.get("proof")).put(c[0], c[1]);
      fails(c[2], () -> JUDGE.verify(copy));
    }
    ObjectNode wrongKey = signed.deepCopy();
    ((ObjectNode) wrongKey.get("proof")).put("verificationMethod", P256.publicKey().didKeyVerificationMethod());
    ((ObjectNode) wrongKey.get("issuer")).put("id", P256.publicKey().didKey());
    fails("KEY_TYPE_MISMATCH", () -> JUDGE.verify(wrongKey));
    assertThrows(ConfigurationException.class, () -> DI.sign(credential(ED), SigningKey.generateRsa(2048), options(ED).build()));
  }

  @Test
  void injectedUndefinedTermIsAnErrorNotSilentlyUnsigned() {
    ObjectNode signed = DI.sign(credential(ED), ED, options(ED).build());
    ObjectNode injected = signed.deepCopy();
    ((ObjectNode) injected.get("credentialSubject")).put("grade", "A+");
    OpenBadgesException e = assertThrows(OpenBadgesException.class, () -> JUDGE.verify(injected));
    assertTrue(e.code().startsWith("JSONLD_"), e.code());
  }

  @Test
  void vcdm11CredentialGetsTheDataIntegrityContext() {
    ObjectNode c = SafeJson.read("{\"@context\":[\"https://www.w3.org/2018/credentials/v1\","
        + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json\"],\"id\":\"urn:uuid:1\","
        + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":\"" + ED.publicKey().didKey()
        + "\",\"type\":\"Profile\",\"name\":\"I\"},\"issuanceDate\":\"2022-01-01T00:00:00Z\",\"name\":\"B\","
        + "\"credentialSubject\":{\"type\":\"AchievementSubject\",\"achievement\":{\"id\":\"https://example.org/a\","
        + "\"type\":\"Achievement\",\"name\":\"A\",\"description\":\"D\",\"criteria\":{\"narrative\":\"N\"}}}}").deepCopy();
    ObjectNode signed = DI.sign(c, ED, options(ED).build());
    assertEquals("https://w3id.org/security/data-integrity/v2", signed.get("@context").get(2).asText());
    assertEquals(2, c.get("@context").size());
    JUDGE.verify(signed);
  }
}
