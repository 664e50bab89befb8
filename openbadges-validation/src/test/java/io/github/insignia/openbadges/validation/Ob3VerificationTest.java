package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Fixtures.ED;
import static io.github.insignia.openbadges.validation.Fixtures.OTHER_ED;
import static io.github.insignia.openbadges.validation.Fixtures.json;
import static io.github.insignia.openbadges.validation.Fixtures.ob3;
import static io.github.insignia.openbadges.validation.Fixtures.signDi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.baking.BadgePayload;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import io.github.insignia.openbadges.testvectors.TestVectors;

class Ob3VerificationTest {
  static final VerificationOptions OFFLINE = VerificationOptions.builder()
      .offline(true).at(Instant.parse("2026-06-01T00:00:00Z")).build();
  static final BadgeVerifier VERIFIER = BadgeVerifier.create(OFFLINE);

  static Path vector(String first, String... more) {
    return TestVectors.path(first, more);
  }

  static CheckCode rootCause(VerificationReport r) {
    return r.rootCause().map(Check::code).orElse(null);
  }

  static Outcome outcome(VerificationReport r, CheckCode code) {
    return r.find(code).map(Check::outcome).orElse(null);
  }

  @Test
  void specVectorVerifiesWithItsIssuersProfile() throws Exception {
    // The vector's https issuer must list its key: offline (no profile) it is INDETERMINATE, see above.
    String issuer = "https://example.edu/issuers/565049";
    PreloadedResources profile = PreloadedResources.builder().put(issuer, "application/json",
        ("{\"id\":\"" + issuer + "\",\"type\":\"Profile\",\"verificationMethod\":[{\"id\":\"" + issuer
            + "#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi\",\"type\":\"Multikey\"}]}").getBytes(StandardCharsets.UTF_8)).build();
    VerificationReport r = BadgeVerifier.create(OFFLINE.toBuilder().resources(profile).build())
        .verify(Files.readString(vector("eddsa-vectors", "ob-spec-obv3p0", "credential-signed.json")));
    assertTrue(r.valid(), r::toJson);
    assertEquals("3.0", r.version().orElseThrow());
    assertEquals(InputKind.JSON, r.input());
    assertEquals(Outcome.PASS, outcome(r, CheckCode.PROOF));
  }

  @Test
  void selfDescribingKeyIsConfirmedByTheIssuersDocumentWhenAvailable() throws Exception {
    String vector = Files.readString(vector("eddsa-vectors", "ob-spec-obv3p0", "credential-signed.json"));
    // The key in the method's fragment is the badge's word only: offline it cannot be tied to the issuer.
    VerificationReport offline = VERIFIER.verify(vector);
    assertEquals(Verdict.INDETERMINATE, offline.verdict(), offline::toJson);
    assertEquals(CheckCode.ISSUER_KEYS_UNAVAILABLE, rootCause(offline));
    String issuer = "https://example.edu/issuers/565049";
    String vm = issuer + "#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
    PreloadedResources listed = PreloadedResources.builder().put(issuer, "application/json",
        ("{\"id\":\"" + issuer + "\",\"type\":\"Profile\",\"verificationMethod\":[{\"id\":\"" + vm + "\",\"type\":\"Multikey\"}]}")
            .getBytes(StandardCharsets.UTF_8)).build();
    VerificationReport confirmed = BadgeVerifier.create(OFFLINE.toBuilder().resources(listed).build()).verify(vector);
    assertTrue(confirmed.valid(), confirmed::toJson);
    assertEquals(Outcome.PASS, outcome(confirmed, CheckCode.KEY_BINDING));
    assertFalse(confirmed.has(CheckCode.KEY_RESOLUTION), confirmed::toJson);
    PreloadedResources notListed = PreloadedResources.builder().put(issuer, "application/json",
        ("{\"id\":\"" + issuer + "\",\"type\":\"Profile\"}").getBytes(StandardCharsets.UTF_8)).build();
    VerificationReport contradicted = BadgeVerifier.create(OFFLINE.toBuilder().resources(notListed).build()).verify(vector);
    assertEquals(CheckCode.KEY_NOT_BOUND_TO_ISSUER, rootCause(contradicted));
  }

  @Test
  void specVectorTamperedFailsOnTheProof() throws Exception {
    ObjectNode c = json(Files.readString(vector("eddsa-vectors", "ob-spec-obv3p0", "credential-signed.json")));
    c.put("name", "Teamwork Badge (forged)");
    assertFalse(VERIFIER.verify(SafeJson.write(c)).valid());
    String issuer = "https://example.edu/issuers/565049";
    PreloadedResources profile = PreloadedResources.builder().put(issuer, "application/json",
        ("{\"id\":\"" + issuer + "\",\"type\":\"Profile\",\"verificationMethod\":[{\"id\":\"" + issuer
            + "#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi\",\"type\":\"Multikey\"}]}").getBytes(StandardCharsets.UTF_8)).build();
    VerificationReport r = BadgeVerifier.create(OFFLINE.toBuilder().resources(profile).build()).verify(SafeJson.write(c));
    assertFalse(r.valid());
    assertEquals(CheckCode.PROOF_INVALID, rootCause(r), r::toJson);
  }

  @Test
  void issuedCredentialVerifiesAndMatchesTheRecipient() {
    String signed = SafeJson.write(signDi(ob3(), ED));
    VerificationReport r = BadgeVerifier.create(OFFLINE.toBuilder().recipient(Fixtures.LEARNER).build()).verify(signed);
    assertTrue(r.valid(), r::toJson);
    assertEquals(Outcome.PASS, outcome(r, CheckCode.RECIPIENT));
    assertEquals(Outcome.PASS, outcome(r, CheckCode.OB3_SCHEMA));
    VerificationReport upper = BadgeVerifier.create(OFFLINE.toBuilder().recipient(" Learner@Example.org ").build()).verify(signed);
    assertTrue(upper.valid(), upper::toJson);
    VerificationReport other = BadgeVerifier.create(OFFLINE.toBuilder().recipient("someone@example.org").build()).verify(signed);
    assertEquals(CheckCode.RECIPIENT_MISMATCH, rootCause(other));
  }

  @Test
  void tamperedCredentialFails() {
    ObjectNode signed = signDi(ob3(), ED);
    ((ObjectNode) signed.get("credentialSubject").get("achievement")).put("name", "Rocket science");
    assertEquals(CheckCode.PROOF_INVALID, rootCause(VERIFIER.verify(SafeJson.write(signed))));
  }

  @Test
  void keyThatIsNotTheIssuersFails() {
    VerificationReport r = VERIFIER.verify(SafeJson.write(signDi(ob3(), OTHER_ED)));
    assertEquals(CheckCode.KEY_NOT_BOUND_TO_ISSUER, rootCause(r));
  }

  @Test
  void expiredAndNotYetValid() {
    ObjectNode c = ob3();
    c.put("validUntil", "2026-01-01T00:00:00Z");
    String signed = SafeJson.write(signDi(c, ED));
    VerificationReport r = VERIFIER.verify(signed);
    assertEquals(CheckCode.EXPIRED, rootCause(r));
    assertEquals("/validUntil", r.rootCause().orElseThrow().target());
    assertTrue(r.rootCause().orElseThrow().message(Locale.forLanguageTag("es")).contains("caducó"));
    assertTrue(BadgeVerifier.create(OFFLINE.toBuilder().at(Instant.parse("2025-06-01T00:00:00Z")).build()).verify(signed).valid());

    ObjectNode future = ob3();
    future.put("validFrom", "2027-01-01T00:00:00Z");
    assertEquals(CheckCode.NOT_YET_VALID, rootCause(VERIFIER.verify(SafeJson.write(signDi(future, ED)))));
  }

  @Test
  void vcdm11DatesAreChecked() {
    ObjectNode c = ob3();
    c.set("@context", json("{\"a\":[\"https://www.w3.org/2018/credentials/v1\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]}").get("a"));
    c.remove("validFrom");
    c.put("issuanceDate", "2025-01-01T00:00:00Z");
    c.put("expirationDate", "2025-02-01T00:00:00Z");
    VerificationReport r = VERIFIER.verify(SafeJson.write(c));
    assertEquals(Outcome.SKIPPED, outcome(r, CheckCode.OB3_SCHEMA));
    assertEquals(Outcome.FAIL, outcome(r, CheckCode.EXPIRED), r::toJson);
  }

  @Test
  void vcJwtVerifies() {
    String jwt = Fixtures.vcJwt(ob3(), ED);
    VerificationReport r = VERIFIER.verify(jwt);
    assertTrue(r.valid(), r::toJson);
    assertEquals(InputKind.JWS, r.input());
    assertEquals(Outcome.PASS, outcome(r, CheckCode.JWT_CLAIMS));
  }

  @Test
  void vcdm11JwtTakesMissingPropertiesFromTheClaims() {
    ObjectNode vc = ob3();
    vc.set("@context", json("{\"a\":[\"https://www.w3.org/2018/credentials/v1\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]}").get("a"));
    vc.remove("id");
    vc.remove("validFrom");
    ObjectNode payload = SafeJson.nodeFactory().objectNode();
    payload.put("iss", vc.get("issuer").get("id").asText());
    payload.put("jti", "urn:uuid:5d7c5f4e-1111-4a4e-9c37-0d5f4f7c9a10");
    payload.put("nbf", Instant.parse("2025-01-01T00:00:00Z").getEpochSecond());
    payload.put("exp", Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());
    payload.set("vc", vc);
    String jwt = Fixtures.jws(json("{\"alg\":\"EdDSA\",\"kid\":\"" + ED.publicKey().didKeyVerificationMethod() + "\"}"),
        SafeJson.write(payload).getBytes(StandardCharsets.UTF_8), ED);
    // Within its period: the claims supply the id and dates the vc claim leaves out.
    VerificationReport current = BadgeVerifier.create(OFFLINE.toBuilder().at(Instant.parse("2025-06-01T00:00:00Z")).build()).verify(jwt);
    assertTrue(current.valid(), current::toJson);
    assertEquals(Outcome.PASS, outcome(current, CheckCode.PROOF), current::toJson);
    // After exp (taken from the claim): expired, whatever else holds.
    VerificationReport r = VERIFIER.verify(jwt);
    assertEquals(CheckCode.EXPIRED, rootCause(r), r::toJson);
  }

  @Test
  void relativeKidIsResolvedAgainstTheIssuer() {
    String did = "did:web:issuer.example";
    ObjectNode didDoc = json("""
        {"id": "%1$s", "verificationMethod": [{"id": "%1$s#key-1", "type": "JsonWebKey", "controller": "%1$s",
         "publicKeyJwk": %2$s}], "assertionMethod": ["#key-1"]}
        """.formatted(did, SafeJson.write(ED.publicKey().toJwk())));
    ObjectNode c = ob3();
    ((ObjectNode) c.get("issuer")).put("id", did);
    ObjectNode payload = c.deepCopy();
    payload.put("iss", did);
    String jwt = Fixtures.jws(json("{\"alg\":\"EdDSA\",\"kid\":\"#key-1\"}"), SafeJson.write(payload).getBytes(StandardCharsets.UTF_8), ED);
    PreloadedResources map = PreloadedResources.builder()
        .put(KeyDocuments.didWebDocumentUrl(did).toString(), "application/did+json", SafeJson.write(didDoc).getBytes(StandardCharsets.UTF_8))
        .build();
    VerificationReport r = BadgeVerifier.create(OFFLINE.toBuilder().resources(map).build()).verify(jwt);
    assertTrue(r.valid(), r::toJson);
    // The same key listed only under verificationMethod is not the issuer's assertion key.
    didDoc.remove("assertionMethod");
    PreloadedResources unlisted = PreloadedResources.builder()
        .put(KeyDocuments.didWebDocumentUrl(did).toString(), "application/did+json", SafeJson.write(didDoc).getBytes(StandardCharsets.UTF_8))
        .build();
    VerificationReport refused = BadgeVerifier.create(OFFLINE.toBuilder().resources(unlisted).build()).verify(jwt);
    assertEquals(CheckCode.KEY_NOT_BOUND_TO_ISSUER, rootCause(refused), refused::toJson);
  }

  @Test
  void tamperedJwtFails() {
    String jwt = Fixtures.vcJwt(ob3(), ED);
    String[] parts = jwt.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("Robotics", "Robotica");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertEquals(CheckCode.PROOF_INVALID, rootCause(VERIFIER.verify(forged)));
  }

  @Test
  void jwtClaimsMustAgree() {
    ObjectNode c = ob3();
    String jwt = Fixtures.vcJwt(c, ED);
    // Re-sign with a jti that names another credential.
    String[] parts = jwt.split("\\.");
    ObjectNode payload = json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    payload.put("jti", "urn:uuid:00000000-0000-0000-0000-000000000000");
    String other = Fixtures.jws(SafeJson.read(Base64.getUrlDecoder().decode(parts[0])),
        SafeJson.write(payload).getBytes(StandardCharsets.UTF_8), ED);
    assertEquals(CheckCode.JWT_CLAIMS, rootCause(VERIFIER.verify(other)));
  }

  @Test
  void missingProof() {
    VerificationReport r = VERIFIER.verify(SafeJson.write(ob3()));
    assertEquals(CheckCode.PROOF_MISSING, rootCause(r));
  }

  @Test
  void wrongContextSkipsTheProofInsteadOfCascading() {
    ObjectNode c = signDi(ob3(), ED);
    c.set("@context", json("{\"a\":[\"https://www.w3.org/ns/credentials/v2\"]}").get("a"));
    VerificationReport r = VERIFIER.verify(SafeJson.write(c));
    assertEquals(CheckCode.OB3_CONTEXT, rootCause(r));
    assertEquals(Outcome.SKIPPED, outcome(r, CheckCode.PROOF));
  }

  @Test
  void nestedObjectWithoutTypeIsReported() {
    ObjectNode c = ob3();
    ((ObjectNode) c.get("credentialSubject").get("achievement")).remove("type");
    VerificationReport r = VERIFIER.verify(SafeJson.write(c));
    assertTrue(r.checks(Outcome.FAIL).stream().anyMatch(ch -> ch.code() == CheckCode.OB3_NESTED_TYPES
        && ch.target().equals("/credentialSubject/achievement")), r::toJson);
  }

  @Test
  void typeRemovedAfterSigningBreaksTheProof() {
    ObjectNode c = signDi(ob3(), ED);
    ((ObjectNode) c.get("credentialSubject").get("achievement")).remove("type");
    VerificationReport r = VERIFIER.verify(SafeJson.write(c));
    assertEquals(Outcome.FAIL, outcome(r, CheckCode.PROOF_INVALID), r::toJson);
  }

  @Test
  void unpinnedContextsAreNamedAndHostsCanAddTheirOwn() throws Exception {
    String ctxUrl = "https://contexts.example.org/extra/v1";
    ObjectNode c = ob3();
    ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("@context")).add(ctxUrl);
    c.put("extraNote", "hello");
    io.github.insignia.openbadges.documents.DocumentLoader extra = url -> url.toString().equals(ctxUrl)
        ? java.util.Optional.of(new io.github.insignia.openbadges.documents.PinnedDocument(url,
            io.github.insignia.openbadges.documents.PinnedDocument.Kind.CONTEXT,
            "{\"@context\":{\"extraNote\":\"https://contexts.example.org/extra#note\"}}".getBytes(StandardCharsets.UTF_8)))
        : java.util.Optional.empty();
    // Sign with a canonicalizer that knows the extra context.
    io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer canon = io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer.create(
        io.github.insignia.openbadges.signing.rdf.CanonicalizationOptions.builder()
            .documentLoader(io.github.insignia.openbadges.documents.PinnedDocuments.loader().orElse(extra)).build());
    String signed = SafeJson.write(io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity.create(canon).sign(c, ED,
        io.github.insignia.openbadges.signing.dataintegrity.ProofOptions.builder(ED.publicKey().didKeyVerificationMethod())
            .created(Instant.parse("2025-01-01T00:00:00Z")).build()));
    VerificationReport unknown = VERIFIER.verify(signed);
    assertEquals(CheckCode.PROOF_UNSUPPORTED, rootCause(unknown), unknown::toJson);
    assertTrue(unknown.rootCause().orElseThrow().message().contains("context"));
    VerificationReport known = BadgeVerifier.create(OFFLINE.toBuilder().contexts(extra).build()).verify(signed);
    assertEquals(Outcome.PASS, outcome(known, CheckCode.PROOF), known::toJson);
  }

  @Test
  void subjectWithoutIdOrIdentifier() {
    ObjectNode c = ob3();
    ((ObjectNode) c.get("credentialSubject")).remove("identifier");
    String signed = SafeJson.write(signDi(c, ED));
    // Nobody asked whom it is for: authentic, current, structurally sound; a warning.
    VerificationReport r = VERIFIER.verify(signed);
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
    assertEquals(Outcome.WARNING, outcome(r, CheckCode.OB3_SUBJECT_IDENTIFIER));
    assertTrue(r.warnings().stream().anyMatch(w -> w.code() == CheckCode.OB3_SUBJECT_IDENTIFIER));
    // Strict: the warning fails.
    VerificationReport strict = BadgeVerifier.create(OFFLINE.toBuilder().strict(true).build()).verify(signed);
    assertEquals(Verdict.INVALID, strict.verdict());
    assertEquals(CheckCode.OB3_SUBJECT_IDENTIFIER, rootCause(strict));
    // A recipient asked for, and the badge names nobody: RECIPIENT_MISSING.
    VerificationReport asked = VERIFIER.verify(signed, VerificationRequest.forRecipient(Fixtures.LEARNER));
    assertEquals(Verdict.INVALID, asked.verdict());
    assertEquals(CheckCode.RECIPIENT_MISSING, rootCause(asked));
    assertTrue(asked.rootCause().orElseThrow().message(Locale.forLanguageTag("es")).contains(Fixtures.LEARNER));
  }

  @Test
  void specExamplesPassTheSchemaAndTheTypoFails() throws Exception {
    for (String name : List.of("examples-basicOpenBadgeCredential-01.json", "examples-fullOpenBadge-01.json",
        "examples-achievementAlignmentCase-01.json", "docformat-01.json", "impl-recommended-practices-01.json",
        "examples-endorsement-01.json")) {
      VerificationReport r = VERIFIER.verify(Files.readString(vector("ob3", "ob-spec-examples", name)));
      assertTrue(r.checks(Outcome.FAIL).stream().noneMatch(c -> c.code() == CheckCode.OB3_SCHEMA), () -> name + r.toJson());
    }
    VerificationReport typo = VERIFIER.verify(Files.readString(vector("ob3", "ob-spec-examples", "examples-02.json")));
    assertTrue(typo.checks(Outcome.FAIL).stream().anyMatch(c -> c.code() == CheckCode.OB3_SCHEMA && c.message().contains("validFrom")));
  }

  @Test
  void bakedPngSvgAndDataUri() {
    String signed = SafeJson.write(signDi(ob3(), ED));
    byte[] png = BadgeBaker.create().bake(Fixtures.png(), BadgePayload.of(signed));
    VerificationReport r = VERIFIER.verify(png);
    assertTrue(r.valid(), r::toJson);
    assertEquals(InputKind.PNG, r.input());
    byte[] svg = BadgeBaker.create().bake("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>".getBytes(StandardCharsets.UTF_8), BadgePayload.of(signed));
    VerificationReport s = VERIFIER.verify(new java.io.ByteArrayInputStream(svg));
    assertTrue(s.valid(), s::toJson);
    assertEquals(InputKind.SVG, s.input());
    VerificationReport d = VERIFIER.verify("data:application/json;base64," + Base64.getEncoder().encodeToString(signed.getBytes(StandardCharsets.UTF_8)));
    assertTrue(d.valid(), d::toJson);
    assertEquals(InputKind.DATA_URI, d.input());
    assertEquals(CheckCode.IMAGE_NOT_BAKED, rootCause(VERIFIER.verify(Fixtures.png())));
  }

  @Test
  void bakedSpecSvgWithPlaceholderProofFails() throws Exception {
    VerificationReport r = VERIFIER.verify(Files.readAllBytes(vector("baked", "ob3-spec", "docformat-example-embedded-proof.svg")));
    assertFalse(r.valid());
    assertEquals(InputKind.SVG, r.input());
    assertTrue(r.checks(Outcome.FAIL).stream().anyMatch(c -> c.code().name().startsWith("PROOF")));
  }

  @Test
  void didWebThroughTheResourcesMap() {
    String did = "did:web:issuer.example";
    String vm = did + "#key-1";
    ObjectNode didDoc = json("""
        {"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"], "id": "%s",
         "verificationMethod": [{"id": "%s", "type": "Multikey", "controller": "%s", "publicKeyMultibase": "%s"}],
         "assertionMethod": ["%s"]}
        """.formatted(did, vm, did, ED.publicKey().publicKeyMultibase(), vm));
    ObjectNode c = ob3();
    ((ObjectNode) c.get("issuer")).put("id", did);
    String signed = SafeJson.write(signDi(c, ED, vm));
    PreloadedResources map = PreloadedResources.builder()
        .put(KeyDocuments.didWebDocumentUrl(did).toString(), "application/did+json", SafeJson.write(didDoc).getBytes(StandardCharsets.UTF_8))
        .build();
    VerificationReport r = BadgeVerifier.create(OFFLINE.toBuilder().resources(map).build()).verify(signed);
    assertTrue(r.valid(), r::toJson);
    VerificationReport missing = VERIFIER.verify(signed);
    assertEquals(Verdict.INDETERMINATE, missing.verdict(), missing::toJson);
    assertEquals(CheckCode.ISSUER_KEYS_UNAVAILABLE, rootCause(missing));
    assertEquals(Outcome.INCONCLUSIVE, outcome(missing, CheckCode.FETCH_NOT_AVAILABLE_OFFLINE));
    assertFalse(missing.has(CheckCode.PROOF), missing::toJson);
  }

  /** The signing module resolves did:web; the report still names the exact fetch failure. */
  @Test
  void didWebDocumentBehindALoginIsAccessRestricted() {
    String did = "did:web:issuer.example";
    ObjectNode c = ob3();
    ((ObjectNode) c.get("issuer")).put("id", did);
    String signed = SafeJson.write(signDi(c, ED, did + "#key-1"));
    PreloadedResources map = PreloadedResources.builder()
        .put(KeyDocuments.didWebDocumentUrl(did).toString(), 403, "text/html", "<h1>Sign in</h1>".getBytes(StandardCharsets.UTF_8))
        .build();
    VerificationReport r = BadgeVerifier.create(OFFLINE.toBuilder().resources(map).build()).verify(signed);
    assertEquals(Verdict.INDETERMINATE, r.verdict(), r::toJson);
    assertEquals(CheckCode.ISSUER_KEYS_UNAVAILABLE, rootCause(r), r::toJson);
    assertEquals(Outcome.INCONCLUSIVE, outcome(r, CheckCode.FETCH_ACCESS_RESTRICTED));
    assertTrue(r.rootCause().orElseThrow().message().contains(KeyDocuments.didWebDocumentUrl(did).toString()));
  }

  @Test
  void didJwkResolvesOffline() {
    String did = "did:jwk:" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(SafeJson.write(ED.publicKey().toJwk()).getBytes(StandardCharsets.UTF_8));
    ObjectNode c = ob3();
    ((ObjectNode) c.get("issuer")).put("id", did);
    VerificationReport r = VERIFIER.verify(SafeJson.write(signDi(c, ED, did + "#0")));
    assertTrue(r.valid(), r::toJson);
  }

  @Test
  void endorsementsAreVerifiedRecursively() {
    ObjectNode endorsement = json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "urn:uuid:7b6a3d1e-1c2b-4a5f-9e8d-3c2b1a0f9e8d", "type": ["VerifiableCredential", "EndorsementCredential"],
         "name": "Endorsement", "issuer": {"id": "%s", "type": ["Profile"], "name": "Endorser"},
         "validFrom": "2025-01-01T00:00:00Z",
         "credentialSubject": {"id": "https://example.org/achievements/robotics", "type": ["EndorsementSubject"],
                               "endorsementComment": "Good."}}
        """.formatted(ED.publicKey().didKey()));
    ObjectNode signedEndorsement = signDi(endorsement, ED);
    ObjectNode c = ob3();
    ((ObjectNode) c.get("credentialSubject").get("achievement")).set("endorsement", SafeJson.nodeFactory().arrayNode().add(signedEndorsement));
    VerificationReport r = VERIFIER.verify(SafeJson.write(signDi(c, ED)));
    assertTrue(r.valid(), r::toJson);
    assertEquals(Outcome.PASS, outcome(r, CheckCode.ENDORSEMENT));
    assertEquals("/credentialSubject/achievement/endorsement/0", r.find(CheckCode.ENDORSEMENT).orElseThrow().target());

    signedEndorsement.put("name", "Forged");
    ObjectNode bad = ob3();
    ((ObjectNode) bad.get("credentialSubject").get("achievement")).set("endorsement", SafeJson.nodeFactory().arrayNode().add(signedEndorsement));
    VerificationReport b = VERIFIER.verify(SafeJson.write(signDi(bad, ED)));
    // A failing endorsement is a warning on the badge, listed as not verified; the badge stays VALID.
    assertEquals(Verdict.VALID, b.verdict(), b::toJson);
    Check warning = b.find(CheckCode.ENDORSEMENT_INVALID).orElseThrow();
    assertEquals(Outcome.WARNING, warning.outcome());
    assertEquals(Question.ENDORSEMENT, warning.question());
    assertTrue(warning.message().contains("PROOF_INVALID"), b::toJson);
    assertEquals(1, b.endorsements().size());
    assertEquals(Verdict.INVALID, b.endorsements().get(0).verdict());
    assertFalse(b.endorsements().get(0).verified());
    assertEquals(CheckCode.PROOF_INVALID, rootCause(b.endorsements().get(0).report()));
    assertEquals("INVALID", b.toJsonNode().get("endorsements").get(0).get("verdict").asText());
    assertEquals(Verdict.VALID, r.endorsements().get(0).verdict());
  }

  @Test
  void jsonRenderingHasExactlyTheDocumentedShape() {
    JsonNode json = VERIFIER.verify(SafeJson.write(signDi(ob3(), ED))).toJsonNode();
    List<String> top = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(top::add);
    assertEquals(List.of("verdict", "valid", "version", "input", "kind", "warnings", "endorsements", "checks"), top);
    for (JsonNode c : json.get("checks")) {
      List<String> fields = new java.util.ArrayList<>();
      c.fieldNames().forEachRemaining(fields::add);
      assertEquals(List.of("code", "question", "outcome", "target", "message"), fields);
    }
  }

  @Test
  void spanishReport() {
    ObjectNode c = ob3();
    c.put("validUntil", "2026-01-01T00:00:00Z");
    VerificationReport r = BadgeVerifier.create(OFFLINE.toBuilder().locale(Locale.forLanguageTag("es")).build())
        .verify(SafeJson.write(signDi(c, ED)));
    assertTrue(r.summary().startsWith("NO VÁLIDA"), r.summary());
    assertTrue(r.summary().contains("caducó"), r.summary());
    assertTrue(r.inLocale(Locale.ENGLISH).summary().startsWith("INVALID: The badge expired"), r.inLocale(Locale.ENGLISH).summary());
  }

  @Test
  void hostileInputYieldsAReportNeverAnException() {
    for (String input : List.of("", "   ", "not a badge", "{", "[1,2]", "{\"a\":1}", "x.y.z", "data:,", "data:xx",
        "<svg", "{".repeat(5000), "http://", "https://exa mple.org/")) {
      VerificationReport r = VERIFIER.verify(input);
      assertFalse(r.valid(), input);
      assertTrue(r.rootCause().isPresent(), input);
    }
    assertFalse(VERIFIER.verify(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1, 2}).valid());
  }
}
