package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.Cryptosuite;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verifiable Presentations wrapping badges (a wallet's export): the presentation is VALID only when
 * the holder's proof and every credential inside verify, and each credential has its own verdict in
 * {@code parts()}.
 */
class PresentationTest {
  static final SigningKey HOLDER = SigningKey.generate(KeyType.P256);
  static final SigningKey P384_ISSUER = SigningKey.generate(KeyType.P384);
  static final DataIntegrity DI = DataIntegrity.create();
  private final VerificationOptions options = VerificationOptions.builder().offline(true)
      .at(Instant.parse("2026-06-01T00:00:00Z")).build();

  /** A genuine badge (eddsa-rdfc-2022), an ECDSA P-384 badge, a vc+jwt badge, and a forged one. */
  static List<Object> credentials() {
    ObjectNode good = Fixtures.signDi(Fixtures.ob3(), Fixtures.ED);
    ObjectNode p384 = Fixtures.ob3();
    ((ObjectNode) p384.get("issuer")).put("id", P384_ISSUER.publicKey().didKey());
    p384 = DI.sign(p384, P384_ISSUER, ProofOptions.builder(P384_ISSUER.publicKey().didKeyVerificationMethod())
        .cryptosuite(Cryptosuite.ECDSA_RDFC_2019).created(Instant.parse("2025-01-01T00:00:00Z")).build());
    String joseCose = VcJwt.signVcJoseCose(Fixtures.ob3(), Fixtures.ED, Fixtures.ED.publicKey().didKeyVerificationMethod());
    ObjectNode forged = good.deepCopy();
    forged.put("name", "Forged");
    return List.of(good, p384, joseCose, forged);
  }

  static ObjectNode presentation(String holder, boolean enveloped) {
    ObjectNode vp = json("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiablePresentation\"]}");
    vp.put("holder", holder);
    ArrayNode vcs = vp.putArray("verifiableCredential");
    for (Object c : credentials()) {
      if (c instanceof String jwt) {
        if (enveloped) {
          vcs.add(json("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":\"EnvelopedVerifiableCredential\"}")
              .put("id", "data:application/vc+jwt," + jwt));
        } else {
          vcs.add(jwt);
        }
      } else {
        vcs.add((ObjectNode) c);
      }
    }
    return vp;
  }

  static ObjectNode signed(ObjectNode vp, SigningKey key, String challenge) {
    ProofOptions.Builder o = ProofOptions.builder(key.publicKey().didKeyVerificationMethod()).proofPurpose("authentication")
        .created(Instant.parse("2026-05-01T00:00:00Z"));
    if (challenge != null) {
      o.challenge(challenge).domain("https://platform.example");
    }
    return DI.sign(vp, key, o.build());
  }

  private VerificationReport verify(ObjectNode vp, String challenge) {
    VerificationRequest.Builder request = VerificationRequest.builder();
    if (challenge != null) {
      request.challenge(challenge).domain("https://platform.example");
    }
    return BadgeVerifier.create(options).verify(SafeJson.write(vp), request.build());
  }

  static void assertPartVerdicts(VerificationReport r) {
    assertEquals(List.of(Verdict.VALID, Verdict.VALID, Verdict.VALID, Verdict.INVALID),
        r.parts().stream().map(VerificationReport::verdict).toList(), r.toString());
    assertEquals(3, r.checks().stream().filter(c -> c.code() == CheckCode.PRESENTATION_CREDENTIAL).count());
    assertEquals(1, r.checks().stream().filter(c -> c.code() == CheckCode.PRESENTATION_CREDENTIAL_INVALID).count());
  }

  @Test
  void aWellSignedEnvelopeDoesNotMakeAForgedBadgeValid() {
    ObjectNode vp = signed(presentation(HOLDER.publicKey().didKey(), true), HOLDER, "c-42");
    VerificationReport r = verify(vp, "c-42");
    // The holder proof verifies, but one badge inside is forged: the whole is not VALID.
    assertEquals(Verdict.INVALID, r.verdict(), r.toString());
    assertEquals(CheckCode.PRESENTATION_CREDENTIAL_INVALID, r.rootCause().orElseThrow().code());
    assertEquals(DocumentKind.VERIFIABLE_PRESENTATION, r.kind().orElseThrow());
    assertTrue(r.has(CheckCode.KEY_BINDING));
    assertPartVerdicts(r);
    assertEquals(CheckCode.PROOF_INVALID, r.parts().get(3).rootCause().orElseThrow().code());
    assertTrue(r.toJson().contains("\"parts\""));
  }

  @Test
  void holderProofAndEveryCredentialGenuineIsValid() {
    ObjectNode vp = signed(withoutTheForgedOne(presentation(HOLDER.publicKey().didKey(), true)), HOLDER, "c-42");
    VerificationReport r = verify(vp, "c-42");
    assertEquals(Verdict.VALID, r.verdict(), r.toString());
    assertEquals(List.of(Verdict.VALID, Verdict.VALID, Verdict.VALID),
        r.parts().stream().map(VerificationReport::verdict).toList());
  }

  private static ObjectNode withoutTheForgedOne(ObjectNode vp) {
    ((ArrayNode) vp.get("verifiableCredential")).remove(3);
    return vp;
  }

  @Test
  void wrongChallengeOrHolderKeyMakesThePresentationInvalidButNotItsCredentials() {
    ObjectNode vp = signed(presentation(HOLDER.publicKey().didKey(), true), HOLDER, "c-42");
    VerificationReport replayed = verify(vp, "c-43");
    assertEquals(Verdict.INVALID, replayed.verdict());
    assertEquals(CheckCode.PROOF_MALFORMED, replayed.rootCause().orElseThrow().code());
    assertPartVerdicts(replayed);

    // Signed by a key other than the holder's.
    SigningKey thief = SigningKey.generate(KeyType.P256);
    VerificationReport stolen = verify(signed(presentation(HOLDER.publicKey().didKey(), true), thief, "c-42"), "c-42");
    assertEquals(Verdict.INVALID, stolen.verdict());
    assertEquals(CheckCode.KEY_NOT_BOUND_TO_ISSUER, stolen.rootCause().orElseThrow().code());
    assertPartVerdicts(stolen);

    // Naming the holder's key, signed by another.
    ObjectNode named = signed(presentation(HOLDER.publicKey().didKey(), true), thief, "c-42");
    ((ObjectNode) named.get("proof")).put("verificationMethod", HOLDER.publicKey().didKeyVerificationMethod());
    assertEquals(CheckCode.PROOF_INVALID, verify(named, "c-42").rootCause().orElseThrow().code());

    // No proof at all: the holder is not authenticated.
    assertEquals(Verdict.INVALID, verify(presentation(HOLDER.publicKey().didKey(), true), null).verdict());
  }

  @Test
  void aPresentationJwtIsRecognisedByTheOneSniffer() {
    ObjectNode vp = presentation(HOLDER.publicKey().didKey(), false);
    vp.put("nonce", "n-7");
    String jwt = Fixtures.jws(json("{\"alg\":\"ES256\",\"typ\":\"vp+jwt\"}").put("kid", HOLDER.publicKey().didKeyVerificationMethod()),
        SafeJson.write(vp).getBytes(java.nio.charset.StandardCharsets.UTF_8), HOLDER);
    VerificationReport r = BadgeVerifier.create(options).verify(jwt, VerificationRequest.builder().challenge("n-7").build());
    assertEquals(Verdict.INVALID, r.verdict(), r.toString()); // the forged badge inside
    assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.PROOF && c.outcome() == Outcome.PASS), r.toString());
    assertEquals(DocumentKind.VERIFIABLE_PRESENTATION, r.kind().orElseThrow());
    assertPartVerdicts(r);
    VerificationReport wrongNonce = BadgeVerifier.create(options).verify(jwt, VerificationRequest.builder().challenge("n-8").build());
    assertEquals(Verdict.INVALID, wrongNonce.verdict());
  }

  @Test
  void aVcJoseCoseBadgeVerifiesOnItsOwn() {
    String token = VcJwt.signVcJoseCose(Fixtures.ob3(), Fixtures.ED, Fixtures.ED.publicKey().didKeyVerificationMethod());
    VerificationReport r = BadgeVerifier.create(options).verify(token);
    assertEquals(Verdict.VALID, r.verdict(), r.toString());
    assertEquals(DocumentKind.CREDENTIAL, r.kind().orElseThrow());
    // The OB 3.0 VC-JWT (vc claim form) relabelled vc+jwt: typ confusion, INVALID.
    ObjectNode header = json("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\"}").put("kid", Fixtures.ED.publicKey().didKeyVerificationMethod());
    ObjectNode v1 = Fixtures.ob3();
    ObjectNode payload = json("{}");
    payload.put("iss", Fixtures.ED.publicKey().didKey());
    v1.set("@context", json("{\"a\":[\"https://www.w3.org/2018/credentials/v1\", \"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]}").get("a"));
    payload.set("vc", v1);
    String confused = Fixtures.jws(header, SafeJson.write(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8), Fixtures.ED);
    assertEquals(Verdict.INVALID, BadgeVerifier.create(options).verify(confused).verdict());
  }

  /**
   * VC 1.1 style: a bare JWT string under verifiableCredential of a Data Integrity presentation is no
   * part of the signed graph (a relative IRI to JSON-LD), so the holder's proof cannot cover it: a
   * typed INVALID before any canonicalization, while the JWT itself is still verified as a part.
   */
  @Test
  void aBareJwtInADataIntegrityPresentationIsATypedRefusalNotACanonicalizationError() {
    ObjectNode vp = signed(withoutTheForgedOne(presentation(HOLDER.publicKey().didKey(), true)), HOLDER, "c-42");
    String jwt = vp.get("verifiableCredential").get(2).get("id").asText().substring("data:application/vc+jwt,".length());
    ((ArrayNode) vp.get("verifiableCredential")).set(2, SafeJson.nodeFactory().textNode(jwt));
    VerificationReport r = verify(vp, "c-42");
    assertEquals(Verdict.INVALID, r.verdict(), r.toString());
    String json = r.toJson();
    assertTrue(json.contains("bare string"), json);
    assertTrue(!json.toLowerCase(java.util.Locale.ROOT).contains("canonicaliz"), json);
    assertEquals(List.of(Verdict.VALID, Verdict.VALID, Verdict.VALID),
        r.parts().stream().map(VerificationReport::verdict).toList(), r.toString());
  }

  /** Hostile envelopes: another media type, a nested envelope, an unsupported format, a size beyond the limits. */
  @Test
  void hostileEnvelopesAreTypedVerdictsOfTheirOwn() {
    String jwt = (String) credentials().get(2);
    String[][] cases = {
        {"data:application/json;base64," + java.util.Base64.getEncoder().encodeToString(
            SafeJson.write(Fixtures.signDi(Fixtures.ob3(), Fixtures.ED)).getBytes(StandardCharsets.UTF_8)), "INVALID"},
        {"data:text/plain," + jwt, "INVALID"},
        {"data:application/vc+jwt,data:application/vc+jwt," + jwt, "INVALID"},
        {"data:application/vc+jwt,https://evil.example/badge.jwt", "INVALID"},
        {"https://evil.example/badge.jwt", "INVALID"},
        {"data:application/vc+sd-jwt," + jwt + "~", "INDETERMINATE"},
        {"data:application/vc+jwt,eyJ" + "A".repeat(200_000) + ".e30.AA", "INVALID"}};
    for (String[] c : cases) {
      ObjectNode vp = withoutTheForgedOne(presentation(HOLDER.publicKey().didKey(), true));
      ((ObjectNode) vp.get("verifiableCredential").get(2)).put("id", c[0]);
      VerificationReport r = verify(signed(vp, HOLDER, "c-42"), "c-42");
      String label = c[0].substring(0, Math.min(60, c[0].length()));
      assertEquals(Verdict.valueOf(c[1]), r.verdict(), label + " " + r.toJson());
      assertEquals(CheckCode.PRESENTATION_CREDENTIAL_INVALID, r.rootCause().orElseThrow().code(), label + " " + r.toJson());
      // The holder's proof and the genuine credentials still verify: only the envelope is refused.
      assertTrue(r.checks().stream().anyMatch(x -> x.code() == CheckCode.PROOF && x.outcome() == Outcome.PASS), label);
      assertEquals(2, r.checks().stream().filter(x -> x.code() == CheckCode.PRESENTATION_CREDENTIAL).count(), label);
    }
    // A presentation larger than the verifier's limits is refused as a whole, typed, without reading it.
    ObjectNode big = withoutTheForgedOne(presentation(HOLDER.publicKey().didKey(), true));
    ((ObjectNode) big.get("verifiableCredential").get(2)).put("id", "data:application/vc+jwt," + jwt + "A".repeat(100_000));
    VerificationOptions small = VerificationOptions.builder().offline(true).at(Instant.parse("2026-06-01T00:00:00Z"))
        .jsonLimits(io.github.insignia.openbadges.json.JsonLimits.builder().maxDocumentBytes(64 * 1024).build()).build();
    VerificationReport tooBig = BadgeVerifier.create(small).verify(SafeJson.write(big));
    assertEquals(Verdict.INVALID, tooBig.verdict(), tooBig.toJson());
    assertTrue(tooBig.rootCause().isPresent());
  }

  /** A did:web holder: its key must be listed under {@code authentication}; the document comes through the resources map. */
  @Test
  void aDidWebHolderAuthenticatesOnlyWithAnAuthenticationKey() {
    String did = "did:web:wallet.example:alice";
    String vm = did + "#key-1";
    ObjectNode vp = DI.sign(withoutTheForgedOne(presentation(did, true)), HOLDER, ProofOptions.builder(vm)
        .proofPurpose("authentication").created(Instant.parse("2026-05-01T00:00:00Z")).challenge("c-42").build());
    VerificationReport valid = verifyWith(vp, didDocument(did, vm, "authentication"));
    assertEquals(Verdict.VALID, valid.verdict(), valid.toString());
    // The same key listed only under assertionMethod issues for the DID but does not authenticate it.
    VerificationReport assertion = verifyWith(vp, didDocument(did, vm, "assertionMethod"));
    assertEquals(Verdict.INVALID, assertion.verdict(), assertion.toString());
    assertEquals(CheckCode.KEY_NOT_BOUND_TO_ISSUER, assertion.rootCause().orElseThrow().code());
    // Offline, no document: cannot tell.
    VerificationReport unknown = verifyWith(vp, null);
    assertEquals(Verdict.INDETERMINATE, unknown.verdict(), unknown.toString());
    assertEquals(CheckCode.ISSUER_KEYS_UNAVAILABLE, unknown.rootCause().orElseThrow().code());
  }

  private static String didDocument(String did, String vm, String member) {
    ObjectNode doc = json("{\"@context\":[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/multikey/v1\"]}");
    doc.put("id", did);
    doc.putArray("verificationMethod").add(KeyDocuments.multikeyDocument(vm, did, HOLDER.publicKey()));
    doc.putArray(member).add(vm);
    return SafeJson.write(doc);
  }

  private VerificationReport verifyWith(ObjectNode vp, String didDocument) {
    String did = vp.get("holder").asText();
    PreloadedResources.Builder map = PreloadedResources.builder();
    if (didDocument != null) {
      map.put(KeyDocuments.didWebDocumentUrl(did).toString(), "application/did+json", didDocument.getBytes(StandardCharsets.UTF_8));
    }
    return BadgeVerifier.create(options.toBuilder().resources(map.build()).build())
        .verify(SafeJson.write(vp), VerificationRequest.builder().challenge("c-42").build());
  }
}
