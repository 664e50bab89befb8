package io.github.insignia.openbadges.signing.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.TestVectors;
import io.github.insignia.openbadges.signing.VerificationMethod;
import io.github.insignia.openbadges.signing.Judges;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import io.github.insignia.openbadges.signing.internal.Crypto;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VcJwtTest {
  private static final SigningKey ED = SigningKey.generate(KeyType.ED25519);
  private static final SigningKey P256 = SigningKey.generate(KeyType.P256);
  private static final SigningKey P384 = SigningKey.generate(KeyType.P384);
  static final SigningKey RSA = SigningKey.generateRsa(2048);
  static final String RSA_ISSUER = "https://example.edu/issuers/565049";
  static final String RSA_KID = RSA_ISSUER + "#rsa";

  static SigningKey key(KeyType type) {
    return switch (type) {
      case ED25519 -> ED;
      case P256 -> P256;
      case P384 -> P384;
      case RSA -> RSA;
    };
  }

  static String kid(SigningKey key) {
    return key.keyType() == KeyType.RSA ? RSA_KID : key.publicKey().didKeyVerificationMethod();
  }

  static ObjectNode credential(SigningKey key) {
    ObjectNode c = (ObjectNode) TestVectors.json("eddsa-vectors", "ob-spec-obv3p0", "credential-unsigned.json");
    String issuer = key.keyType() == KeyType.RSA ? RSA_ISSUER : key.publicKey().didKey();
    ((ObjectNode) c.get("issuer")).put("id", issuer);
    c.put("validUntil", "2099-01-01T00:00:00Z");
    return c;
  }

  /** did:key issuers bind by themselves; the RSA issuer's key is one the host trusts for it. */
  static VerificationPolicy policy() {
    return Judges.trusting(RSA_ISSUER, RSA.publicKey());
  }

  static VcJwt.Verifier verifier(VerificationPolicy policy) {
    return VcJwt.verifier(Judges.offline(), policy);
  }

  static VcJwt.Verifier verifier() {
    return verifier(policy());
  }

  static void fails(String code, Executable body) {
    assertEquals(code, assertThrows(OpenBadgesException.class, body).code());
  }

  static String b64(String s) {
    return Crypto.b64u(s.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void signAndVerifyEveryAlgorithm(KeyType type) {
    SigningKey key = key(type);
    ObjectNode credential = credential(key);
    String jwt = VcJwt.sign(credential, key, kid(key));
    VcJwt.Verified verified = verifier().verify(jwt, credential);
    assertEquals(credential, verified.credential());
    assertEquals(VcJwt.DataModel.V2_0, verified.dataModel());
    assertEquals(JwsAlgorithm.forKeyType(type).name(), verified.header().get("alg").asText());
    assertEquals(kid(key), verified.header().get("kid").asText());
    assertEquals("JWT", verified.header().get("typ").asText());
    JsonNode payload = verified.payload();
    assertEquals(credential.get("issuer").get("id").asText(), payload.get("iss").asText());
    assertEquals("http://example.com/credentials/3527", payload.get("jti").asText());
    assertEquals("did:example:ebfeb1f712ebc6f1c276e12ec21", payload.get("sub").asText());
    assertEquals(Instant.parse("2010-01-01T00:00:00Z").getEpochSecond(), payload.get("nbf").asLong());
    assertEquals(Instant.parse("2099-01-01T00:00:00Z").getEpochSecond(), payload.get("exp").asLong());
    assertTrue(verified.warnings().isEmpty(), verified.warnings().toString());
  }

  @Test
  void vcdm11UsesTheVcClaim() {
    ObjectNode c = SafeJson.read("{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],\"id\":\"urn:uuid:1\","
        + "\"type\":[\"VerifiableCredential\"],\"issuer\":\"" + ED.publicKey().didKey() + "\","
        + "\"issuanceDate\":\"2020-01-01T00:00:00Z\",\"credentialSubject\":{\"id\":\"did:example:s\"}}").deepCopy();
    String jwt = VcJwt.sign(c, ED, kid(ED));
    VcJwt.Verified verified = verifier().verify(jwt);
    assertEquals(VcJwt.DataModel.V1_1, verified.dataModel());
    assertEquals(c, verified.credential());
    assertTrue(verified.payload().has("vc"));
  }

  @Test
  void algNoneIsRejected() {
    String body = Crypto.b64u(VcJwt.payload(credential(ED)));
    fails("JWS_ALG_NONE", () -> verifier().verify(b64("{\"alg\":\"none\"}") + "." + body + "."));
    fails("JWS_ALG_NONE", () -> verifier().verify(b64("{\"alg\":\"NONE\",\"kid\":\"" + kid(ED) + "\"}") + "." + body + ".AA"));
  }

  @Test
  void hmacWithThePublicKeyAsSecretIsRejected() throws Exception {
    for (SigningKey key : new SigningKey[] {RSA, ED}) {
      String input = b64("{\"alg\":\"HS256\",\"kid\":\"" + kid(key) + "\"}") + "."
          + Crypto.b64u(VcJwt.payload(credential(key)));
      for (byte[] secret : new byte[][] {key.publicKey().toSpkiPem().getBytes(StandardCharsets.US_ASCII),
          key.publicKey().toJdkKey().getEncoded()}) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String jwt = input + "." + Crypto.b64u(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        fails("JWS_ALG_UNSUPPORTED", () -> verifier().verify(jwt));
      }
    }
  }

  @Test
  void algorithmIsPinnedToTheKey() {
    // ES256 header over an Ed25519 kid, signed by the P-256 key: the key decides, not the header.
    ObjectNode c = credential(ED);
    String input = b64("{\"alg\":\"ES256\",\"kid\":\"" + kid(ED) + "\"}") + "." + Crypto.b64u(VcJwt.payload(c));
    String jwt = input + "." + Crypto.b64u(P256.sign(input.getBytes(StandardCharsets.US_ASCII)));
    fails("JWS_ALG_MISMATCH", () -> verifier().verify(jwt));
    fails("JWS_ALG_UNSUPPORTED", () -> verifier().verify(
        b64("{\"alg\":\"PS256\",\"kid\":\"" + kid(ED) + "\"}") + "." + Crypto.b64u(VcJwt.payload(c)) + ".AA"));
  }

  @Test
  void keyOfTheWrongCurveIsRejected() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp521r1"));
    var p521 = gen.generateKeyPair();
    String kid = "https://example.edu/keys/p521";
    // A P-521 key labelled P-256 never becomes a key a verifier can bind or use.
    fails("KEY_WRONG_CURVE", () -> VerificationKey.of(new VerificationMethod(kid, Optional.empty(), KeyType.P256, p521.getPublic())));
    String jwk = "{\"kty\":\"EC\",\"crv\":\"P-521\",\"x\":\"AA\",\"y\":\"AA\"}";
    String input = b64("{\"alg\":\"ES256\",\"jwk\":" + jwk + "}") + "." + Crypto.b64u(VcJwt.payload(credential(P256)));
    fails("KEY_WRONG_CURVE", () -> verifier(policy().toBuilder().acceptUnboundHeaderJwk(true).build()).verify(input + ".AA"));
  }

  @Test
  void headerKeysTheCallerDidNotTrustAreRejected() {
    ObjectNode c = credential(ED);
    String body = Crypto.b64u(VcJwt.payload(c));
    String jwk = SafeJson.write(ED.publicKey().toJwk());
    String withJwk = b64("{\"alg\":\"EdDSA\",\"jwk\":" + jwk + "}") + "." + body;
    String signed = withJwk + "." + Crypto.b64u(ED.sign(withJwk.getBytes(StandardCharsets.US_ASCII)));
    // The header jwk is the issuer's own did:key: bound, it verifies (and authenticates the issuer).
    assertTrue(verifier().verify(signed).boundKey().orElseThrow().authenticatesIssuer());
    // The same key under another issuer's name is not bound unless the host accepts unbound header keys.
    ObjectNode foreign = credential(P256);
    String foreignInput = b64("{\"alg\":\"EdDSA\",\"jwk\":" + jwk + "}") + "." + Crypto.b64u(VcJwt.payload(foreign));
    String foreignSigned = foreignInput + "." + Crypto.b64u(ED.sign(foreignInput.getBytes(StandardCharsets.US_ASCII)));
    fails("KEY_NOT_BOUND_TO_ISSUER", () -> verifier().verify(foreignSigned));
    VcJwt.Verified ok = verifier(policy().toBuilder().acceptUnboundHeaderJwk(true).build()).verify(foreignSigned);
    assertEquals(foreign, ok.credential());
    assertFalse(ok.boundKey().orElseThrow().authenticatesIssuer());
    for (String member : new String[] {"jku", "x5u"}) {
      String input = b64("{\"alg\":\"EdDSA\",\"kid\":\"" + kid(ED) + "\",\"" + member + "\":\"https://evil.example/k\"}") + "." + body;
      String jwt = input + "." + Crypto.b64u(ED.sign(input.getBytes(StandardCharsets.US_ASCII)));
      fails("JWS_HEADER_KEY_UNTRUSTED", () -> verifier().verify(jwt));
    }
    String x5c = b64("{\"alg\":\"EdDSA\",\"kid\":\"" + kid(ED) + "\",\"x5c\":[\"AAAA\"]}") + "." + body;
    fails("JWS_HEADER_KEY_UNTRUSTED", () -> verifier().verify(x5c + "." + Crypto.b64u(ED.sign(x5c.getBytes(StandardCharsets.US_ASCII)))));
    String priv = b64("{\"alg\":\"EdDSA\",\"jwk\":" + SafeJson.write(ED.toPrivateJwk()) + "}") + "." + body;
    fails("JWS_HEADER_KEY_UNTRUSTED", () -> verifier(policy().toBuilder().acceptUnboundHeaderJwk(true).build()).verify(priv + ".AA"));
  }

  @Test
  void payloadMustBeTheDocument() {
    ObjectNode c = credential(ED);
    String jwt = VcJwt.sign(c, ED, kid(ED));
    ObjectNode other = c.deepCopy();
    other.put("name", "Another badge");
    fails("JWS_PAYLOAD_MISMATCH", () -> verifier().verify(jwt, other));
  }

  @Test
  void typIsChecked() {
    ObjectNode c = credential(ED);
    assertTrue(verifier().verify(VcJwt.sign(c, ED, kid(ED), Optional.empty())).warnings().isEmpty());
    // typ vc+jwt is VC-JOSE-COSE (VcJoseCoseTest): the OB 3.0 VCDM 2.0 form under it verifies as one.
    assertTrue(verifier().verify(VcJwt.sign(c, ED, kid(ED), Optional.of("vc+jwt"))).vcJoseCose());
    fails("JWT_TYP_INVALID", () -> verifier().verify(VcJwt.sign(c, ED, kid(ED), Optional.of("at+jwt"))));
  }

  @Test
  void claimsMustAgreeWithTheCredential() {
    ObjectNode c = credential(ED);
    for (String[] change : new String[][] {{"iss", "\"did:example:other\""}, {"jti", "\"urn:uuid:other\""},
        {"sub", "\"did:example:other\""}, {"nbf", "1"}, {"exp", "4070908801"}}) {
      ObjectNode payload = (ObjectNode) SafeJson.read(VcJwt.payload(c));
      payload.set(change[0], SafeJson.read(change[1]));
      String jwt = CompactJws.sign(ED, Optional.of(kid(ED)), Optional.of("JWT"),
          SafeJson.write(payload).getBytes(StandardCharsets.UTF_8));
      fails("JWT_CLAIM_MISMATCH", () -> verifier().verify(jwt));
    }
    ObjectNode payload = (ObjectNode) SafeJson.read(VcJwt.payload(c));
    payload.remove("iss");
    String jwt = CompactJws.sign(ED, Optional.of(kid(ED)), Optional.empty(), SafeJson.write(payload).getBytes(StandardCharsets.UTF_8));
    assertEquals("JWT_CLAIM_MISSING", verifier().verify(jwt).warnings().get(0).code());
    fails("JWT_CLAIM_MISSING", () -> verifier(policy().toBuilder().strictClaims(true).build()).verify(jwt));
  }

  @Test
  void timesAreChecked() {
    ObjectNode c = credential(ED);
    c.put("validUntil", "2011-01-01T00:00:00Z");
    String expired = VcJwt.sign(c, ED, kid(ED));
    fails("JWT_EXPIRED", () -> verifier().verify(expired));
    ObjectNode future = credential(ED);
    future.put("validFrom", "2098-01-01T00:00:00Z");
    String notYet = VcJwt.sign(future, ED, kid(ED));
    fails("JWT_NOT_YET_VALID", () -> verifier().verify(notYet));
    Clock then = Clock.fixed(Instant.parse("2098-06-01T00:00:00Z"), ZoneOffset.UTC);
    verifier(policy().toBuilder().clock(then).build()).verify(notYet);
  }

  @Test
  void tamperingFails() {
    String jwt = VcJwt.sign(credential(ED), ED, kid(ED));
    String[] parts = jwt.split("\\.");
    ObjectNode payload = (ObjectNode) SafeJson.read(Crypto.b64uDecode(parts[1], io.github.insignia.openbadges.signing.SigningErrorCode.JWS_MALFORMED, "x"));
    payload.put("name", "Forged");
    fails("SIGNATURE_INVALID", () -> verifier().verify(parts[0] + "." + b64(SafeJson.write(payload)) + "." + parts[2]));
    fails("JWS_MALFORMED", () -> verifier().verify("not.a.jws.at.all"));
    fails("JWS_MALFORMED", () -> verifier().verify(b64("[1]") + ".e30.AA"));
    fails("JWS_CRIT_UNSUPPORTED", () -> verifier().verify(b64("{\"alg\":\"EdDSA\",\"crit\":[\"exp\"]}") + ".e30.AA"));
  }

  @Test
  void keyMustBeControlledByTheIssuer() {
    ObjectNode c = credential(ED);
    ((ObjectNode) c.get("issuer")).put("id", P256.publicKey().didKey());
    String jwt = VcJwt.sign(c, ED, kid(ED));
    fails("KEY_NOT_BOUND_TO_ISSUER", () -> verifier().verify(jwt));
    // An issuer whose only key (trusted by the host) is RSA: an EdDSA token under its name cannot be its.
    ((ObjectNode) c.get("issuer")).put("id", RSA_ISSUER);
    String rsaIssuer = VcJwt.sign(c, ED, kid(ED));
    fails("JWS_ALG_MISMATCH", () -> verifier().verify(rsaIssuer));
  }

  @Test
  void nimbusAdaptersInteroperate() throws Exception {
    for (SigningKey key : new SigningKey[] {ED, P256, RSA}) {
      com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
          new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.parse(
              JwsAlgorithm.forKeyType(key.keyType()).name())).keyID(kid(key)).build(),
          new com.nimbusds.jose.Payload(VcJwt.payload(credential(key))));
      jws.sign(new SignerJwsAdapter(key));
      assertEquals(credential(key), verifier().verify(jws.serialize()).credential());
      com.nimbusds.jose.JWSObject parsed = com.nimbusds.jose.JWSObject.parse(VcJwt.sign(credential(key), key, kid(key)));
      assertTrue(parsed.verify(new PinnedJwsVerifier(key.publicKey())));
    }
  }
}
