package io.github.insignia.openbadges.signing.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.documents.DocumentLoader;
import io.github.insignia.openbadges.documents.PinnedDocument;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import io.github.insignia.openbadges.signing.TestVectors;
import io.github.insignia.openbadges.signing.Judges;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.internal.Base58;
import io.github.insignia.openbadges.signing.keys.DidKey;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationOptions;
import io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OB 3.0 specification vector byte for byte, and every W3C vc-di-eddsa vector that can run offline. */
class DataIntegrityVectorsTest {
  static final String OB3 = "ob-spec-obv3p0";
  static final HexFormat HEX = HexFormat.of();

  /** The VC examples context (a single @vocab), which the W3C vectors use and Insignia does not pin. */
  static final DocumentLoader WITH_EXAMPLES = PinnedDocuments.loader().orElse(url ->
      url.toString().equals("https://www.w3.org/ns/credentials/examples/v2")
          ? Optional.of(new PinnedDocument(URI.create("https://www.w3.org/ns/credentials/examples/v2"),
              PinnedDocument.Kind.CONTEXT,
              "{\"@context\":{\"@vocab\":\"https://www.w3.org/ns/credentials/examples#\"}}".getBytes(StandardCharsets.UTF_8)))
          : Optional.empty());

  static final DataIntegrity W3C = DataIntegrity.create(
      RdfCanonicalizer.create(CanonicalizationOptions.builder().documentLoader(WITH_EXAMPLES).build()));

  static String ob3(String file) {
    return TestVectors.text("eddsa-vectors", OB3, file);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void ob3SpecVectorByteForByte(boolean fastPath) throws Exception {
    DataIntegrity di = DataIntegrity.create(RdfCanonicalizer.create(CanonicalizationOptions.builder().fastPath(fastPath).build()));
    JsonNode unsigned = TestVectors.json("eddsa-vectors", OB3, "credential-unsigned.json");
    JsonNode keypair = TestVectors.json("eddsa-vectors", OB3, "keypair.json");
    JsonNode expected = TestVectors.json("eddsa-vectors", OB3, "expected-values.json");
    ObjectNode proof = (ObjectNode) TestVectors.json("eddsa-vectors", OB3, "proof.json");
    SigningKey key = Keys.privateKeyFromMultikey(keypair);

    assertEquals(ob3("document-canon.txt"), di.canonicalDocument(unsigned));
    ObjectNode config = proof.deepCopy();
    config.remove("proofValue");
    assertEquals(ob3("proof-canon.txt"), di.canonicalProofConfig(unsigned, config));
    assertEquals(expected.get("Document hash (hex)").asText(), HEX.formatHex(sha256(ob3("document-canon.txt"))));
    byte[] hashData = di.hashData(unsigned, config, List.of());
    assertEquals(expected.get("Data to sign (hex)").asText(), HEX.formatHex(hashData));
    assertEquals(expected.get("Proof hash (hex)").asText(), HEX.formatHex(hashData, 0, 32));
    assertEquals(expected.get("Signature (hex)").asText(), HEX.formatHex(key.sign(hashData)));

    ProofOptions options = ProofOptions.builder(keypair.get("id").asText())
        .created(Instant.parse("2010-01-01T19:23:24Z")).build();
    ObjectNode signed = di.sign(unsigned, key, options);
    assertEquals(expected.get("Proof value (hex)").asText(), signed.get("proof").get("proofValue").asText());
    assertEquals(TestVectors.json("eddsa-vectors", OB3, "credential-signed.json"), signed);
    assertEquals(proof, signed.get("proof"));
    // Same field order as the published proof.
    assertEquals(List.of("type", "created", "verificationMethod", "cryptosuite", "proofPurpose", "proofValue"),
        iterate(signed.get("proof").fieldNames()));

    // The vector's key is written <issuer>#z6Mk…: it counts once the issuer is known to use it (here
    // the host trusts it for the issuer, as a profile listing it would make it bound).
    DataIntegrity.Verifier judge = di.verifier(Judges.offline(), Judges.trusting(Judges.issuerId(signed), key.publicKey()));
    DataIntegrity.Verified verified = judge.verify(signed);
    assertEquals(Cryptosuite.EDDSA_RDFC_2022, verified.proofs().get(0).cryptosuite());
    assertTrue(verified.warnings().isEmpty());
    judge.verify(TestVectors.json("eddsa-vectors", OB3, "credential-signed.json"));
    assertEquals(ProofFailure.ISSUER_KEYS_UNAVAILABLE, assertThrows(ProofVerificationException.class,
        () -> Judges.dataIntegrity(di).verify(signed)).failure());
  }

  @Test
  void w3cEddsaRdfc2022ReproducedAndVerified() throws Exception {
    String dir = "eddsa-rdfc-2022";
    JsonNode unsigned = TestVectors.json("eddsa-vectors", "vc-di-eddsa", "unsigned.json");
    SigningKey key = Keys.parsePrivateKey(TestVectors.text("eddsa-vectors", "vc-di-eddsa", "keyPair.json"));
    ObjectNode config = (ObjectNode) TestVectors.json("eddsa-vectors", "vc-di-eddsa", dir, "proofConfigDataInt.json");
    assertEquals(w3c(dir, "canonDocDataInt.txt"), W3C.canonicalDocument(unsigned));
    assertEquals(w3c(dir, "proofCanonDataInt.txt"), W3C.canonicalProofConfig(unsigned, config));
    byte[] hashData = W3C.hashData(unsigned, config, List.of());
    assertEquals(w3c(dir, "combinedHashDataInt.txt").strip(), HEX.formatHex(hashData));
    assertEquals(w3c(dir, "sigBTC58DataInt.txt").strip(), "z" + Base58.encode(key.sign(hashData)));
    ProofOptions options = ProofOptions.builder(config.get("verificationMethod").asText())
        .created(Instant.parse(config.get("created").asText())).build();
    ObjectNode signed = W3C.sign(unsigned, key, options);
    assertEquals(TestVectors.json("eddsa-vectors", "vc-di-eddsa", dir, "signedDataInt.json"), signed);
    Judges.verifyVector(W3C, TestVectors.json("eddsa-vectors", "vc-di-eddsa", dir, "signedDataInt.json"));
  }

  @Test
  void w3cEd25519Signature2020VerifiesWithAWarning() throws Exception {
    String dir = "Ed25519Signature2020";
    JsonNode signed = TestVectors.json("eddsa-vectors", "vc-di-eddsa", dir, "signedEdSig.json");
    DataIntegrity.Verified verified = Judges.verifyVector(W3C, signed);
    assertEquals(Cryptosuite.ED25519_SIGNATURE_2020, verified.proofs().get(0).cryptosuite());
    assertEquals("LEGACY_PROOF_TYPE", verified.warnings().get(0).code());
    JsonNode config = TestVectors.json("eddsa-vectors", "vc-di-eddsa", dir, "proofConfigEdSig.json");
    assertEquals(w3c(dir, "canonDocEdSig.txt"), W3C.canonicalDocument(signed));
    assertEquals(w3c(dir, "proofCanonEdSig.txt"), W3C.canonicalProofConfig(signed, config));
  }

  @ParameterizedTest
  @ValueSource(strings = {"signedProofSet1.json", "signedProofSet2.json", "signedProofChain1.json", "signedProofChain2.json"})
  void w3cProofSetsAndChains(String file) {
    JsonNode signed = TestVectors.json("eddsa-vectors", "vc-di-eddsa", "proof-set-chain", file);
    DataIntegrity.Verified verified = Judges.verifyVector(W3C, signed);
    assertEquals(signed.get("proof").isArray() ? signed.get("proof").size() : 1, verified.proofs().size());
  }

  @Test
  void w3cEmploymentVectorSignatureOverPublishedCanonicalForms() throws Exception {
    // The citizenship v4rc1 context is not available offline: check hashes and signature over the
    // published canonical forms, which the canonicalization tests cover separately.
    String dir = "eddsa-rdfc-2022/employ";
    byte[] hashData = new byte[64];
    System.arraycopy(sha256(w3c(dir, "proofCanonDataInt.txt")), 0, hashData, 0, 32);
    System.arraycopy(sha256(w3c(dir, "canonDocDataInt.txt")), 0, hashData, 32, 32);
    assertEquals(w3c(dir, "combinedHashDataInt.txt").strip(), HEX.formatHex(hashData));
    JsonNode signed = TestVectors.json("eddsa-vectors", "vc-di-eddsa", dir, "signedDataInt.json");
    String vm = signed.get("proof").get("verificationMethod").asText();
    DidKey.parse(vm).verify(hashData, Base58.decode(w3c(dir, "sigBTC58DataInt.txt").strip().substring(1)));
  }

  @Test
  void w3cEddsaJcs2022ReproducedAndVerified() throws Exception {
    String dir = "eddsa-jcs-2022";
    JsonNode unsigned = TestVectors.json("eddsa-vectors", "vc-di-eddsa", "unsigned.json");
    SigningKey key = Keys.parsePrivateKey(TestVectors.text("eddsa-vectors", "vc-di-eddsa", "keyPair.json"));
    ObjectNode config = (ObjectNode) TestVectors.json("eddsa-vectors", "vc-di-eddsa", dir, "proofConfigJCS.json");
    assertEquals(w3c(dir, "canonDocJCS.txt"), io.github.insignia.openbadges.signing.internal.Jcs.canonicalize(unsigned));
    byte[] hashData = W3C.hashData(unsigned, config, List.of(), Cryptosuite.EDDSA_JCS_2022);
    assertEquals(w3c(dir, "combinedHashJCS.txt").strip(), HEX.formatHex(hashData));
    assertEquals(w3c(dir, "sigBTC58JCS.txt").strip(), "z" + Base58.encode(key.sign(hashData)));
    JsonNode signed = TestVectors.json("eddsa-vectors", "vc-di-eddsa", dir, "signedJCS.json");
    assertEquals(Cryptosuite.EDDSA_JCS_2022, Judges.verifyVector(W3C, signed).proofs().get(0).cryptosuite());
    ObjectNode mine = W3C.sign(unsigned, key, ProofOptions.builder(config.get("verificationMethod").asText())
        .created(Instant.parse("2023-02-24T23:36:38Z")).cryptosuite(Cryptosuite.EDDSA_JCS_2022).build());
    assertEquals(signed.get("proof").get("proofValue"), mine.get("proof").get("proofValue"));
    Judges.verifyVector(W3C, mine);
  }

  @Test
  void jcsNumbersFollowEcmaScript() {
    String[][] cases = {{"1e21", "1e+21"}, {"1e-7", "1e-7"}, {"333333333.3333333", "333333333.3333333"},
        {"0.000001", "0.000001"}, {"4.50", "4.5"}, {"2e-3", "0.002"}, {"1E30", "1e+30"}, {"-0", "0"},
        {"5e-324", "5e-324"}, {"1.7976931348623157e308", "1.7976931348623157e+308"},
        {"9007199254740992", "9007199254740992"}, {"295147905179352830000", "295147905179352830000"},
        {"-1.5", "-1.5"}, {"100", "100"}, {"123e-20", "1.23e-18"}};
    for (String[] c : cases) {
      assertEquals(c[1], io.github.insignia.openbadges.signing.internal.Jcs.canonicalize(
          io.github.insignia.openbadges.json.SafeJson.read("[" + c[0] + "]")).replaceAll("^\\[|\\]$", ""), c[0]);
    }
    assertEquals("{\"a\":[1,true,null],\"b\":\"\\u0001\\n\\\"\",\"\u00e9\":\"\u20ac\"}",
        io.github.insignia.openbadges.signing.internal.Jcs.canonicalize(io.github.insignia.openbadges.json.SafeJson.read(
            "{\"\u00e9\":\"\u20ac\",\"b\":\"\\u0001\\n\\\"\",\"a\":[1,true,null]}")));
  }

  static String w3c(String dir, String file) {
    return TestVectors.text("eddsa-vectors", "vc-di-eddsa", dir, file);
  }

  static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> iterate(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
