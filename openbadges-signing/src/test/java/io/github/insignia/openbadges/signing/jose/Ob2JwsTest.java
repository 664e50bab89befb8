package io.github.insignia.openbadges.signing.jose;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyResolutionException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.TestVectors;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.resolve.DocumentFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class Ob2JwsTest {
  private static final SigningKey MOZILLA =
      Keys.privateKeyFromPem(TestVectors.text("baked", "mozilla-bakery", "rsa-private.pem"));
  private static final String KEY_URL = "https://example.org/publicKey.json";
  private static final String ISSUER = "https://example.org/organization.json";

  static void fails(String code, Executable body) {
    assertEquals(code, assertThrows(OpenBadgesException.class, body).code());
  }

  static void notBound(Executable body) {
    io.github.insignia.openbadges.signing.verify.ProofVerificationException e =
        assertThrows(io.github.insignia.openbadges.signing.verify.ProofVerificationException.class, body);
    assertEquals(io.github.insignia.openbadges.signing.verify.ProofFailure.KEY_NOT_BOUND, e.failure(), e.getMessage());
  }

  static JsonNode assertion() {
    ObjectNode a = (ObjectNode) TestVectors.json("ob2", "ob-spec-examples", "examples-index-07.json");
    a.put("badge", "https://example.org/robotics-badge.json");
    return a;
  }

  static JsonNode profile(String... keys) {
    ObjectNode p = SafeJson.read("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Issuer\","
        + "\"id\":\"" + ISSUER + "\",\"name\":\"Example\"}").deepCopy();
    var arr = p.putArray("publicKey");
    for (String k : keys) {
      arr.add(k);
    }
    return p;
  }

  @Test
  void signAndVerifyWithTheMozillaRsaKey() {
    String jws = Ob2Jws.sign(assertion(), MOZILLA, KEY_URL);
    assertTrue(jws.startsWith("eyJhbGciOiJSUzI1NiJ9."), jws);
    JsonNode keyDoc = KeyDocuments.ob2CryptographicKey(KEY_URL, ISSUER, MOZILLA.publicKey());
    Ob2Jws.Verified v = Ob2Jws.verify(jws, keyDoc, profile(KEY_URL));
    assertEquals(KEY_URL, v.keyId());
    assertEquals(ISSUER, v.issuerId());
    assertEquals("SignedBadge", v.assertion().path("verification").path("type").asText());
  }

  @Test
  void verifyFetchesBadgeIssuerAndKey() {
    String jws = Ob2Jws.sign(assertion(), MOZILLA, KEY_URL);
    Map<String, String> web = Map.of(
        "https://example.org/robotics-badge.json", "{\"type\":\"BadgeClass\",\"id\":\"https://example.org/robotics-badge.json\",\"issuer\":\"" + ISSUER + "\"}",
        ISSUER, SafeJson.write(profile(KEY_URL)),
        KEY_URL, SafeJson.write(KeyDocuments.ob2CryptographicKey(KEY_URL, ISSUER, MOZILLA.publicKey())));
    DocumentFetcher fetcher = url -> {
      String body = web.get(url.toString());
      if (body == null) {
        throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, "404 " + url);
      }
      return body.getBytes(StandardCharsets.UTF_8);
    };
    assertEquals(ISSUER, Ob2Jws.verify(jws, fetcher).issuerId());
  }

  @Test
  void ownershipAndListingAreChecked() {
    String jws = Ob2Jws.sign(assertion(), MOZILLA, KEY_URL);
    JsonNode keyDoc = KeyDocuments.ob2CryptographicKey(KEY_URL, ISSUER, MOZILLA.publicKey());
    // Bound by the one judge over the two documents: not listed or another owner is "not the issuer's key".
    notBound(() -> Ob2Jws.verify(jws, keyDoc, profile("https://example.org/other.json")));
    JsonNode foreign = KeyDocuments.ob2CryptographicKey(KEY_URL, "https://evil.example/issuer", MOZILLA.publicKey());
    notBound(() -> Ob2Jws.verify(jws, foreign, profile(KEY_URL)));
    String other = "https://example.org/key2.json";
    JsonNode otherDoc = KeyDocuments.ob2CryptographicKey(other, ISSUER, MOZILLA.publicKey());
    // The creator names a listed key whose document was not given: cannot tell, never passed.
    assertEquals(io.github.insignia.openbadges.signing.verify.ProofFailure.ISSUER_KEYS_UNAVAILABLE,
        assertThrows(io.github.insignia.openbadges.signing.verify.ProofVerificationException.class,
            () -> Ob2Jws.verify(jws, otherDoc, profile(KEY_URL, other))).failure());
  }

  @Test
  void wrongKeyAndTamperingFail() {
    String jws = Ob2Jws.sign(assertion(), MOZILLA, KEY_URL);
    SigningKey another = SigningKey.generateRsa(2048);
    JsonNode keyDoc = KeyDocuments.ob2CryptographicKey(KEY_URL, ISSUER, another.publicKey());
    fails("SIGNATURE_INVALID", () -> Ob2Jws.verify(jws, keyDoc, profile(KEY_URL)));
    JsonNode ed = KeyDocuments.ob2CryptographicKey(KEY_URL, ISSUER, SigningKey.generate(KeyType.ED25519).publicKey());
    fails("JWS_ALG_MISMATCH", () -> Ob2Jws.verify(jws, ed, profile(KEY_URL)));
    ObjectNode changed = (ObjectNode) Ob2Jws.decode(jws).assertion();
    changed.put("issuedOn", "2017-01-01T00:00:00Z");
    JsonNode good = KeyDocuments.ob2CryptographicKey(KEY_URL, ISSUER, MOZILLA.publicKey());
    fails("JWS_PAYLOAD_MISMATCH", () -> Ob2Jws.verify(jws, good, profile(KEY_URL), changed));
  }

  @Test
  void edDsaAndEs256AreOptions() {
    for (KeyType type : new KeyType[] {KeyType.ED25519, KeyType.P256}) {
      SigningKey key = SigningKey.generate(type);
      String jws = Ob2Jws.sign(assertion(), key, KEY_URL);
      assertEquals(JwsAlgorithm.forKeyType(type), Ob2Jws.decode(jws).algorithm());
      Ob2Jws.verify(jws, KeyDocuments.ob2CryptographicKey(KEY_URL, ISSUER, key.publicKey()), profile(KEY_URL));
    }
  }

  @Test
  void specExampleDecodesButDoesNotVerify() {
    String jws = TestVectors.text("ob2", "ob-spec-examples", "signed-badge-example.jws").strip();
    Ob2Jws.Decoded decoded = Ob2Jws.decode(jws);
    assertEquals(JwsAlgorithm.RS256, decoded.algorithm());
    assertEquals("https://example.org/beths-robotics-badge.json", decoded.assertion().get("id").asText());
    // The payload keeps its CRLFs: the exact signed bytes are never re-serialized.
    assertTrue(new String(decoded.payload(), StandardCharsets.UTF_8).contains("\r\n"));
    String creator = decoded.creator().orElse("https://example.org/publicKey");
    JsonNode keyDoc = KeyDocuments.ob2CryptographicKey(creator, ISSUER, MOZILLA.publicKey());
    assertThrows(OpenBadgesException.class, () -> Ob2Jws.verify(jws, keyDoc, profile(creator)));
  }

  @Test
  void hostedAssertionIsNotASignedBadge() {
    ObjectNode a = (ObjectNode) assertion();
    String jws = Ob2Jws.signPayload(SafeJson.write(a.put("verification", "x")).getBytes(StandardCharsets.UTF_8), MOZILLA);
    fails("OB2_NOT_SIGNED_BADGE", () -> Ob2Jws.verify(jws,
        KeyDocuments.ob2CryptographicKey(KEY_URL, ISSUER, MOZILLA.publicKey()), profile(KEY_URL)));
  }

  @Test
  void fetcherGetsUrls() {
    assertEquals("https://example.org/x", URI.create("https://example.org/x").toString());
  }
}
