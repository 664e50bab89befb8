package io.github.insignia.openbadges.signing.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.documents.DocumentLoader;
import io.github.insignia.openbadges.documents.PinnedDocument;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import io.github.insignia.openbadges.signing.TestVectors;
import io.github.insignia.openbadges.signing.internal.Cbor;
import io.github.insignia.openbadges.signing.keys.Multikey;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationOptions;
import io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer;
import io.github.insignia.openbadges.signing.Judges;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The W3C vc-di-ecdsa {@code ecdsa-sd-2023} vectors (employment authorization and permanent
 * resident card) byte for byte: canonical and HMAC-relabeled N-Quads, hashes, the base proof with
 * the published HMAC and proof-scoped keys (RFC 6979 signatures: the whole proofValue), the disclosure data a derive produces, and the
 * published derived proof verifying.
 */
class EcdsaSd2023VectorsTest {
  static final HexFormat HEX = HexFormat.of();
  static final String CITIZENSHIP = "https://w3id.org/citizenship/v4rc1";
  static final DocumentLoader LOADER = PinnedDocuments.loader().orElse(url -> url.toString().equals(CITIZENSHIP)
      ? Optional.of(new PinnedDocument(URI.create(CITIZENSHIP), PinnedDocument.Kind.CONTEXT,
          TestVectors.text("ecdsa-sd-vectors", "citizenship-vocab", "citizenship-v4rc1.jsonld").getBytes(StandardCharsets.UTF_8)))
      : Optional.empty());
  static final DataIntegrity DI = DataIntegrity.create(
      RdfCanonicalizer.create(CanonicalizationOptions.builder().documentLoader(LOADER).build()));
  static final SelectiveDisclosure SD = SelectiveDisclosure.create(DI);

  static JsonNode vector(String... parts) {
    String[] all = new String[parts.length + 2];
    all[0] = "ecdsa-sd-vectors";
    all[1] = "vc-di-ecdsa";
    System.arraycopy(parts, 0, all, 2, parts.length);
    return TestVectors.json(all);
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * The document the example signed: its signed base without the proof. (Upstream {@code
   * prCredUnsigned.json} has another {@code description} than the document the prc values were
   * computed from; {@code employmentAuth.json} is the employ document exactly.)
   */
  static JsonNode unsigned(String example) {
    ObjectNode doc = (ObjectNode) vector("ecdsa-sd-2023", example, "addSignedSDBase.json").deepCopy();
    doc.remove("proof");
    if (example.equals("employ")) {
      assertEquals(vector("employmentAuth.json"), doc);
    }
    return doc;
  }

  static String pointers(String example, String kind) {
    return (example.equals("employ") ? "employ" : "prCred") + kind + ".json";
  }

  @ParameterizedTest
  @ValueSource(strings = {"employ", "prc"})
  void canonicalFormsAndHashes(String example) {
    JsonNode unsigned = unsigned(example);
    assertEquals(String.join("", strings(vector("ecdsa-sd-2023", example, "addBaseDocCanon.json"))), DI.canonicalDocument(unsigned));
    ObjectNode config = (ObjectNode) vector("ecdsa-sd-2023", example, "addProofConfig.json");
    assertEquals(TestVectors.text("ecdsa-sd-vectors", "vc-di-ecdsa", "ecdsa-sd-2023", example, "addProofConfigCanon.txt").strip(),
        DI.canonicalize(DataIntegrity.proofConfig(unsigned, config), Cryptosuite.ECDSA_SD_2023).strip());
    assertEquals(vector("ecdsa-sd-2023", example, "addHashData.json").get("proofHash").asText(),
        HEX.formatHex(DataIntegrity.sha256(DI.canonicalize(DataIntegrity.proofConfig(unsigned, config), Cryptosuite.ECDSA_SD_2023))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"employ", "prc"})
  void hmacRelabeledStatementsGroupsAndMandatoryHash(String example) {
    byte[] hmacKey = HEX.parseHex(vector("ecdsa-sd-2023", "SDKeyMaterial.json").get("hmacKeyString").asText().toLowerCase());
    List<String> mandatoryPointers = strings(vector(pointers(example, "Mandatory")));
    List<String> selectivePointers = strings(vector(pointers(example, "Selective")));
    List<String> combined = new ArrayList<>(mandatoryPointers);
    combined.addAll(selectivePointers);
    List<List<String>> groups = SD.groups(unsigned(example), hmacKey, List.of(mandatoryPointers, selectivePointers, combined));
    assertEquals(strings(vector("ecdsa-sd-2023", example, "addBaseDocHMACCanon.json")), groups.get(0));
    JsonNode transform = vector("ecdsa-sd-2023", example, "addBaseTransform.json");
    List<String> mandatoryIndexes = new ArrayList<>();
    StringBuilder mandatoryText = new StringBuilder();
    transform.get("mandatory").get("value").forEach(e -> {
      mandatoryIndexes.add(e.get(0).asText());
      mandatoryText.append(e.get(1).asText());
    });
    assertEquals(mandatoryIndexes, groups.get(1));
    assertEquals(vector("ecdsa-sd-2023", example, "addHashData.json").get("mandatoryHash").asText(),
        HEX.formatHex(DataIntegrity.sha256(mandatoryText.toString())));
    JsonNode indexes = vector("ecdsa-sd-2023", example, "derivedGroupIndexes.json");
    assertEquals(strings(indexes.get("mandatoryIndexes")), groups.get(1));
    assertEquals(strings(indexes.get("selectiveIndexes")), groups.get(2));
    assertEquals(strings(indexes.get("combinedIndexes")), groups.get(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"employ", "prc"})
  void verifierStatementsAreThePublishedOnes(String example) {
    assertEquals(strings(vector("ecdsa-sd-2023", example, "verifyNQuads.json")),
        SD.disclosedStatements(vector("ecdsa-sd-2023", example, "derivedRevealDocument.json")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"employ", "prc"})
  void baseProofReproducedWithThePublishedKeys(String example) {
    JsonNode keys = vector("ecdsa-sd-2023", "SDKeyMaterial.json");
    SigningKey issuer = Multikey.decodeSecret(keys.get("baseKeyPair").get("secretKeyMultibase").asText());
    SigningKey proofKey = Multikey.decodeSecret(keys.get("proofKeyPair").get("secretKeyMultibase").asText());
    byte[] hmacKey = HEX.parseHex(keys.get("hmacKeyString").asText().toLowerCase());
    JsonNode config = vector("ecdsa-sd-2023", example, "addProofConfig.json");
    JsonNode unsigned = unsigned(example);
    List<String> mandatory = strings(vector(pointers(example, "Mandatory")));
    ObjectNode mine = SD.sign(unsigned, issuer, ProofOptions.builder(config.get("verificationMethod").asText())
        .created(Instant.parse(config.get("created").asText())).build(), mandatory, hmacKey, proofKey);

    JsonNode published = vector("ecdsa-sd-2023", example, "addSignedSDBase.json");
    List<?> ours = components(mine.get("proof").get("proofValue").asText());
    List<?> theirs = components(published.get("proof").get("proofValue").asText());
    JsonNode raw = vector("ecdsa-sd-2023", example, "addRawBaseSignatureInfo.json");
    // The deterministic parts byte for byte: proof-scoped key, HMAC key, pointers, statement count.
    assertArrayEquals((byte[]) theirs.get(1), (byte[]) ours.get(1));
    assertArrayEquals(hmacKey, (byte[]) ours.get(2));
    assertEquals(theirs.get(4), ours.get(4));
    assertEquals(raw.get("signatures").size(), ((List<?>) ours.get(3)).size());
    // The published signatures are RFC 6979 deterministic, as ours: the whole base proof is
    // reproduced byte for byte, every per-statement signature and the issuer's base signature.
    assertEquals(strings(raw.get("signatures")), ((List<?>) ours.get(3)).stream().map(b -> HEX.formatHex((byte[]) b)).toList());
    assertEquals(published.get("proof").get("proofValue").asText(), mine.get("proof").get("proofValue").asText());
    assertEquals(published, mine);
    assertEquals(HEX.formatHex((byte[]) theirs.get(0)), raw.get("baseSignature").asText());
    ObjectNode withoutValue = ((ObjectNode) mine.get("proof")).deepCopy();
    withoutValue.remove("proofValue");
    ObjectNode publishedProof = ((ObjectNode) published.get("proof")).deepCopy();
    publishedProof.remove("proofValue");
    assertEquals(publishedProof, withoutValue);
    // Both base proofs verify (the holder's check), ours and the published one.
    Judges.verifyVector(DI, mine);
    assertSame(Cryptosuite.ECDSA_SD_2023, Judges.verifyVector(DI, published).proofs().get(0).cryptosuite());
  }

  @ParameterizedTest
  @ValueSource(strings = {"employ", "prc"})
  void deriveReproducesThePublishedDisclosure(String example) {
    JsonNode published = vector("ecdsa-sd-2023", example, "addSignedSDBase.json");
    ObjectNode derived = SD.derive(published, strings(vector(pointers(example, "Selective"))));
    JsonNode expected = vector("ecdsa-sd-2023", example, "derivedRevealDocument.json");
    assertEquals(expected.get("proof").get("proofValue").asText(), derived.get("proof").get("proofValue").asText());
    assertEquals(expected, derived);
    ObjectNode reveal = derived.deepCopy();
    reveal.remove("proof");
    assertEquals(vector("ecdsa-sd-2023", example, "derivedUnsignedReveal.json"), reveal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"employ", "prc"})
  void publishedDerivedProofVerifies(String example) {
    JsonNode derived = vector("ecdsa-sd-2023", example, "derivedRevealDocument.json");
    DataIntegrity.Verified verified = Judges.verifyVector(DI, derived);
    assertSame(Cryptosuite.ECDSA_SD_2023, verified.proofs().get(0).cryptosuite());
    List<?> c = components(derived.get("proof").get("proofValue").asText());
    JsonNode data = vector("ecdsa-sd-2023", example, "derivedDisclosureData.json");
    assertEquals(data.get("baseSignature").asText(), HEX.formatHex((byte[]) c.get(0)));
    assertEquals(data.get("publicKey").asText(), "z" + io.github.insignia.openbadges.signing.internal.Base58.encode((byte[]) c.get(1)));
    assertEquals(strings(data.get("signatures")), ((List<?>) c.get(2)).stream().map(b -> HEX.formatHex((byte[]) b)).toList());
    assertEquals(data.get("mandatoryIndexes").toString(), c.get(4).toString().replace(" ", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"employ", "prc"})
  void theVectorIssuerIsNotTheSigner(String example) {
    // The examples' issuer is one did:key and the proof's key another: bound through IssuerKeys, the
    // key is refused, as for every other suite.
    JsonNode derived = vector("ecdsa-sd-2023", example, "derivedRevealDocument.json");
    DataIntegrity.Verifier judge = DI.verifier(IssuerKeys.create(url -> {
      throw new AssertionError("did:key issuers need no fetch");
    }), VerificationPolicy.defaults());
    ProofVerificationException e = assertThrows(ProofVerificationException.class, () -> judge.verify(derived));
    assertEquals(ProofFailure.KEY_NOT_BOUND, e.failure());
  }

  static List<?> components(String proofValue) {
    byte[] raw = Base64.getUrlDecoder().decode(proofValue.substring(1));
    return (List<?>) Cbor.decode(raw, 3, 10_000);
  }
}
