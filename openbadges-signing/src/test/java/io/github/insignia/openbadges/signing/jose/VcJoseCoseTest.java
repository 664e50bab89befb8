package io.github.insignia.openbadges.signing.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.TestVectors;
import io.github.insignia.openbadges.signing.internal.Crypto;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** W3C VC-JOSE-COSE {@code application/vc+jwt} through the judge, and its forgeries. */
class VcJoseCoseTest {
  static final SigningKey ED = SigningKey.generate(KeyType.ED25519);
  static final SigningKey P256 = SigningKey.generate(KeyType.P256);
  static final SigningKey P384 = SigningKey.generate(KeyType.P384);
  static final VcJwt.Verifier JUDGE = VcJwt.verifier(IssuerKeys.offline(), VerificationPolicy.defaults());

  static SigningKey key(KeyType type) {
    return type == KeyType.ED25519 ? ED : type == KeyType.P256 ? P256 : P384;
  }

  /** A VCDM 2.0 credential (the W3C vc-di-ecdsa input) issued by the key's did:key. */
  static ObjectNode credential(SigningKey issuer) {
    ObjectNode c = (ObjectNode) TestVectors.json("ecdsa-vectors", "vc-di-ecdsa", "unsigned.json");
    c.put("issuer", issuer.publicKey().didKey());
    return c;
  }

  static String b64(String s) {
    return Crypto.b64u(s.getBytes(StandardCharsets.UTF_8));
  }

  static ProofVerificationException refused(String token) {
    return assertThrows(ProofVerificationException.class, () -> JUDGE.verify(token));
  }

  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"ED25519", "P256", "P384"})
  void securesAndVerifiesThroughTheJudge(KeyType type) {
    SigningKey key = key(type);
    ObjectNode c = credential(key);
    String token = VcJwt.signVcJoseCose(c, key, key.publicKey().didKeyVerificationMethod());
    JsonNode header = SafeJson.read(Crypto.b64uDecode(token.substring(0, token.indexOf('.')), SigningErrorCode.JWS_MALFORMED, "header"));
    assertEquals("vc+jwt", header.get("typ").asText());
    assertEquals("vc", header.get("cty").asText());
    assertEquals(JwsAlgorithm.forKeyType(type).name(), header.get("alg").asText());
    VcJwt.Verified verified = JUDGE.verify(token);
    assertTrue(verified.vcJoseCose());
    assertEquals(c, verified.payload());
    assertEquals(c, verified.credential());
    assertTrue(verified.warnings().isEmpty(), verified.warnings().toString());
    assertEquals(key.publicKey(), verified.boundKey().orElseThrow().key());
    assertTrue(verified.boundKey().orElseThrow().authenticatesIssuer());
    // The OB 3.0 VC-JWT is not vc+jwt.
    assertFalse(JUDGE.verify(VcJwt.sign(c, key, key.publicKey().didKeyVerificationMethod())).vcJoseCose());
  }

  @Test
  void payloadIssuerSwappedIsRefused() {
    ObjectNode c = credential(P256);
    String token = VcJwt.signVcJoseCose(c, P256, P256.publicKey().didKeyVerificationMethod());
    // The forger edits the payload's issuer to another did:key: the signature no longer holds.
    String[] parts = token.split("\\.");
    ObjectNode swapped = c.deepCopy();
    swapped.put("issuer", P384.publicKey().didKey());
    String forged = parts[0] + "." + b64(swapped.toString()) + "." + parts[2];
    assertTrue(refused(forged).stage().ordinal() >= io.github.insignia.openbadges.signing.verify.Stage.KEY_BINDING.ordinal());
    // The forger signs with its own key a credential naming the victim as issuer, kid = its own key.
    ObjectNode victim = credential(P256);
    String own = VcJwt.signVcJoseCose(victim, P384, P384.publicKey().didKeyVerificationMethod());
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(own).failure());
    // … or kid = the victim's key: the signature is checked with the victim's key.
    String named = VcJwt.signVcJoseCose(victim, SigningKey.generate(KeyType.P256), P256.publicKey().didKeyVerificationMethod());
    assertEquals(ProofFailure.SIGNATURE_INVALID, refused(named).failure());
  }

  @Test
  void tamperedPayloadIsRefused() {
    ObjectNode c = credential(ED);
    String[] parts = VcJwt.signVcJoseCose(c, ED, ED.publicKey().didKeyVerificationMethod()).split("\\.");
    ObjectNode tampered = c.deepCopy();
    tampered.put("name", "Forged");
    assertEquals(ProofFailure.SIGNATURE_INVALID, refused(parts[0] + "." + b64(tampered.toString()) + "." + parts[2]).failure());
  }

  @Test
  void algNoneAndAlgorithmLabelsAreRefused() {
    ObjectNode c = credential(P256);
    String kid = P256.publicKey().didKeyVerificationMethod();
    String body = b64(c.toString());
    assertEquals(ProofFailure.ALGORITHM_REFUSED,
        refused(b64("{\"alg\":\"none\",\"typ\":\"vc+jwt\",\"kid\":\"" + kid + "\"}") + "." + body + ".").failure());
    // A P-256 signature labelled ES384 (P-384): the algorithm is pinned to the bound key.
    String p256 = VcJwt.signVcJoseCose(c, P256, kid);
    String sig = p256.substring(p256.lastIndexOf('.') + 1);
    String relabelled = b64("{\"alg\":\"ES384\",\"typ\":\"vc+jwt\",\"kid\":\"" + kid + "\"}") + "." + body + "." + sig;
    assertEquals(ProofFailure.ALGORITHM_MISMATCH, refused(relabelled).failure());
  }

  @Test
  void typConfusionIsRefused() {
    String kid = ED.publicKey().didKeyVerificationMethod();
    // An OB 3.0 VC-JWT of a VCDM 1.1 credential (vc claim) relabelled vc+jwt.
    ObjectNode v1 = (ObjectNode) SafeJson.read("{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],"
        + "\"type\":[\"VerifiableCredential\"],\"issuer\":\"" + ED.publicKey().didKey() + "\","
        + "\"issuanceDate\":\"2024-01-01T00:00:00Z\",\"credentialSubject\":{\"id\":\"did:example:1\"}}");
    ProofVerificationException e = refused(VcJwt.sign(v1, ED, kid, Optional.of("vc+jwt")));
    assertEquals(ProofFailure.MALFORMED, e.failure());
    assertEquals(SigningErrorCode.VC_JWT_PAYLOAD_INVALID.name(), e.code());
    assertEquals(SigningErrorCode.VC_JWT_PAYLOAD_INVALID.name(),
        assertThrows(InvalidInputException.class, () -> VcJwt.signVcJoseCose(v1, ED, kid)).code());
    // A presentation's typ is not a credential's.
    ObjectNode c = credential(ED);
    assertEquals(ProofFailure.MALFORMED, refused(VcJwt.sign(c, ED, kid, Optional.of("vp+jwt"))).failure());
    // cty must say vc.
    String body = b64(c.toString());
    String header = b64("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"cty\":\"vp\",\"kid\":\"" + kid + "\"}");
    String input = header + "." + body;
    String token = input + "." + Crypto.b64u(ED.sign(input.getBytes(StandardCharsets.US_ASCII)));
    assertEquals(SigningErrorCode.JWT_TYP_MISMATCH.name(), refused(token).code());
    // No kid: a vc+jwt names the issuer's key.
    String noKid = b64("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\"}") + "." + body;
    assertEquals(ProofFailure.KEY_MISSING,
        refused(noKid + "." + Crypto.b64u(ED.sign(noKid.getBytes(StandardCharsets.US_ASCII)))).failure());
  }

  @Test
  void validityComesFromTheCredential() {
    ObjectNode c = credential(ED);
    c.put("validFrom", "2030-01-01T00:00:00Z");
    c.put("validUntil", "2031-01-01T00:00:00Z");
    String token = VcJwt.signVcJoseCose(c, ED, ED.publicKey().didKeyVerificationMethod());
    assertEquals(ProofFailure.NOT_YET_VALID, refused(token).failure());
    VcJwt.Verifier later = VcJwt.verifier(IssuerKeys.offline(), VerificationPolicy.builder()
        .clock(Clock.fixed(Instant.parse("2032-01-01T00:00:00Z"), ZoneOffset.UTC)).build());
    assertEquals(ProofFailure.EXPIRED, assertThrows(ProofVerificationException.class, () -> later.verify(token)).failure());
    VcJwt.Verifier during = VcJwt.verifier(IssuerKeys.offline(), VerificationPolicy.builder()
        .clock(Clock.fixed(Instant.parse("2030-06-01T00:00:00Z"), ZoneOffset.UTC)).strictClaims(true).build());
    assertTrue(during.verify(token).vcJoseCose());
  }
}
