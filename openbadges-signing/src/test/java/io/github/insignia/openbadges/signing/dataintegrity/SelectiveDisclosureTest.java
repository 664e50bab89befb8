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
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.internal.Cbor;
import io.github.insignia.openbadges.signing.internal.Crypto;
import io.github.insignia.openbadges.signing.internal.NQuadLines;
import io.github.insignia.openbadges.signing.keys.Multikey;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.Provenance;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * ecdsa-sd-2023 end to end through the judge (issuer signs a base proof, holder derives, verifier
 * checks with the issuer-bound key; fresh keys each run), and every forgery the holder or a thief of
 * the derived document could try.
 */
class SelectiveDisclosureTest {
  static final SigningKey ISSUER_KEY = SigningKey.generate(KeyType.P256);
  static final SigningKey FORGER = SigningKey.generate(KeyType.P256);
  static final String ISSUER = ISSUER_KEY.publicKey().didKey();
  static final SelectiveDisclosure SD = SelectiveDisclosure.create();
  static final DataIntegrity.Verifier JUDGE = DataIntegrity.create().verifier(IssuerKeys.offline(), VerificationPolicy.defaults());
  static final List<String> MANDATORY = List.of("/issuer", "/validFrom", "/credentialSubject/achievement/id");

  static ObjectNode credential() {
    return (ObjectNode) SafeJson.read("""
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "urn:uuid:2f1c6f1e-6a3b-4a4e-9c37-0d5f4f7c9a10", "type": ["VerifiableCredential", "OpenBadgeCredential"],
         "name": "Robotics", "issuer": {"id": "%s", "type": ["Profile"], "name": "Example Academy"},
         "validFrom": "2025-01-01T00:00:00Z",
         "credentialSubject": {"type": ["AchievementSubject"],
           "achievement": {"id": "https://example.org/achievements/robotics", "type": ["Achievement"],
             "name": "Robotics", "description": "Builds robots.", "criteria": {"narrative": "Build one."}}}}
        """.formatted(ISSUER));
  }

  static ObjectNode base(SigningKey key) {
    return SD.sign(credential(), key, ProofOptions.builder(ISSUER_KEY.publicKey().didKeyVerificationMethod())
        .created(Instant.parse("2025-01-01T00:00:00Z")).build(), MANDATORY);
  }

  static final ObjectNode BASE = base(ISSUER_KEY);
  static final ObjectNode DERIVED = SD.derive(BASE, List.of("/name", "/credentialSubject/achievement/name"));

  static ProofFailure failure(JsonNode document) {
    return assertThrows(ProofVerificationException.class, () -> JUDGE.verify(document)).failure();
  }

  static void assertRefused(JsonNode document, ProofFailure failure, SigningErrorCode code) {
    ProofVerificationException e = refused(document);
    assertEquals(failure, e.failure(), e::getMessage);
    assertSame(code, e.errorCode(), e::getMessage);
  }

  static ProofVerificationException refused(JsonNode document) {
    return assertThrows(ProofVerificationException.class, () -> JUDGE.verify(document));
  }

  /** A copy of the derived document whose proofValue components were changed by {@code edit}. */
  static ObjectNode editedProofValue(JsonNode document, Consumer<List<Object>> edit) {
    ObjectNode copy = document.deepCopy();
    String value = copy.get("proof").get("proofValue").asText();
    byte[] raw = Base64.getUrlDecoder().decode(value.substring(1));
    List<Object> components = new ArrayList<>((List<?>) Cbor.decode(raw, 3, 100_000));
    edit.accept(components);
    byte[] body = Cbor.encode(components);
    byte[] out = new byte[3 + body.length];
    System.arraycopy(raw, 0, out, 0, 3);
    System.arraycopy(body, 0, out, 3, body.length);
    ((ObjectNode) copy.get("proof")).put("proofValue", "u" + Crypto.b64u(out));
    return copy;
  }

  @Test
  void derivedProofWithASubsetVerifiesThroughTheJudge() {
    DataIntegrity.Verified verified = JUDGE.verify(DERIVED);
    assertSame(Cryptosuite.ECDSA_SD_2023, verified.proofs().get(0).cryptosuite());
    assertEquals(Provenance.DID_KEY, verified.proofs().get(0).boundKey().orElseThrow().provenance());
    JsonNode achievement = DERIVED.get("credentialSubject").get("achievement");
    assertEquals("Robotics", achievement.get("name").asText());
    assertFalse(achievement.has("description"), "undisclosed claims are not in the disclosure");
    assertFalse(achievement.has("criteria"));
    assertFalse(DERIVED.get("issuer").isMissingNode());
  }

  @Test
  void baseProofVerifiesAsIs() {
    assertSame(Cryptosuite.ECDSA_SD_2023, JUDGE.verify(BASE).proofs().get(0).cryptosuite());
  }

  @Test
  void deriveWithNothingOrEverythingSelective() {
    JUDGE.verify(SD.derive(BASE, List.of()));
    ObjectNode all = SD.derive(BASE, List.of("/credentialSubject", "/name", "/id", "/type"));
    JUDGE.verify(all);
    ObjectNode withoutProof = all.deepCopy();
    withoutProof.remove("proof");
    assertEquals(credential(), withoutProof);
  }

  @Test
  void tamperedDisclosedClaimIsAnInvalidStatement() {
    ObjectNode forged = DERIVED.deepCopy();
    ((ObjectNode) forged.get("credentialSubject").get("achievement")).put("name", "Rocket science");
    assertRefused(forged, ProofFailure.DISCLOSED_STATEMENT_INVALID, SigningErrorCode.SD_STATEMENT_SIGNATURE_INVALID);
  }

  @Test
  void tamperedMandatoryClaimBreaksTheBaseSignature() {
    ObjectNode forged = DERIVED.deepCopy();
    forged.put("validFrom", "2020-01-01T00:00:00Z");
    assertRefused(forged, ProofFailure.SIGNATURE_INVALID, SigningErrorCode.SD_BASE_SIGNATURE_INVALID);
  }

  @Test
  void droppedMandatoryClaimIsRefused() {
    ObjectNode forged = DERIVED.deepCopy();
    forged.remove("validFrom");
    // One statement fewer: the proof's mandatory indexes now point past or at the wrong statements.
    ProofFailure f = failure(forged);
    assertTrue(f == ProofFailure.DISCLOSURE_MISMATCH || f == ProofFailure.SIGNATURE_INVALID, f.toString());
    // Dropping it from the proof as well (one index fewer) leaves the base signature unmatched.
    ObjectNode alsoIndexes = editedProofValue(forged, c -> {
      List<Object> indexes = new ArrayList<>((List<?>) c.get(4));
      indexes.remove(indexes.size() - 1);
      c.set(4, indexes);
    });
    assertEquals(ProofFailure.SIGNATURE_INVALID, failure(alsoIndexes));
  }

  @Test
  void reorderedSignaturesAreRefused() {
    ObjectNode forged = editedProofValue(DERIVED, c -> {
      List<Object> signatures = new ArrayList<>((List<?>) c.get(2));
      assertTrue(signatures.size() >= 2);
      signatures.add(0, signatures.remove(1));
      c.set(2, signatures);
    });
    assertEquals(ProofFailure.DISCLOSED_STATEMENT_INVALID, failure(forged));
  }

  @Test
  void swappedProofScopedKeyBreaksTheBaseSignature() {
    // The forger signs altered statements with its own proof-scoped key: every statement verifies
    // with it, but the issuer's base signature covers the original key.
    ObjectNode altered = DERIVED.deepCopy();
    ((ObjectNode) altered.get("credentialSubject").get("achievement")).put("name", "Rocket science");
    SigningKey mine = SigningKey.generate(KeyType.P256);
    List<String> statements = nonMandatoryStatements(altered);
    ObjectNode forged = editedProofValue(altered, c -> {
      c.set(1, Multikey.decodeMultibase(mine.publicKey().publicKeyMultibase()));
      List<Object> signatures = new ArrayList<>();
      statements.forEach(s -> signatures.add(mine.sign(s.getBytes(StandardCharsets.UTF_8))));
      c.set(2, signatures);
    });
    assertRefused(forged, ProofFailure.SIGNATURE_INVALID, SigningErrorCode.SD_BASE_SIGNATURE_INVALID);
  }

  @Test
  void claimsNotDisclosedCannotBeAddedBack() {
    ObjectNode forged = DERIVED.deepCopy();
    ((ObjectNode) forged.get("credentialSubject").get("achievement")).put("description", "Builds robots.");
    assertRefused(forged, ProofFailure.DISCLOSURE_MISMATCH, SigningErrorCode.SD_SIGNATURE_COUNT_MISMATCH);
  }

  @Test
  void labelMapMustNameEveryBlankNode() {
    ObjectNode forged = editedProofValue(DERIVED, c -> c.set(3, new LinkedHashMap<>()));
    assertRefused(forged, ProofFailure.DISCLOSURE_MISMATCH, SigningErrorCode.SD_LABEL_MAP_INVALID);
  }

  @Test
  void labelMapMustBeOneToOne() {
    ObjectNode twoNodes = SD.derive(BASE, List.of("/credentialSubject/achievement/criteria/narrative"));
    ObjectNode forged = editedProofValue(twoNodes, c -> {
      Map<Object, Object> labels = new LinkedHashMap<>((Map<?, ?>) c.get(3));
      assertTrue(labels.size() >= 2, labels.toString());
      Object first = labels.values().iterator().next();
      labels.replaceAll((k, v) -> first);
      c.set(3, labels);
    });
    assertRefused(forged, ProofFailure.DISCLOSURE_MISMATCH, SigningErrorCode.SD_LABEL_MAP_INVALID);
  }

  @Test
  void mandatoryIndexesOutOfRangeOrOrder() {
    assertSame(SigningErrorCode.SD_MANDATORY_INDEXES_INVALID,
        refused(editedProofValue(DERIVED, c -> c.set(4, List.of(0L, 10_000L)))).errorCode());
    assertSame(SigningErrorCode.SD_MANDATORY_INDEXES_INVALID,
        refused(editedProofValue(DERIVED, c -> c.set(4, List.of(1L, 1L)))).errorCode());
  }

  @Test
  void aKeyNotTheIssuersIsNotBound() {
    ObjectNode forgedBase = SD.sign(credential(), FORGER, ProofOptions.builder(FORGER.publicKey().didKeyVerificationMethod())
        .created(Instant.parse("2025-01-01T00:00:00Z")).build(), MANDATORY);
    assertEquals(ProofFailure.KEY_NOT_BOUND, failure(SD.derive(forgedBase, List.of("/name"))));
    // Naming the issuer's key while signing with another: the bound key does not verify the base.
    assertEquals(ProofFailure.SIGNATURE_INVALID, failure(SD.derive(base(FORGER), List.of("/name"))));
  }

  @Test
  void hostileProofValuesAreMalformed() {
    Random random = new Random(20231);
    List<String> values = new ArrayList<>(List.of("zabc", "u", "u!!!", "uAAAA", "u" + Crypto.b64u(new byte[] {(byte) 0xd9, 0x5d, 0x02, (byte) 0x80}),
        "u" + Crypto.b64u(new byte[] {(byte) 0xd9, 0x5d, 0x01, (byte) 0x9b, 0x7f, -1, -1, -1, -1, -1, -1, -1}),
        "u" + Crypto.b64u(new byte[] {(byte) 0xd9, 0x5d, 0x01, (byte) 0x9f}),
        "u" + Crypto.b64u(new byte[] {(byte) 0xd9, 0x5d, 0x01, (byte) 0x85, 0x5b, 0x7f, -1, -1, -1, -1, -1, -1, -1})));
    byte[] genuine = Base64.getUrlDecoder().decode(DERIVED.get("proof").get("proofValue").asText().substring(1));
    for (int i = 0; i < 300; i++) {
      byte[] mutated = genuine.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        mutated[3 + random.nextInt(mutated.length - 3)] ^= (byte) (1 << random.nextInt(8));
      }
      values.add("u" + Crypto.b64u(random.nextBoolean() ? mutated : java.util.Arrays.copyOf(mutated, random.nextInt(mutated.length))));
    }
    for (String value : values) {
      ObjectNode forged = DERIVED.deepCopy();
      ((ObjectNode) forged.get("proof")).put("proofValue", value);
      ProofVerificationException e = refused(forged);
      assertTrue(e.failure() == ProofFailure.MALFORMED || e.failure() == ProofFailure.DISCLOSURE_MISMATCH
          || e.failure() == ProofFailure.SIGNATURE_INVALID || e.failure() == ProofFailure.DISCLOSED_STATEMENT_INVALID,
          e.failure() + " for " + value);
    }
    ObjectNode huge = DERIVED.deepCopy();
    ((ObjectNode) huge.get("proof")).put("proofValue", "u" + "A".repeat(SelectiveDisclosure.MAX_PROOF_VALUE_CHARS));
    assertSame(SigningErrorCode.SD_PROOF_VALUE_TOO_LARGE, refused(huge).errorCode());
  }

  @Test
  void signAndDeriveRefuseWhatTheyCannotDo() {
    ProofOptions options = ProofOptions.builder(ISSUER_KEY.publicKey().didKeyVerificationMethod()).build();
    ConfigurationException wrongKey = assertThrows(ConfigurationException.class,
        () -> SD.sign(credential(), SigningKey.generate(KeyType.ED25519), options, MANDATORY));
    assertSame(SigningErrorCode.SD_KEY_TYPE_UNSUPPORTED, wrongKey.errorCode());
    InvalidInputException nothing = assertThrows(InvalidInputException.class,
        () -> SD.sign(credential(), ISSUER_KEY, options, List.of("/nope")));
    assertSame(SigningErrorCode.SD_POINTER_INVALID, nothing.errorCode());
    assertSame(SigningErrorCode.SD_POINTER_INVALID, assertThrows(InvalidInputException.class,
        () -> SD.derive(BASE, List.of("name"))).errorCode());
    assertSame(SigningErrorCode.SD_BASE_PROOF_REQUIRED, assertThrows(InvalidInputException.class,
        () -> SD.derive(DERIVED, List.of("/name"))).errorCode());
    assertSame(SigningErrorCode.SD_BASE_PROOF_REQUIRED, assertThrows(InvalidInputException.class,
        () -> SD.derive(credential(), List.of("/name"))).errorCode());
    assertSame(SigningErrorCode.SD_DOCUMENT_UNSUPPORTED, assertThrows(InvalidInputException.class,
        () -> SD.sign(BASE, ISSUER_KEY, options, MANDATORY)).errorCode());
  }

  /** The non-mandatory statements of a derived document as the verifier will see them (test oracle). */
  static List<String> nonMandatoryStatements(JsonNode derived) {
    byte[] raw = Base64.getUrlDecoder().decode(derived.get("proof").get("proofValue").asText().substring(1));
    List<?> c = (List<?>) Cbor.decode(raw, 3, 100_000);
    Map<?, ?> labels = (Map<?, ?>) c.get(3);
    ObjectNode unsecured = derived.deepCopy();
    unsecured.remove("proof");
    List<String> out = new ArrayList<>();
    for (String line : NQuadLines.split(DataIntegrity.create().canonicalDocument(unsecured))) {
      out.add(NQuadLines.rewrite(line,
          b -> "_:u" + Crypto.b64u((byte[]) labels.get(Long.parseLong(b.substring(4)))), iri -> "<" + iri + ">"));
    }
    out.sort(null);
    List<?> mandatory = (List<?>) c.get(4);
    List<String> non = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      if (!mandatory.contains((long) i)) {
        non.add(out.get(i));
      }
    }
    return non;
  }
}
