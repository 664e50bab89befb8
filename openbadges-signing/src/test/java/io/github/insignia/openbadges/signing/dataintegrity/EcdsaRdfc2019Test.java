package io.github.insignia.openbadges.signing.dataintegrity;

import static io.github.insignia.openbadges.signing.dataintegrity.DataIntegrityVectorsTest.HEX;
import static io.github.insignia.openbadges.signing.dataintegrity.DataIntegrityVectorsTest.W3C;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.TestVectors;
import io.github.insignia.openbadges.signing.internal.Base58;
import io.github.insignia.openbadges.signing.keys.DidKey;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.Multikey;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * W3C vc-di-ecdsa {@code ecdsa-rdfc-2019} vectors (P-256 and P-384) byte for byte, issuing with
 * both curves, and the forgeries a verifier must refuse.
 */
class EcdsaRdfc2019Test {
  static final String DIR = "vc-di-ecdsa";
  static final BigInteger P256_N = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  static String vec(String... parts) {
    String[] all = new String[parts.length + 2];
    all[0] = "ecdsa-vectors";
    all[1] = DIR;
    System.arraycopy(parts, 0, all, 2, parts.length);
    return TestVectors.text(all);
  }

  static JsonNode vecJson(String... parts) {
    return io.github.insignia.openbadges.json.SafeJson.read(vec(parts));
  }

  static SigningKey vectorKey(String curve) {
    JsonNode pair = vecJson(curve + "KeyPair.json");
    SigningKey key = Multikey.decodeSecret(pair.get("secretKeyMultibase").asText());
    assertEquals(pair.get("publicKeyMultibase").asText(), key.publicKey().publicKeyMultibase());
    return key;
  }

  @ParameterizedTest
  @ValueSource(strings = {"p256", "p384"})
  void w3cVectorByteForByte(String curve) throws Exception {
    String up = curve.toUpperCase();
    String dir = "ecdsa-rdfc-2019-" + curve;
    KeyType type = curve.equals("p256") ? KeyType.P256 : KeyType.P384;
    SigningKey key = vectorKey(curve);
    assertEquals(type, key.keyType());
    JsonNode unsigned = vecJson("unsigned.json");
    ObjectNode config = (ObjectNode) vecJson(dir, "proofConfigECDSA" + up + ".json");

    assertEquals(vec(dir, "canonDocECDSA" + up + ".txt"), W3C.canonicalDocument(unsigned));
    assertEquals(vec(dir, "proofCanonECDSA" + up + ".txt"), W3C.canonicalProofConfig(unsigned, config));
    byte[] hashData = W3C.hashData(unsigned, config, List.of(), Cryptosuite.ECDSA_RDFC_2019, type);
    assertEquals(vec(dir, "combinedHashECDSA" + up + ".txt").strip(), HEX.formatHex(hashData));
    int half = hashData.length / 2;
    assertEquals(type == KeyType.P256 ? 32 : 48, half);
    assertEquals(vec(dir, "proofHashECDSA" + up + ".txt").strip(), HEX.formatHex(hashData, 0, half));
    assertEquals(vec(dir, "docHashECDSA" + up + ".txt").strip(), HEX.formatHex(hashData, half, hashData.length));

    byte[] signature = HEX.parseHex(vec(dir, "sigHexECDSA" + up + ".txt").strip());
    assertEquals("z" + Base58.encode(signature), vec(dir, "sigBTC58ECDSA" + up + ".txt").strip());
    key.publicKey().verify(hashData, signature);

    JsonNode signed = vecJson(dir, "signedECDSA" + up + ".json");
    assertEquals(signature.length == 64 ? 64 : 96, signature.length);
    DataIntegrity.Verified verified = io.github.insignia.openbadges.signing.Judges.verifyVector(W3C, signed);
    assertEquals(Cryptosuite.ECDSA_RDFC_2019, verified.proofs().get(0).cryptosuite());
    assertTrue(verified.warnings().isEmpty());

    // Through the judge: the vector's issuer is an https id; the host trusts the vector key for it.
    VerificationPolicy trusting = VerificationPolicy.builder()
        .trustedKey(signed.get("issuer").asText(), key.publicKey()).build();
    W3C.verifier(IssuerKeys.offline(), trusting).verify(signed);
    // Without that trust the key is not the issuer's.
    assertEquals(io.github.insignia.openbadges.signing.verify.Stage.KEY_BINDING, refused(() -> W3C.verifier(IssuerKeys.offline(),
        VerificationPolicy.defaults()).verify(signed)).stage());

    // Randomized ECDSA upstream, RFC 6979 here: compare verification, not bytes.
    ObjectNode mine = W3C.sign(unsigned, key, ProofOptions.builder(config.get("verificationMethod").asText())
        .created(Instant.parse(config.get("created").asText())).cryptosuite(Cryptosuite.ECDSA_RDFC_2019).build());
    assertEquals(signature.length, Multikey.decodeMultibase(mine.get("proof").get("proofValue").asText()).length);
    io.github.insignia.openbadges.signing.Judges.verifyVector(W3C, mine);
    W3C.verifier(IssuerKeys.offline(), trusting).verify(mine);
    ObjectNode withoutValue = ((ObjectNode) mine.get("proof")).deepCopy();
    withoutValue.remove("proofValue");
    assertArrayEquals(hashData, W3C.hashData(unsigned, withoutValue, List.of(), Cryptosuite.ECDSA_RDFC_2019, type));
  }

  @ParameterizedTest
  @ValueSource(strings = {"p256", "p384"})
  void w3cEmploymentVectorOverPublishedCanonicalForms(String curve) throws Exception {
    // The citizenship context is not held offline: hash the published canonical forms.
    String up = curve.toUpperCase();
    String dir = "ecdsa-rdfc-2019-" + curve + "/employ";
    String algorithm = curve.equals("p256") ? "SHA-256" : "SHA-384";
    byte[] proofHash = MessageDigest.getInstance(algorithm).digest(vec(dir, "proofCanonECDSA" + up + ".txt").getBytes(StandardCharsets.UTF_8));
    byte[] docHash = MessageDigest.getInstance(algorithm).digest(vec(dir, "canonDocECDSA" + up + ".txt").getBytes(StandardCharsets.UTF_8));
    byte[] hashData = Arrays.copyOf(proofHash, proofHash.length * 2);
    System.arraycopy(docHash, 0, hashData, proofHash.length, docHash.length);
    assertEquals(vec(dir, "combinedHashECDSA" + up + ".txt").strip(), HEX.formatHex(hashData));
    JsonNode signed = vecJson(dir, "signedECDSA" + up + ".json");
    VerificationKey key = DidKey.parse(signed.get("proof").get("verificationMethod").asText());
    key.verify(hashData, Multikey.decodeMultibase(signed.get("proof").get("proofValue").asText()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"P256", "P384"})
  void issuesWithADidKeyIssuerAndVerifiesThroughTheJudge(String curve) {
    SigningKey key = SigningKey.generate(KeyType.valueOf(curve));
    ObjectNode signed = signedBy(key, key.publicKey().didKey());
    DataIntegrity.Verified verified = W3C.verifier(IssuerKeys.offline(), VerificationPolicy.defaults()).verify(signed);
    assertEquals(key.publicKey(), verified.proofs().get(0).boundKey().orElseThrow().key());
    assertTrue(signed.get("proof").get("verificationMethod").asText().startsWith(
        curve.equals("P256") ? "did:key:zDn" : "did:key:z82"));
    // Round trip of the key forms.
    assertEquals(key.publicKey(), Keys.publicKeyFromJwk(key.publicKey().toJwk()));
    assertEquals(key, Keys.privateKeyFromJwk(key.toPrivateJwk()));
    assertEquals(key, Multikey.decodeSecret(key.secretKeyMultibase()));
    assertEquals(key, Keys.parsePrivateKey(key.toPkcs8Pem()));
  }

  // ------------------------------------------------------------------ forgeries

  @ParameterizedTest
  @ValueSource(strings = {"P256", "P384"})
  void tamperedDocumentAndWrongKeyAreRefused(String curve) {
    SigningKey key = SigningKey.generate(KeyType.valueOf(curve));
    ObjectNode signed = signedBy(key, key.publicKey().didKey());
    ObjectNode tampered = signed.deepCopy();
    tampered.put("name", "Forged");
    assertEquals(ProofFailure.SIGNATURE_INVALID, judge(tampered).failure());

    // Signed by another key of the same curve, naming the issuer's key.
    SigningKey other = SigningKey.generate(KeyType.valueOf(curve));
    ObjectNode forged = signedBy(other, key.publicKey().didKey(), key.publicKey().didKeyVerificationMethod());
    assertEquals(ProofFailure.SIGNATURE_INVALID, judge(forged).failure());
  }

  @Test
  void keyNotBoundToTheIssuerIsRefused() {
    SigningKey issuer = SigningKey.generate(KeyType.P256);
    SigningKey forger = SigningKey.generate(KeyType.P384);
    ObjectNode forged = signedBy(forger, issuer.publicKey().didKey());
    assertEquals(ProofFailure.KEY_NOT_BOUND, judge(forged).failure());
  }

  @Test
  void p256SignatureLabelledP384IsRefused() {
    SigningKey p256 = SigningKey.generate(KeyType.P256);
    SigningKey p384 = SigningKey.generate(KeyType.P384);
    ObjectNode signed = signedBy(p256, p384.publicKey().didKey(), p384.publicKey().didKeyVerificationMethod());
    ProofVerificationException e = judge(signed);
    assertEquals(ProofFailure.SIGNATURE_INVALID, e.failure());
    assertEquals(SigningErrorCode.PROOF_VALUE_MALFORMED.name(), e.code());
    // And a P-384 signature offered for a P-256 key.
    ObjectNode reverse = signedBy(p384, p256.publicKey().didKey(), p256.publicKey().didKeyVerificationMethod());
    assertEquals(ProofFailure.SIGNATURE_INVALID, judge(reverse).failure());
  }

  @Test
  void didKeyOfAnotherCurveIsRefused() {
    // An ecdsa-rdfc-2019 proof naming an Ed25519 did:key (the issuer's own): not a key the suite uses.
    SigningKey ed = SigningKey.generate(KeyType.ED25519);
    ObjectNode signed = signedBy(SigningKey.generate(KeyType.P256), ed.publicKey().didKey(), ed.publicKey().didKeyVerificationMethod());
    ProofVerificationException e = judge(signed);
    assertEquals(ProofFailure.ALGORITHM_MISMATCH, e.failure());
    // An Ed25519 proof (eddsa-rdfc-2022) relabelled ecdsa-rdfc-2019.
    ObjectNode relabelled = W3C.sign(unsignedWithIssuer(ed.publicKey().didKey()), ed,
        ProofOptions.builder(ed.publicKey().didKeyVerificationMethod()).build());
    ((ObjectNode) relabelled.get("proof")).put("cryptosuite", "ecdsa-rdfc-2019");
    assertEquals(ProofFailure.ALGORITHM_MISMATCH, judge(relabelled).failure());
    // A P-384 key cannot sign eddsa-rdfc-2022.
    assertThrows(io.github.insignia.openbadges.ConfigurationException.class, () -> W3C.sign(unsignedWithIssuer("did:example:x"),
        SigningKey.generate(KeyType.P384), ProofOptions.builder("did:example:x#k").cryptosuite(Cryptosuite.EDDSA_RDFC_2022).build()));
  }

  @Test
  void signatureEncodings() throws Exception {
    // vc-di-ecdsa asks for the IEEE P1363 R ‖ S form and does not require low-S: (r, n - s) is the
    // same signature mathematically and verifies (it forges nothing: the signed bytes are the same);
    // r or s of zero or not below n, and a DER encoding, are refused.
    SigningKey key = SigningKey.generate(KeyType.P256);
    ObjectNode signed = signedBy(key, key.publicKey().didKey());
    byte[] sig = Multikey.decodeMultibase(signed.get("proof").get("proofValue").asText());
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    W3C.verifier(IssuerKeys.offline(), VerificationPolicy.defaults()).verify(withSignature(signed, rs(r, P256_N.subtract(s))));
    assertEquals(ProofFailure.SIGNATURE_INVALID, judge(withSignature(signed, rs(r, BigInteger.ZERO))).failure());
    assertEquals(ProofFailure.SIGNATURE_INVALID, judge(withSignature(signed, rs(P256_N, s))).failure());
    assertEquals(ProofFailure.SIGNATURE_INVALID, judge(withSignature(signed, rs(r.add(P256_N).mod(BigInteger.ONE.shiftLeft(256)), s))).failure());
    byte[] der = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
        new org.bouncycastle.asn1.ASN1Integer(r), new org.bouncycastle.asn1.ASN1Integer(s)}).getEncoded(
        org.bouncycastle.asn1.ASN1Encoding.DER);
    assertEquals(ProofFailure.MALFORMED, judge(withSignature(signed, der)).failure());
  }

  // ------------------------------------------------------------------ helpers

  static ObjectNode unsignedWithIssuer(String issuer) {
    ObjectNode doc = (ObjectNode) vecJson("unsigned.json");
    doc.put("issuer", issuer);
    return doc;
  }

  static ObjectNode signedBy(SigningKey key, String issuer) {
    return signedBy(key, issuer, key.publicKey().didKeyVerificationMethod());
  }

  static ObjectNode signedBy(SigningKey key, String issuer, String verificationMethod) {
    ObjectNode doc = unsignedWithIssuer(issuer);
    ObjectNode proof = W3C.createProof(doc, key, ProofOptions.builder(key.publicKey().didKeyVerificationMethod())
        .cryptosuite(key.keyType() == KeyType.ED25519 ? Cryptosuite.EDDSA_RDFC_2022 : Cryptosuite.ECDSA_RDFC_2019).build());
    if (!verificationMethod.equals(proof.get("verificationMethod").asText())) {
      // Sign the proof config that names the other key, so only the key differs.
      proof.put("verificationMethod", verificationMethod);
      proof.remove("proofValue");
      byte[] data = W3C.hashData(doc, proof, List.of(), Cryptosuite.ECDSA_RDFC_2019, key.keyType());
      proof.put("proofValue", "z" + Base58.encode(key.sign(data)));
    }
    doc.set("proof", proof);
    return doc;
  }

  static byte[] rs(BigInteger r, BigInteger s) {
    byte[] out = new byte[64];
    byte[] rb = r.toByteArray();
    byte[] sb = s.toByteArray();
    int rl = Math.min(rb.length, 32);
    int sl = Math.min(sb.length, 32);
    System.arraycopy(rb, rb.length - rl, out, 32 - rl, rl);
    System.arraycopy(sb, sb.length - sl, out, 64 - sl, sl);
    return out;
  }

  static ObjectNode withSignature(ObjectNode signed, byte[] signature) {
    ObjectNode copy = signed.deepCopy();
    ((ObjectNode) copy.get("proof")).put("proofValue", "z" + Base58.encode(signature));
    return copy;
  }

  static ProofVerificationException judge(JsonNode document) {
    return refused(() -> W3C.verifier(IssuerKeys.offline(), VerificationPolicy.defaults()).verify(document));
  }

  static ProofVerificationException refused(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(ProofVerificationException.class, call);
  }
}
