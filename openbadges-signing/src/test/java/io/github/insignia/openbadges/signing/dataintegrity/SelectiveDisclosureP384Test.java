package io.github.insignia.openbadges.signing.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.internal.Cbor;
import io.github.insignia.openbadges.signing.internal.EcCurve;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.Provenance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ecdsa-sd-2023 with a P-384 issuer key (W3C vc-di-ecdsa: the proof hash, mandatory hash, HMAC and
 * RDFC-1.0 use the hash of the base verification method's curve, SHA-384; the proof-scoped key and
 * the per-statement signatures stay P-256/ES256), end to end through the judge with a did:key issuer.
 */
class SelectiveDisclosureP384Test {
  static final SigningKey ISSUER_KEY = SigningKey.generate(KeyType.P384);
  static final SigningKey P256_KEY = SigningKey.generate(KeyType.P256);
  static final SelectiveDisclosure SD = SelectiveDisclosure.create();
  static final List<String> MANDATORY = SelectiveDisclosureTest.MANDATORY;

  /** The shared test credential issued by {@code issuer}'s did:key. */
  static ObjectNode credential(SigningKey issuer) {
    ObjectNode credential = SelectiveDisclosureTest.credential();
    ((ObjectNode) credential.get("issuer")).put("id", issuer.publicKey().didKey());
    return credential;
  }

  /** A base proof signed by {@code signer}, naming {@code named}'s key as the verification method and issuer. */
  static ObjectNode base(SigningKey signer, SigningKey named) {
    return SD.sign(credential(named), signer, ProofOptions.builder(named.publicKey().didKeyVerificationMethod())
        .created(Instant.parse("2025-01-01T00:00:00Z")).build(), MANDATORY);
  }

  static final ObjectNode BASE = base(ISSUER_KEY, ISSUER_KEY);
  static final ObjectNode DERIVED = SD.derive(BASE, List.of("/name", "/credentialSubject/achievement/name"));

  static List<?> components(JsonNode document) {
    byte[] raw = Base64.getUrlDecoder().decode(document.get("proof").get("proofValue").asText().substring(1));
    return (List<?>) Cbor.decode(raw, 3, 100_000);
  }

  static void assertRefused(JsonNode document, ProofFailure failure, SigningErrorCode code) {
    ProofVerificationException e = assertThrows(ProofVerificationException.class,
        () -> SelectiveDisclosureTest.JUDGE.verify(document));
    assertEquals(failure, e.failure(), e::getMessage);
    assertSame(code, e.errorCode(), e::getMessage);
  }

  @Test
  void p384BaseAndDerivedSubsetVerifyWithTheDidKeyIssuer() {
    assertSame(Cryptosuite.ECDSA_SD_2023, SelectiveDisclosureTest.JUDGE.verify(BASE).proofs().get(0).cryptosuite());
    DataIntegrity.Verified verified = SelectiveDisclosureTest.JUDGE.verify(DERIVED);
    assertEquals(Provenance.DID_KEY, verified.proofs().get(0).boundKey().orElseThrow().provenance());
    assertEquals(KeyType.P384, verified.proofs().get(0).boundKey().orElseThrow().key().keyType());
    JsonNode achievement = DERIVED.get("credentialSubject").get("achievement");
    assertEquals("Robotics", achievement.get("name").asText());
    assertFalse(achievement.has("description"), "undisclosed claims are not in the disclosure");
    SelectiveDisclosureTest.JUDGE.verify(SD.derive(BASE, List.of()));
  }

  @Test
  void p384ProofsHaveTheSpecSizes() {
    List<?> base = components(BASE);
    assertEquals(96, ((byte[]) base.get(0)).length, "P-384 base signature, IEEE P1363");
    assertEquals(35, ((byte[]) base.get(1)).length, "the proof-scoped key is a compressed P-256 Multikey");
    assertEquals(48, ((byte[]) base.get(2)).length, "the HMAC key is as long as SHA-384's digest");
    for (Object signature : (List<?>) base.get(3)) {
      assertEquals(64, ((byte[]) signature).length, "per-statement signatures are ES256");
    }
    assertEquals(96, ((byte[]) components(DERIVED).get(0)).length);
  }

  /**
   * Recomputes the base signature's input as the spec defines it for a P-384 key (SHA-384 proof
   * hash over RDFC-1.0 with SHA-384, HMAC-SHA-384 labels, SHA-384 mandatory hash) and checks the
   * issuer's signature over it; the same input built with SHA-256 does not verify.
   */
  @Test
  void theBaseSignatureCoversTheSha384Hashes() {
    List<?> c = components(BASE);
    byte[] signature = (byte[]) c.get(0);
    byte[] proofScoped = (byte[]) c.get(1);
    byte[] hmacKey = (byte[]) c.get(2);
    ObjectNode unsecured = DataIntegrity.unsecured(BASE, List.of());
    ObjectNode proof = (ObjectNode) BASE.get("proof").deepCopy();
    proof.remove("proofValue");
    String proofConfig = DataIntegrity.create().canonicalize(DataIntegrity.proofConfig(BASE, proof),
        Cryptosuite.ECDSA_SD_2023, KeyType.P384);
    List<List<String>> groups = SD.on(EcCurve.P384).groups(unsecured, hmacKey, List.of(MANDATORY));
    StringBuilder mandatory = new StringBuilder();
    for (String i : groups.get(1)) {
      mandatory.append(groups.get(0).get(Integer.parseInt(i)));
    }
    assertTrue(groups.get(0).stream().anyMatch(q -> java.util.regex.Pattern.compile("_:u[A-Za-z0-9_-]{64}[ .]").matcher(q).find()),
        "blank nodes carry 48-byte HMAC-SHA-384 labels");
    byte[] toSign = concat(EcCurve.P384.hash(bytes(proofConfig)), proofScoped, EcCurve.P384.hash(bytes(mandatory.toString())));
    ISSUER_KEY.publicKey().verify(toSign, signature);
    byte[] withSha256 = concat(EcCurve.P256.hash(bytes(proofConfig)), proofScoped, EcCurve.P256.hash(bytes(mandatory.toString())));
    assertThrows(InvalidInputException.class, () -> ISSUER_KEY.publicKey().verify(withSha256, signature));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void tamperingWithAP384DisclosureIsRefused() {
    ObjectNode selective = DERIVED.deepCopy();
    ((ObjectNode) selective.get("credentialSubject").get("achievement")).put("name", "Forgery");
    assertRefused(selective, ProofFailure.DISCLOSED_STATEMENT_INVALID, SigningErrorCode.SD_STATEMENT_SIGNATURE_INVALID);
    ObjectNode mandatory = DERIVED.deepCopy();
    mandatory.put("validFrom", "2020-01-01T00:00:00Z");
    assertRefused(mandatory, ProofFailure.SIGNATURE_INVALID, SigningErrorCode.SD_BASE_SIGNATURE_INVALID);
    ObjectNode created = DERIVED.deepCopy();
    ((ObjectNode) created.get("proof")).put("created", "2025-01-02T00:00:00Z");
    assertRefused(created, ProofFailure.SIGNATURE_INVALID, SigningErrorCode.SD_BASE_SIGNATURE_INVALID);
  }

  @Test
  void aSignatureOnOneCurvePresentedAsTheOtherIsRefused() {
    // Signed with the P-384 key, but the proof and the issuer name a P-256 did:key: the bound key
    // is P-256, so the 96-byte signature is never checked with SHA-384 on the proof's say-so.
    ObjectNode p384AsP256 = base(ISSUER_KEY, P256_KEY);
    assertRefused(p384AsP256, ProofFailure.SIGNATURE_INVALID, SigningErrorCode.SD_BASE_SIGNATURE_INVALID);
    assertRefused(SD.derive(p384AsP256, List.of("/name")), ProofFailure.SIGNATURE_INVALID,
        SigningErrorCode.SD_BASE_SIGNATURE_INVALID);
    ObjectNode p256AsP384 = base(P256_KEY, ISSUER_KEY);
    assertRefused(p256AsP384, ProofFailure.SIGNATURE_INVALID, SigningErrorCode.SD_BASE_SIGNATURE_INVALID);
    assertRefused(SD.derive(p256AsP384, List.of("/name")), ProofFailure.SIGNATURE_INVALID,
        SigningErrorCode.SD_BASE_SIGNATURE_INVALID);
  }

  @Test
  void lengthsThatDisagreeWithTheCurveAreMalformed() {
    ObjectNode shortHmac = SelectiveDisclosureTest.editedProofValue(BASE,
        c -> c.set(2, Arrays.copyOf((byte[]) c.get(2), 32)));
    assertRefused(shortHmac, ProofFailure.MALFORMED, SigningErrorCode.SD_PROOF_VALUE_MALFORMED);
    ObjectNode oddSignature = SelectiveDisclosureTest.editedProofValue(DERIVED,
        c -> c.set(0, Arrays.copyOf((byte[]) c.get(0), 80)));
    assertRefused(oddSignature, ProofFailure.MALFORMED, SigningErrorCode.SD_PROOF_VALUE_MALFORMED);
  }

  @Test
  void anHmacKeyOfTheWrongLengthIsRefusedWhenSigning() {
    ProofOptions options = ProofOptions.builder(ISSUER_KEY.publicKey().didKeyVerificationMethod()).build();
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> SD.sign(credential(ISSUER_KEY),
        ISSUER_KEY, options, MANDATORY, new byte[32], SigningKey.generate(KeyType.P256)));
    assertSame(SigningErrorCode.SD_KEY_TYPE_UNSUPPORTED, e.errorCode());
  }
}
