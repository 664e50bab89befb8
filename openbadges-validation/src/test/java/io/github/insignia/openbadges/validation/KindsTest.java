package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Fixtures.json;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.outcome;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.rootCause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of badge document is verified as what it is, and the report says which kind. */
class KindsTest {
  TestServer server;
  String base;
  VerificationOptions options;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer();
    base = server.base();
    options = VerificationOptions.builder()
        .allowPrivateNetwork(true)
        .at(Instant.parse("2026-06-01T00:00:00Z"))
        .connectTimeout(Duration.ofSeconds(5))
        .totalTimeout(Duration.ofSeconds(5))
        .build();
    Fixtures.hostOb2(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private VerificationReport verify(String input) {
    return BadgeVerifier.create(options).verify(input);
  }

  private static void valid(VerificationReport r, DocumentKind kind) {
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
    assertEquals(kind, r.kind().orElseThrow());
  }

  @Test
  void ob2BadgeClassAndProfileAreVerifiedAsWhatTheyAre() {
    VerificationReport badge = BadgeVerifier.create(options).verify(URI.create(base + "/badge"));
    valid(badge, DocumentKind.BADGE_CLASS);
    assertEquals(Outcome.PASS, outcome(badge, CheckCode.OB2_HOSTED_ID));
    assertEquals(Outcome.PASS, outcome(badge, CheckCode.OB2_PROPERTIES));
    assertEquals(Outcome.PASS, outcome(badge, CheckCode.IMAGE));
    // Not an award: said so, and no recipient or proof is asked for.
    Check notAward = badge.find(CheckCode.RECIPIENT).orElseThrow();
    assertEquals(Outcome.SKIPPED, notAward.outcome());
    assertTrue(notAward.message().contains("not an award"), notAward::message);
    assertTrue(notAward.message(Locale.forLanguageTag("es")).contains("no es una insignia otorgada"));

    // JSON input is a pointer: the copy at its id counts.
    valid(verify(SafeJson.write(Fixtures.ob2BadgeClass(base))), DocumentKind.BADGE_CLASS);
    valid(BadgeVerifier.create(options).verify(URI.create(base + "/issuer")), DocumentKind.PROFILE);
  }

  @Test
  void aHostedDocumentServedElsewhereOrBrokenIsInvalid() {
    server.json("/copy", Fixtures.ob2BadgeClass(base));
    VerificationReport moved = BadgeVerifier.create(options).verify(URI.create(base + "/copy"));
    assertEquals(Verdict.INVALID, moved.verdict());
    assertEquals(CheckCode.OB2_ID_MISMATCH, rootCause(moved));

    ObjectNode noCriteria = Fixtures.ob2BadgeClass(base);
    noCriteria.remove("criteria");
    server.json("/badge", noCriteria);
    VerificationReport r = BadgeVerifier.create(options).verify(URI.create(base + "/badge"));
    assertEquals(CheckCode.OB2_PROPERTY_MISSING, rootCause(r), r::toJson);

    // JSON naming no hosted URL cannot be verified as hosted.
    ObjectNode urn = Fixtures.ob2BadgeClass(base);
    urn.put("id", "urn:uuid:9e0f1d7a-3f2b-4a9c-8a51-0c3c8f1f6b2e");
    assertEquals(CheckCode.OB2_NO_HOSTED_URL, rootCause(verify(SafeJson.write(urn))));
  }

  @Test
  void aHostedDocumentThatCannotBeObtainedIsIndeterminate() {
    ObjectNode gone = Fixtures.ob2BadgeClass(base);
    gone.put("id", base + "/nowhere");
    VerificationReport r = verify(SafeJson.write(gone));
    assertEquals(Verdict.INDETERMINATE, r.verdict(), r::toJson);
    assertEquals(CheckCode.FETCH_NOT_FOUND, rootCause(r));
  }

  @Test
  void cryptographicKeyAndRevocationList() {
    ObjectNode key = json("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "CryptographicKey", "id": "%1$s/key",
         "owner": "%1$s/issuer", "publicKeyPem": "%2$s"}
        """.formatted(base, Fixtures.RSA.publicKey().toSpkiPem().replace("\n", "\\n")));
    server.json("/key", key);
    valid(BadgeVerifier.create(options).verify(URI.create(base + "/key")), DocumentKind.CRYPTOGRAPHIC_KEY);
    key.put("publicKeyPem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----");
    server.json("/key", key);
    assertEquals(CheckCode.OB2_PROPERTY_INVALID, rootCause(BadgeVerifier.create(options).verify(URI.create(base + "/key"))));

    ObjectNode list = json("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "RevocationList", "id": "%1$s/revoked",
         "issuer": "%1$s/issuer", "revokedAssertions": ["%1$s/assertions/9", {"id": "%1$s/assertions/8",
         "revocationReason": "cheated"}, {"uid": "abc"}]}
        """.formatted(base));
    server.json("/revoked", list);
    valid(BadgeVerifier.create(options).verify(URI.create(base + "/revoked")), DocumentKind.REVOCATION_LIST);
    ((ArrayNode) list.get("revokedAssertions")).add(42);
    server.json("/revoked", list);
    assertEquals(CheckCode.OB2_PROPERTY_INVALID, rootCause(BadgeVerifier.create(options).verify(URI.create(base + "/revoked"))));
  }

  @Test
  void ob3AchievementAndProfileAreValidConformantDocumentsThatAreNotAwards() {
    ObjectNode achievement = json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "https://example.org/achievements/robotics", "type": ["Achievement"], "name": "Robotics",
         "description": "Builds robots.", "criteria": {"narrative": "Build one."},
         "creator": {"id": "https://example.org/issuer", "type": ["Profile"], "name": "Example"}}
        """);
    VerificationReport r = verify(SafeJson.write(achievement));
    valid(r, DocumentKind.ACHIEVEMENT);
    assertEquals("3.0", r.version().orElseThrow());
    assertEquals(Outcome.SKIPPED, outcome(r, CheckCode.RECIPIENT));

    achievement.remove("criteria");
    assertEquals(CheckCode.OB3_SCHEMA, rootCause(verify(SafeJson.write(achievement))));
    ObjectNode untypedCreator = json(SafeJson.write(achievement));
    untypedCreator.set("criteria", json("{\"narrative\": \"n\"}"));
    ((ObjectNode) untypedCreator.get("creator")).remove("type");
    assertEquals(CheckCode.OB3_NESTED_TYPES, rootCause(verify(SafeJson.write(untypedCreator))));

    ObjectNode profile = json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "https://example.org/issuer", "type": ["Profile"], "name": "Example Academy"}
        """);
    valid(verify(SafeJson.write(profile)), DocumentKind.PROFILE);
    profile.put("name", 7);
    assertEquals(CheckCode.OB3_SCHEMA, rootCause(verify(SafeJson.write(profile))));
  }

  @Test
  void anImportingPlatformRefusesWhatIsNotAnAward() {
    VerificationOptions awards = options.toBuilder().expectAward().build();
    VerificationReport badge = BadgeVerifier.create(awards).verify(URI.create(base + "/badge"));
    assertEquals(Verdict.INVALID, badge.verdict());
    assertEquals(CheckCode.INPUT_NOT_AN_AWARD, rootCause(badge));
    assertEquals(DocumentKind.BADGE_CLASS, badge.kind().orElseThrow());
    assertTrue(badge.rootCause().orElseThrow().message(Locale.forLanguageTag("es")).contains("clase de insignia"));
    assertEquals(Verdict.VALID, BadgeVerifier.create(awards).verify(URI.create(base + "/assertions/1")).verdict());
    VerificationReport endorsementOnly = BadgeVerifier.create(options.toBuilder()
        .expectedKinds(Set.of(DocumentKind.ENDORSEMENT)).build()).verify(URI.create(base + "/assertions/1"));
    assertEquals(CheckCode.INPUT_NOT_AN_AWARD, rootCause(endorsementOnly));
    assertTrue(endorsementOnly.rootCause().orElseThrow().message().contains("ENDORSEMENT"));
  }

  @Test
  void aServedGraphIsResolvedWithoutFetchingItsNodes() {
    // As Badgr exports it: one document, the assertion and its badge class and issuer as nodes.
    ObjectNode assertion = Fixtures.ob2Assertion(base, base + "/graph");
    ObjectNode badge = Fixtures.ob2BadgeClass(base);
    badge.put("id", base + "/graph-badge");
    badge.put("issuer", base + "/graph-issuer");
    assertion.put("badge", base + "/graph-badge");
    ObjectNode issuer = Fixtures.ob2Issuer(base);
    issuer.put("id", base + "/graph-issuer");
    ObjectNode graph = json("{\"@context\": \"https://w3id.org/openbadges/v2\"}");
    ArrayNode nodes = graph.putArray("@graph");
    for (ObjectNode n : new ObjectNode[] {badge, issuer, assertion}) {
      n.remove("@context");
      nodes.add(n);
    }
    server.json("/graph", graph);
    VerificationReport r = BadgeVerifier.create(options).verify(URI.create(base + "/graph"));
    valid(r, DocumentKind.ASSERTION);
    assertTrue(r.checks().stream().noneMatch(c -> c.code() == CheckCode.FETCH && c.target().contains("/graph-")), r::toJson);

    // A bare array of nodes works the same.
    ArrayNode array = SafeJson.nodeFactory().arrayNode();
    nodes.forEach(n -> array.add(((ObjectNode) n).deepCopy().put("@context", "https://w3id.org/openbadges/v2")));
    server.answer("/graph", 200, "application/json", SafeJson.write(array).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    valid(BadgeVerifier.create(options).verify(URI.create(base + "/graph")), DocumentKind.ASSERTION);

    // The JSON of the graph is a pointer to the hosted copy, which is the served graph.
    valid(verify(SafeJson.write(graph)), DocumentKind.ASSERTION);
    // A graph from a local file vouches for nothing: the hosted copy and its references are fetched.
    server.json("/graph", assertion.deepCopy().put("@context", "https://w3id.org/openbadges/v2"));
    VerificationReport local = verify(SafeJson.write(graph));
    assertEquals(CheckCode.FETCH_NOT_FOUND, rootCause(local), local::toJson);
  }

  @Test
  void aGraphVouchesOnlyForNodesOnItsOwnOrigin() {
    // A forger serves, from its own site, a graph holding its assertion and a "university" badge class
    // and issuer whose verification policy lets the forger's origin host the university's badges.
    String uni = "https://university.example";
    String evil = "https://evil.example";
    ObjectNode assertion = Fixtures.ob2Assertion(evil, evil + "/graph");
    assertion.put("badge", uni + "/badge");
    ObjectNode badge = Fixtures.ob2BadgeClass(uni);
    ObjectNode lyingIssuer = Fixtures.ob2Issuer(uni);
    lyingIssuer.putObject("verification").putArray("allowedOrigins").add("evil.example");
    ObjectNode graph = json("{\"@context\": \"https://w3id.org/openbadges/v2\"}");
    ArrayNode nodes = graph.putArray("@graph");
    for (ObjectNode n : new ObjectNode[] {badge.deepCopy(), lyingIssuer, assertion}) {
      n.remove("@context");
      nodes.add(n);
    }
    // The university's own documents, as its server answers them (no such policy).
    PreloadedResources web = PreloadedResources.builder()
        .put(evil + "/graph", "application/json", SafeJson.write(graph).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .put(uni + "/badge", "application/json", SafeJson.write(badge).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .put(uni + "/issuer", "application/json", SafeJson.write(Fixtures.ob2Issuer(uni)).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .put(uni + "/badge.png", "image/png", Fixtures.png())
        .build();
    VerificationReport r = BadgeVerifier.create(VerificationOptions.builder().offline(true).resources(web)
        .at(Instant.parse("2026-06-01T00:00:00Z")).build()).verify(URI.create(evil + "/graph"));
    assertEquals(Verdict.INVALID, r.verdict(), r::toJson);
    assertEquals(CheckCode.OB2_OUT_OF_SCOPE, rootCause(r), r::toJson);
  }

  @Test
  void anEmbeddedBadgeAndIssuerAreResolvedWithoutFetching() {
    ObjectNode assertion = Fixtures.ob2Assertion(base, base + "/embedded");
    ObjectNode badge = Fixtures.ob2BadgeClass(base);
    badge.remove("@context");
    ObjectNode issuer = Fixtures.ob2Issuer(base);
    issuer.remove("@context");
    badge.set("issuer", issuer);
    assertion.set("badge", badge);
    server.json("/embedded", assertion);
    valid(BadgeVerifier.create(options).verify(URI.create(base + "/embedded")), DocumentKind.ASSERTION);
  }
}
