package io.github.insignia.openbadges.signing.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeysTest {
  private static final byte[] DATA = "hello badges".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void generateSignVerifyAndRoundTripEveryFormat(KeyType type) {
    SigningKey key = type == KeyType.RSA ? SigningKey.generateRsa(2048) : SigningKey.generate(type);
    assertEquals(type, key.keyType());
    byte[] sig = key.sign(DATA);
    key.publicKey().verify(DATA, sig);
    byte[] tampered = DATA.clone();
    tampered[0] ^= 1;
    InvalidSignatureException e =
        assertThrows(InvalidSignatureException.class, () -> key.publicKey().verify(tampered, sig));
    assertEquals(SigningErrorCode.SIGNATURE_INVALID, e.errorCode());

    assertEquals(key, Keys.privateKeyFromJwk(key.toPrivateJwk()));
    assertEquals(key, Keys.parsePrivateKey(SafeJson.write(key.toPrivateJwk())));
    assertEquals(key, Keys.privateKeyFromPem(key.toPkcs8Pem()));
    assertEquals(key.publicKey(), Keys.publicKeyFromJwk(key.publicKey().toJwk()));
    assertEquals(key.publicKey(), Keys.publicKeyFromPem(key.publicKey().toSpkiPem()));
    assertEquals(key.publicKey(), VerificationKey.of(key.publicKey().toJdkKey()));
    if (type != KeyType.RSA) {
      ObjectNode multikey = SafeJson.nodeFactory().objectNode();
      multikey.put("publicKeyMultibase", key.publicKey().publicKeyMultibase());
      multikey.put("secretKeyMultibase", key.secretKeyMultibase());
      assertEquals(key, Keys.privateKeyFromMultikey(multikey));
      assertEquals(key.publicKey(), DidKey.parse(key.publicKey().didKey()));
      assertEquals(key.publicKey(), DidKey.parse(key.publicKey().didKeyVerificationMethod()));
      assertTrue(key.publicKey().publicKeyMultibase().startsWith(type == KeyType.ED25519 ? "z6Mk" : type == KeyType.P384 ? "z82" : "zDn"));
    }
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void privateMaterialNeverInToStringOrPublicDocuments(KeyType type) {
    SigningKey key = type == KeyType.RSA ? SigningKey.generateRsa(2048) : SigningKey.generate(type);
    String d = key.toPrivateJwk().get("d").asText();
    assertFalse(key.toString().contains(d));
    assertFalse(key.publicKey().toString().contains(d));
    assertFalse(key.publicKey().toJwk().has("d"));
    String did = "did:web:example.com";
    String published = SafeJson.write(KeyDocuments.didDocument(did, List.of(key.publicKey())))
        + SafeJson.write(KeyDocuments.jwks(List.of(new KeyDocuments.KeyWithId(did + "#k", key.publicKey()))))
        + SafeJson.write(KeyDocuments.ob2CryptographicKey("https://example.com/key", "https://example.com/i", key.publicKey()));
    assertFalse(published.contains(d));
    assertFalse(published.contains("\"d\""));
  }

  @Test
  void ob3SpecVectorKeyPair() {
    JsonNode kp = TestVectors.json("eddsa-vectors", "ob-spec-obv3p0", "keypair.json");
    SigningKey key = Keys.privateKeyFromMultikey(kp);
    assertEquals(kp.get("publicKeyMultibase").asText(), key.publicKey().publicKeyMultibase());
    assertEquals(kp.get("publicKeyHex").asText(), HexFormat.of().formatHex(key.publicKey().rawBytes()));
    assertEquals("did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", key.publicKey().didKey());
    assertEquals(kp.get("id").asText(), Keys.declaredVerificationMethod(SafeJson.write(kp)).orElseThrow());
  }

  @Test
  void w3cVectorKeyPairWith32ByteSeed() {
    JsonNode kp = TestVectors.json("eddsa-vectors", "vc-di-eddsa", "keyPair.json");
    SigningKey key = Keys.parsePrivateKey(SafeJson.write(kp));
    assertEquals(kp.get("publicKeyMultibase").asText(), key.publicKey().publicKeyMultibase());
  }

  @Test
  void rfc8037Ed25519JwkThumbprintAndSignature() {
    String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\","
        + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
    SigningKey key = Keys.parsePrivateKey(jwk);
    assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", key.publicKey().thumbprint());
    byte[] sig = key.sign("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc".getBytes(StandardCharsets.US_ASCII));
    assertEquals("hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg",
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
  }

  @Test
  void mozillaRsaPkcs1PemImports() {
    SigningKey key = Keys.privateKeyFromPem(TestVectors.text("baked", "mozilla-bakery", "rsa-private.pem"));
    assertEquals(KeyType.RSA, key.keyType());
    assertEquals(Keys.publicKeyFromPem(TestVectors.text("baked", "mozilla-bakery", "rsa-public.pem")), key.publicKey());
  }

  @Test
  void smallRsaIsRejected() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(1024);
    var pair = gen.generateKeyPair();
    assertEquals(SigningErrorCode.KEY_TOO_SMALL, assertThrows(InvalidInputException.class,
        () -> VerificationKey.of(pair.getPublic())).errorCode());
    assertEquals(SigningErrorCode.KEY_TOO_SMALL, assertThrows(InvalidInputException.class,
        () -> SigningKey.fromJdk(pair.getPrivate())).errorCode());
  }

  @Test
  void wrongCurvesAreRejected() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp521r1"));
    var p521 = gen.generateKeyPair();
    assertEquals(SigningErrorCode.KEY_WRONG_CURVE, assertThrows(InvalidInputException.class,
        () -> VerificationKey.of(p521.getPublic())).errorCode());
    String pem = VerificationKey.pem("PRIVATE KEY", p521.getPrivate().getEncoded());
    assertEquals(SigningErrorCode.KEY_WRONG_CURVE, assertThrows(InvalidInputException.class,
        () -> Keys.privateKeyFromPem(pem)).errorCode());
    String spki = VerificationKey.pem("PUBLIC KEY", p521.getPublic().getEncoded());
    assertEquals(SigningErrorCode.KEY_WRONG_CURVE, assertThrows(InvalidInputException.class,
        () -> Keys.publicKeyFromPem(spki)).errorCode());
    var x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair();
    assertEquals(SigningErrorCode.KEY_WRONG_CURVE, assertThrows(InvalidInputException.class,
        () -> Keys.publicKeyFromPem(VerificationKey.pem("PUBLIC KEY", x25519.getPublic().getEncoded()))).errorCode());
    JsonNode okp = SafeJson.read("{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");
    assertEquals(SigningErrorCode.KEY_WRONG_CURVE, assertThrows(InvalidInputException.class, () -> Keys.publicKeyFromJwk(okp)).errorCode());
    JsonNode k1 = SafeJson.read("{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"x\":\"AA\",\"y\":\"AA\"}");
    assertEquals(SigningErrorCode.KEY_WRONG_CURVE, assertThrows(InvalidInputException.class, () -> Keys.publicKeyFromJwk(k1)).errorCode());
    SigningKey ed = SigningKey.generate(KeyType.ED25519);
    assertEquals(SigningErrorCode.KEY_WRONG_CURVE, assertThrows(InvalidInputException.class,
        () -> Keys.publicKeyFromJwk(ed.publicKey().toJwk(), KeyType.P256)).errorCode());
  }

  @Test
  void pointOffTheCurveIsRejected() {
    SigningKey p = SigningKey.generate(KeyType.P256);
    ObjectNode jwk = p.publicKey().toJwk();
    jwk.put("y", jwk.get("x").asText());
    assertEquals(SigningErrorCode.KEY_MALFORMED, assertThrows(InvalidInputException.class, () -> Keys.publicKeyFromJwk(jwk)).errorCode());
  }

  @Test
  void mismatchedPublicHalfIsRejected() {
    ObjectNode jwk = SigningKey.generate(KeyType.ED25519).toPrivateJwk();
    jwk.put("x", SigningKey.generate(KeyType.ED25519).publicKey().toJwk().get("x").asText());
    assertEquals(SigningErrorCode.KEY_MISMATCH, assertThrows(InvalidInputException.class, () -> Keys.privateKeyFromJwk(jwk)).errorCode());
  }

  @Test
  void otherMulticodecPrefixesAreRejected() {
    // 0xe7 0x01 = secp256k1-pub
    byte[] k1 = new byte[35];
    k1[0] = (byte) 0xe7;
    k1[1] = 0x01;
    String mb = "z" + io.github.insignia.openbadges.signing.internal.Base58.encode(k1);
    assertEquals(SigningErrorCode.KEY_UNSUPPORTED, assertThrows(InvalidInputException.class, () -> Multikey.decodePublic(mb)).errorCode());
    assertEquals(SigningErrorCode.MULTIBASE_MALFORMED, assertThrows(InvalidInputException.class,
        () -> Multikey.decodePublic("u6Mk")).errorCode());
    assertEquals(SigningErrorCode.MULTIBASE_MALFORMED, assertThrows(InvalidInputException.class,
        () -> Multikey.decodePublic("z0OIl")).errorCode());
  }

  @Test
  void base58RoundTrip() {
    byte[] bytes = {0, 0, 1, 2, 3, (byte) 255};
    assertArrayEquals(bytes, io.github.insignia.openbadges.signing.internal.Base58.decode(
        io.github.insignia.openbadges.signing.internal.Base58.encode(bytes)));
  }

  @Test
  void didWebMapping() {
    assertEquals("did:web:example.com", KeyDocuments.didWebFor(java.net.URI.create("https://example.com")));
    assertEquals("did:web:example.com%3A8443:issuers:1",
        KeyDocuments.didWebFor(java.net.URI.create("https://Example.com:8443/issuers/1")));
    assertEquals("https://example.com/.well-known/did.json",
        KeyDocuments.didWebDocumentUrl("did:web:example.com").toString());
    assertEquals("https://example.com:8443/issuers/1/did.json",
        KeyDocuments.didWebDocumentUrl("did:web:example.com%3A8443:issuers:1#key").toString());
    assertThrows(InvalidInputException.class, () -> KeyDocuments.didWebDocumentUrl("did:web:example.com:..:x"));
  }

  @Test
  void p256SignaturesInteroperateWithTheJdkAndAreDeterministic() throws Exception {
    SigningKey key = SigningKey.generate(KeyType.P256);
    byte[] ours = key.sign(DATA);
    assertArrayEquals(ours, key.sign(DATA));
    java.security.Signature jdk = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
    jdk.initVerify(key.publicKey().toJdkKey());
    jdk.update(DATA);
    assertTrue(jdk.verify(ours));
    java.security.KeyFactory kf = java.security.KeyFactory.getInstance("EC");
    java.security.PrivateKey jdkPrivate = kf.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
        java.util.Base64.getMimeDecoder().decode(key.toPkcs8Pem().replaceAll("-----[A-Z ]+-----", ""))));
    jdk.initSign(jdkPrivate);
    jdk.update(DATA);
    key.publicKey().verify(DATA, jdk.sign());
  }

  @Test
  void jcaSignerOverJdkKeys() throws Exception {
    for (String[] spec : new String[][] {{"Ed25519", null}, {"EC", "secp256r1"}, {"RSA", null}}) {
      KeyPairGenerator gen = KeyPairGenerator.getInstance(spec[0]);
      if (spec[1] != null) {
        gen.initialize(new ECGenParameterSpec(spec[1]));
      } else if (spec[0].equals("RSA")) {
        gen.initialize(2048);
      }
      var pair = gen.generateKeyPair();
      VerificationKey pub = VerificationKey.of(pair.getPublic());
      JcaSigner signer = new JcaSigner(pair.getPrivate(), pub.keyType(), java.util.Optional.empty());
      pub.verify(DATA, signer.sign(DATA));
      assertFalse(signer.toString().contains("PrivateKey"));
    }
  }
}
