package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Fixtures.json;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.outcome;
import static io.github.insignia.openbadges.validation.Ob3VerificationTest.rootCause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.HashAlgorithm;
import io.github.insignia.openbadges.model.IdentityHash;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.github.insignia.openbadges.testvectors.TestVectors;

class Ob2VerificationTest {
  TestServer server;
  String base;
  VerificationOptions options;

  /**
   * The tests give a whole verification an 800 ms budget; the first one in a JVM also pays the
   * one-time initialisation (schemas, contexts, logging), which on a loaded machine can exceed it.
   * One untimed verification first keeps the budget about the fetches.
   */
  @org.junit.jupiter.api.BeforeAll
  static void warmUp() throws Exception {
    try (TestServer warm = new TestServer()) {
      String b = warm.base();
      Fixtures.hostOb2(warm);
      BadgeVerifier.create(VerificationOptions.builder().allowPrivateNetwork(true).build())
          .verify(SafeJson.write(Fixtures.ob2Assertion(b, b + "/assertions/1")));
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = new TestServer();
    base = server.base();
    options = VerificationOptions.builder()
        .allowPrivateNetwork(true)
        .at(Instant.parse("2026-06-01T00:00:00Z"))
        .recipient(Fixtures.LEARNER)
        .connectTimeout(Duration.ofMillis(500))
        .totalTimeout(Duration.ofMillis(800))
        .build();
    Fixtures.hostOb2(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  VerificationReport verifyUrl(String path) {
    return BadgeVerifier.create(options).verify(URI.create(base + path));
  }

  @Test
  void hostedBadgeVerifies() {
    VerificationReport r = verifyUrl("/assertions/1");
    assertTrue(r.valid(), r::toJson);
    assertEquals("2.0", r.version().orElseThrow());
    assertEquals(InputKind.URL, r.input());
    for (CheckCode c : new CheckCode[] {CheckCode.OB2_HOSTED_ID, CheckCode.OB2_CONTEXT, CheckCode.OB2_PROPERTIES,
        CheckCode.OB2_VERIFICATION_SCOPE, CheckCode.RECIPIENT, CheckCode.IMAGE, CheckCode.VALIDITY_PERIOD}) {
      assertEquals(Outcome.PASS, outcome(r, c), c + r.toJson());
    }
  }

  @Test
  void embeddedJsonIsOnlyAPointerToTheHostedCopy() {
    ObjectNode local = Fixtures.ob2Assertion(base, base + "/assertions/1");
    local.put("issuedOn", "1999-01-01T00:00:00Z"); // the hosted copy wins
    VerificationReport r = BadgeVerifier.create(options).verify(SafeJson.write(local));
    assertTrue(r.valid(), r::toJson);
    assertEquals(InputKind.JSON, r.input());
    assertTrue(r.checks().stream().anyMatch(c -> c.code() == CheckCode.FETCH && c.target().endsWith("/assertions/1")));
  }

  @Test
  void movedAssertionReportsBothIds() {
    server.json("/moved", Fixtures.ob2Assertion(base, base + "/assertions/1"));
    VerificationReport r = verifyUrl("/moved");
    assertEquals(CheckCode.OB2_ID_MISMATCH, rootCause(r));
    String m = r.rootCause().orElseThrow().message();
    assertTrue(m.contains(base + "/assertions/1") && m.contains(base + "/moved"), m);
  }

  @Test
  void lockedMissingGoneHtml() {
    server.answer("/locked", 403, "text/html", "<html>login</html>".getBytes(StandardCharsets.UTF_8));
    // The input URL cannot be fetched: nothing is proven, the verdict cannot be decided now.
    VerificationReport locked = verifyUrl("/locked");
    assertEquals(CheckCode.FETCH_ACCESS_RESTRICTED, rootCause(locked));
    assertEquals(Verdict.INDETERMINATE, locked.verdict());
    assertEquals(Outcome.INCONCLUSIVE, locked.rootCause().orElseThrow().outcome());
    assertTrue(locked.rootCause().orElseThrow().target().endsWith("/locked"));
    assertEquals(Verdict.INDETERMINATE, verifyUrl("/nothing-here").verdict());
    assertEquals(CheckCode.FETCH_NOT_FOUND, rootCause(verifyUrl("/nothing-here")));
    server.answer("/gone", 410, "text/plain", new byte[0]);
    assertEquals(CheckCode.REVOKED, rootCause(verifyUrl("/gone")));
    assertEquals(Verdict.INVALID, verifyUrl("/gone").verdict());
    server.answer("/html", 200, "text/html", "<!doctype html><p>Moved</p>".getBytes(StandardCharsets.UTF_8));
    VerificationReport html = verifyUrl("/html");
    // A URL answering HTML is not JSON; the verifier tries it as an (SVG-like) image and says so.
    assertFalse(html.valid());
    server.answer("/badge", 200, "text/html", "<!doctype html><p>Login</p>".getBytes(StandardCharsets.UTF_8));
    VerificationReport r = verifyUrl("/assertions/1");
    assertEquals(CheckCode.FETCH_WRONG_CONTENT_TYPE, rootCause(r));
    // The badge class (authenticity depends on it) could not be obtained: INDETERMINATE, URL named.
    assertEquals(Verdict.INDETERMINATE, r.verdict(), r::toJson);
    assertEquals(base + "/badge", r.rootCause().orElseThrow().target());
    assertEquals(Outcome.SKIPPED, outcome(r, CheckCode.OB2_VERIFICATION_SCOPE));
    assertTrue(r.rootCause().orElseThrow().message(Locale.forLanguageTag("es")).contains("donde se esperaba JSON"));
  }

  @Test
  void privateAddressRefusedUnlessAllowed() {
    VerificationReport r = BadgeVerifier.create(options.toBuilder().allowPrivateNetwork(false).build())
        .verify(URI.create(base + "/assertions/1"));
    assertEquals(CheckCode.FETCH_PRIVATE_ADDRESS_REFUSED, rootCause(r));
  }

  @Test
  void redirectIsFollowedAndLoopsStop() {
    server.redirect("/short", base + "/assertions/1");
    assertTrue(verifyUrl("/short").valid());
    server.redirect("/loop", base + "/loop");
    assertEquals(CheckCode.FETCH_TOO_MANY_REDIRECTS, rootCause(verifyUrl("/loop")));
  }

  @Test
  void hangingServerTimesOut() {
    server.hang("/badge");
    VerificationReport r = verifyUrl("/assertions/1");
    assertEquals(CheckCode.FETCH_TIMEOUT, rootCause(r));
    assertEquals(Verdict.INDETERMINATE, r.verdict());
  }

  @Test
  void revokedFlagExpiredFutureAndBadDates() {
    server.json("/revoked", json("{\"@context\":\"https://w3id.org/openbadges/v2\",\"id\":\"" + base
        + "/revoked\",\"type\":\"Assertion\",\"revoked\":true,\"revocationReason\":\"plagiarism\"}"));
    VerificationReport revoked = verifyUrl("/revoked");
    assertEquals(CheckCode.REVOKED, rootCause(revoked));
    assertTrue(revoked.rootCause().orElseThrow().message().contains("plagiarism"));

    ObjectNode expired = Fixtures.ob2Assertion(base, base + "/expired");
    expired.put("expires", "2026-01-01T00:00:00Z");
    server.json("/expired", expired);
    assertEquals(CheckCode.EXPIRED, rootCause(verifyUrl("/expired")));

    ObjectNode future = Fixtures.ob2Assertion(base, base + "/future");
    future.put("issuedOn", "2030-01-01T00:00:00Z");
    server.json("/future", future);
    assertEquals(CheckCode.NOT_YET_VALID, rootCause(verifyUrl("/future")));

    ObjectNode noZone = Fixtures.ob2Assertion(base, base + "/nozone");
    noZone.put("issuedOn", "2025-01-01T00:00:00");
    server.json("/nozone", noZone);
    VerificationReport nz = verifyUrl("/nozone");
    assertEquals(CheckCode.OB2_PROPERTY_INVALID, rootCause(nz));
    assertEquals("/issuedOn", nz.rootCause().orElseThrow().target());
  }

  @Test
  void requiredPropertiesAndTypes() {
    ObjectNode badge = Fixtures.ob2BadgeClass(base);
    badge.remove("name");
    badge.put("type", "Assertion");
    server.json("/badge", badge);
    ObjectNode issuer = Fixtures.ob2Issuer(base);
    issuer.put("url", "not a url");
    issuer.put("telephone", "1-800-BADGES");
    server.json("/issuer", issuer);
    VerificationReport r = verifyUrl("/assertions/1");
    assertTrue(r.checks(Outcome.FAIL).stream().anyMatch(c -> c.code() == CheckCode.OB2_PROPERTY_MISSING && c.target().equals("/badge/name")), r::toJson);
    assertTrue(r.checks(Outcome.FAIL).stream().anyMatch(c -> c.code() == CheckCode.OB2_TYPE && c.target().equals("/badge/type")));
    assertTrue(r.checks(Outcome.FAIL).stream().anyMatch(c -> c.code() == CheckCode.OB2_PROPERTY_INVALID && c.target().equals("/badge/issuer/url")));
    assertTrue(r.checks(Outcome.FAIL).stream().anyMatch(c -> c.code() == CheckCode.OB2_PROPERTY_INVALID && c.target().equals("/badge/issuer/telephone")));
  }

  @Test
  void imageMustReallyBeAnImage() {
    server.answer("/badge.png", 200, "image/png", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8));
    assertEquals(CheckCode.IMAGE_INVALID, rootCause(verifyUrl("/assertions/1")));
    // An image only conformance needs, that cannot be fetched: a warning (a failure under strict).
    server.answer("/badge.png", 403, "text/html", new byte[0]);
    VerificationReport r = verifyUrl("/assertions/1");
    assertEquals(Verdict.VALID, r.verdict(), r::toJson);
    Check w = r.find(CheckCode.FETCH_ACCESS_RESTRICTED).orElseThrow();
    assertEquals(Outcome.WARNING, w.outcome());
    assertEquals(Question.CONFORMANT, w.question());
    VerificationReport strict = BadgeVerifier.create(options.toBuilder().strict(true).build()).verify(URI.create(base + "/assertions/1"));
    assertEquals(CheckCode.FETCH_ACCESS_RESTRICTED, rootCause(strict));
    assertEquals(Verdict.INVALID, strict.verdict());
  }

  @Test
  void verificationPolicy() {
    ObjectNode issuer = Fixtures.ob2Issuer(base);
    issuer.set("verification", json("{\"type\":\"VerificationObject\",\"allowedOrigins\":[\"badges.example.org\"]}"));
    server.json("/issuer", issuer);
    assertEquals(CheckCode.OB2_OUT_OF_SCOPE, rootCause(verifyUrl("/assertions/1")));
    issuer.set("verification", json("{\"type\":\"VerificationObject\",\"startsWith\":[\"" + base + "/assertions/\"]}"));
    server.json("/issuer", issuer);
    assertTrue(verifyUrl("/assertions/1").valid());
    issuer.put("id", "https://elsewhere.example/issuer");
    issuer.remove("verification");
    server.json("/issuer", issuer);
    assertEquals(CheckCode.OB2_OUT_OF_SCOPE, rootCause(verifyUrl("/assertions/1")));
  }

  @Test
  void recipientMismatchAndSharedVectors() throws Exception {
    VerificationReport other = BadgeVerifier.create(options.toBuilder().recipients(java.util.List.of("x@example.org")).build())
        .verify(URI.create(base + "/assertions/1"));
    assertEquals(CheckCode.RECIPIENT_MISMATCH, rootCause(other));
    JsonNode vectors = SafeJson.read(Files.readAllBytes(TestVectors.path("ob2", "validator-core", "recipient-identity-vectors.json")));
    int i = 0;
    for (JsonNode vector : vectors.get("vectors")) {
      ObjectNode a = Fixtures.ob2Assertion(base, base + "/v/" + i);
      ObjectNode recipient = (ObjectNode) a.get("recipient");
      recipient.put("type", vector.get("identity_type").asText());
      recipient.put("identity", vector.get("hashed_identity").asText());
      recipient.put("hashed", vector.path("hashed").asBoolean(true));
      if (vector.get("salt").isNull()) {
        recipient.remove("salt");
      } else {
        recipient.put("salt", vector.get("salt").asText());
      }
      server.json("/v/" + i, a);
      VerificationOptions.Builder b = options.toBuilder().recipients(java.util.List.of(vector.get("plaintext").asText()));
      if (vector.has("profile_emails")) {
        java.util.List<String> emails = new java.util.ArrayList<>();
        vector.get("profile_emails").forEach(e -> emails.add(e.asText()));
        java.util.Collections.reverse(emails);
        b.recipients(emails);
      }
      VerificationReport r = BadgeVerifier.create(b.build()).verify(URI.create(base + "/v/" + i));
      assertEquals(Outcome.PASS, outcome(r, CheckCode.RECIPIENT), vector + r.toJson());
      i++;
    }
  }

  @Test
  void signedBadgeVerifiesAgainstTheIssuersKey() {
    String keyUrl = base + "/key";
    server.json("/key", json("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"CryptographicKey\",\"id\":\""
        + keyUrl + "\",\"owner\":\"" + base + "/issuer\",\"publicKeyPem\":" + SafeJson.write(SafeJson.nodeFactory().textNode(Fixtures.RSA.publicKey().toSpkiPem())) + "}"));
    ObjectNode issuer = Fixtures.ob2Issuer(base);
    issuer.putArray("publicKey").add(keyUrl);
    issuer.put("revocationList", base + "/revocations");
    server.json("/issuer", issuer);
    server.json("/revocations", json("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"RevocationList\",\"revokedAssertions\":[]}"));
    ObjectNode a = Fixtures.ob2Assertion(base, "urn:uuid:0b8f3c2e-3d4a-4e5f-8a9b-1c2d3e4f5a6b");
    a.set("verification", json("{\"type\":\"SignedBadge\",\"creator\":\"" + keyUrl + "\"}"));
    String jws = Fixtures.jws(json("{\"alg\":\"RS256\"}"), SafeJson.write(a).getBytes(StandardCharsets.UTF_8), Fixtures.RSA);
    VerificationReport r = BadgeVerifier.create(options).verify(jws);
    assertTrue(r.valid(), r::toJson);
    assertEquals(Outcome.PASS, outcome(r, CheckCode.PROOF));
    assertEquals(Outcome.PASS, outcome(r, CheckCode.STATUS));

    String[] parts = jws.split("\\.");
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        SafeJson.write(a.put("issuedOn", "2025-02-01T00:00:00Z")).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertEquals(CheckCode.PROOF_INVALID, rootCause(BadgeVerifier.create(options).verify(forged)));

    server.json("/revocations", json("{\"type\":\"RevocationList\",\"revokedAssertions\":[{\"id\":\"urn:uuid:0b8f3c2e-3d4a-4e5f-8a9b-1c2d3e4f5a6b\",\"revocationReason\":\"error\"}]}"));
    assertEquals(CheckCode.REVOKED, rootCause(BadgeVerifier.create(options).verify(jws)));

    issuer.putArray("publicKey").add(base + "/other-key");
    server.json("/issuer", issuer);
    assertEquals(CheckCode.KEY_NOT_BOUND_TO_ISSUER, rootCause(BadgeVerifier.create(options).verify(jws)));
  }

  @Test
  void endorsementsOfTheBadgeClass() {
    ObjectNode badge = Fixtures.ob2BadgeClass(base);
    badge.putArray("endorsement").add(base + "/endorsements/1");
    server.json("/badge", badge);
    server.json("/endorsements/1", json("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "Endorsement", "id": "%1$s/endorsements/1",
         "issuer": "%1$s/issuer", "issuedOn": "2025-01-01T00:00:00Z", "verification": {"type": "HostedBadge"},
         "claim": {"id": "%1$s/badge", "endorsementComment": "Solid."}}
        """.formatted(base)));
    VerificationReport r = verifyUrl("/assertions/1");
    assertTrue(r.valid(), r::toJson);
    assertEquals(Outcome.PASS, outcome(r, CheckCode.ENDORSEMENT));
    server.json("/endorsements/1", json("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "Endorsement", "id": "%1$s/endorsements/1",
         "issuer": "%1$s/issuer", "issuedOn": "2025-01-01T00:00:00Z", "verification": {"type": "HostedBadge"},
         "claim": {"id": "%1$s/some-other-badge"}}
        """.formatted(base)));
    // Verified, but about another badge: listed as not verified, a warning; the badge stays VALID.
    VerificationReport other = verifyUrl("/assertions/1");
    assertEquals(Verdict.VALID, other.verdict(), other::toJson);
    assertEquals(Outcome.WARNING, outcome(other, CheckCode.ENDORSEMENT_INVALID));
    assertFalse(other.endorsements().get(0).verified());
    assertEquals("/badge/endorsement/0", other.endorsements().get(0).target());
    server.answer("/endorsements/1", 404, "text/plain", new byte[0]);
    VerificationReport gone = verifyUrl("/assertions/1");
    assertTrue(gone.valid(), gone::toJson);
    assertEquals(Outcome.WARNING, outcome(gone, CheckCode.ENDORSEMENT_INVALID));
    // The endorsement itself could not be obtained: INDETERMINATE on its own, not shown, a warning here.
    assertEquals(Verdict.INDETERMINATE, gone.endorsements().get(0).verdict());
  }

  @Test
  void anEmbeddedIssuerCannotVouchForItsOwnKey() {
    // An attacker embeds the real issuer's id but lists their own key: the hosted profile decides.
    String keyUrl = base + "/attacker-key";
    server.json("/attacker-key", json("{\"type\":\"CryptographicKey\",\"id\":\"" + keyUrl + "\",\"owner\":\"" + base
        + "/issuer\",\"publicKeyPem\":" + SafeJson.write(SafeJson.nodeFactory().textNode(Fixtures.RSA.publicKey().toSpkiPem())) + "}"));
    ObjectNode issuer = Fixtures.ob2Issuer(base);
    issuer.putArray("publicKey").add(keyUrl);
    ObjectNode badge = Fixtures.ob2BadgeClass(base);
    badge.set("issuer", issuer);
    ObjectNode a = Fixtures.ob2Assertion(base, "urn:uuid:0b8f3c2e-3d4a-4e5f-8a9b-1c2d3e4f5a6b");
    a.set("badge", badge);
    a.set("verification", json("{\"type\":\"SignedBadge\"}"));
    String jws = Fixtures.jws(json("{\"alg\":\"RS256\"}"), SafeJson.write(a).getBytes(StandardCharsets.UTF_8), Fixtures.RSA);
    // The hosted issuer (served at /issuer) lists no key at all.
    assertEquals(CheckCode.KEY_NOT_BOUND_TO_ISSUER, rootCause(BadgeVerifier.create(options).verify(jws)));
    // Once the hosted issuer publishes the key, the same badge verifies.
    server.json("/issuer", issuer);
    assertTrue(BadgeVerifier.create(options).verify(jws).valid());
  }

  @Test
  void signedBadgeAsPlainJsonLacksItsSignature() {
    ObjectNode a = Fixtures.ob2Assertion(base, "urn:uuid:0b8f3c2e-3d4a-4e5f-8a9b-1c2d3e4f5a6b");
    a.set("verification", json("{\"type\":\"SignedBadge\"}"));
    assertEquals(CheckCode.PROOF_MISSING, rootCause(BadgeVerifier.create(options).verify(SafeJson.write(a))));
  }

  @Test
  void legacyObiVersionsAreDetected() {
    String hash = IdentityHash.compute(HashAlgorithm.SHA256, Fixtures.LEARNER, Fixtures.SALT).toString();
    ObjectNode v11 = json("""
        {"@context": "https://w3id.org/openbadges/v1", "type": "Assertion", "id": "%1$s/old",
         "uid": "old-1", "recipient": {"type": "email", "hashed": true, "salt": "%3$s", "identity": "%2$s"},
         "badge": "%1$s/badge", "verify": {"type": "hosted", "url": "%1$s/old"}, "issuedOn": "2025-01-01T00:00:00Z"}
        """.formatted(base, hash, Fixtures.SALT));
    server.json("/old", v11);
    VerificationReport r = verifyUrl("/old");
    assertEquals("1.1", r.version().orElseThrow(), r::toJson);
  }

  @Test
  void offlineHostedBadgeThroughAResourcesMap(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String b = "https://badges.example.org";
    Files.writeString(dir.resolve("assertion.json"), SafeJson.write(Fixtures.ob2Assertion(b, b + "/assertions/1")));
    Files.writeString(dir.resolve("badge.json"), SafeJson.write(Fixtures.ob2BadgeClass(b)));
    Files.writeString(dir.resolve("issuer.json"), SafeJson.write(Fixtures.ob2Issuer(b)));
    Files.write(dir.resolve("badge.png"), Fixtures.png());
    Files.writeString(dir.resolve("map.json"), """
        {"%1$s/assertions/1": "assertion.json", "%1$s/badge": "badge.json", "%1$s/issuer": "issuer.json",
         "%1$s/badge.png": "badge.png", "%1$s/assertions/2": {"status": 410}}
        """.formatted(b));
    VerificationOptions offline = VerificationOptions.builder().offline(true).at(Instant.parse("2026-06-01T00:00:00Z"))
        .resources(io.github.insignia.openbadges.validation.fetch.PreloadedResources.fromMapFile(dir.resolve("map.json"))).build();
    VerificationReport r = BadgeVerifier.create(offline).verify(b + "/assertions/1");
    assertTrue(r.valid(), r::toJson);
    assertEquals(CheckCode.REVOKED, rootCause(BadgeVerifier.create(offline).verify(b + "/assertions/2")));
    assertEquals(CheckCode.FETCH_NOT_AVAILABLE_OFFLINE, rootCause(BadgeVerifier.create(offline).verify(b + "/assertions/3")));
    assertEquals(Verdict.INDETERMINATE, BadgeVerifier.create(offline).verify(b + "/assertions/3").verdict());
  }

  @Test
  void recipientKindsNeverCross() {
    BadgeVerifier anyone = BadgeVerifier.create(options.toBuilder().recipients(java.util.List.of())
        .connectTimeout(Duration.ofSeconds(3)).totalTimeout(Duration.ofSeconds(5)).build());
    // Plain email: case-insensitive, trimmed; a mailto: prefix on the candidate is ignored.
    for (String c : new String[] {Fixtures.LEARNER, "  " + Fixtures.LEARNER.toUpperCase(Locale.ROOT), "mailto:" + Fixtures.LEARNER}) {
      VerificationReport r = anyone.verify(URI.create(base + "/assertions/1"), VerificationRequest.forRecipient(c));
      assertEquals(Outcome.PASS, outcome(r, CheckCode.RECIPIENT), () -> c + r.toJson());
    }
    // A url identity is never matched by an email, and an email identity never by a url.
    ObjectNode a = Fixtures.ob2Assertion(base, base + "/u");
    ((ObjectNode) a.get("recipient")).put("type", "url").put("hashed", false).put("identity", "https://learner.example/me").remove("salt");
    server.json("/u", a);
    URI u = URI.create(base + "/u");
    assertEquals(Outcome.PASS, outcome(anyone.verify(u, VerificationRequest.forRecipient("https://learner.example/me")), CheckCode.RECIPIENT));
    assertEquals(CheckCode.RECIPIENT_MISMATCH, rootCause(anyone.verify(u, VerificationRequest.forRecipient("me@learner.example"))));
    // URLs compare exactly.
    assertEquals(CheckCode.RECIPIENT_MISMATCH, rootCause(anyone.verify(u, VerificationRequest.forRecipient("https://LEARNER.example/ME"))));
    // Hashed telephone: only a telephone candidate.
    ObjectNode t = Fixtures.ob2Assertion(base, base + "/t");
    ((ObjectNode) t.get("recipient")).put("type", "telephone").put("hashed", true)
        .put("identity", IdentityHash.compute(HashAlgorithm.SHA256, "+16175551212", "pepper").toString()).put("salt", "pepper");
    server.json("/t", t);
    URI tu = URI.create(base + "/t");
    assertEquals(Outcome.PASS, outcome(anyone.verify(tu, VerificationRequest.forRecipient("+16175551212")), CheckCode.RECIPIENT));
    assertEquals(Outcome.PASS, outcome(anyone.verify(tu, VerificationRequest.forRecipient("tel:+16175551212")), CheckCode.RECIPIENT));
    assertEquals(CheckCode.RECIPIENT_MISMATCH, rootCause(anyone.verify(tu, VerificationRequest.forRecipient(Fixtures.LEARNER))));
    // Hashed email whose issuer hashed the lower-cased address: a mixed-case candidate still matches.
    assertEquals(Outcome.PASS, outcome(anyone.verify(URI.create(base + "/assertions/1"),
        VerificationRequest.forRecipient(Fixtures.LEARNER.toUpperCase(Locale.ROOT))), CheckCode.RECIPIENT));
  }

  @Test
  void oneVerifierServesEveryUploadWithItsOwnRecipient() {
    BadgeVerifier shared = BadgeVerifier.create(options.toBuilder().recipients(java.util.List.of())
        .connectTimeout(Duration.ofSeconds(3)).totalTimeout(Duration.ofSeconds(5)).build());
    URI url = URI.create(base + "/assertions/1");
    assertEquals(Verdict.VALID, shared.verify(url, VerificationRequest.forRecipient(Fixtures.LEARNER)).verdict());
    assertEquals(CheckCode.RECIPIENT_MISMATCH, rootCause(shared.verify(url, VerificationRequest.forRecipient("other@example.org"))));
    // Without a request, the options decide (here: nobody asked).
    assertEquals(Outcome.SKIPPED, outcome(shared.verify(url), CheckCode.RECIPIENT));
    // A request replaces the options' recipients.
    assertEquals(CheckCode.RECIPIENT_MISMATCH, rootCause(BadgeVerifier.create(options)
        .verify(url, VerificationRequest.builder().recipient("other@example.org").build())));
  }

  @Test
  void recipientMissingFailsOnlyWhenARecipientIsAsked() {
    ObjectNode a = Fixtures.ob2Assertion(base, base + "/nobody");
    ((ObjectNode) a.get("recipient")).remove("identity");
    server.json("/nobody", a);
    VerificationReport asked = verifyUrl("/nobody");
    assertTrue(asked.checks(Outcome.FAIL).stream().anyMatch(c -> c.code() == CheckCode.RECIPIENT_MISSING), asked::toJson);
    // OB 2.0 requires the recipient's identity: without one asked, it is still a structural error.
    VerificationReport notAsked = BadgeVerifier.create(options.toBuilder().recipients(java.util.List.of()).build())
        .verify(URI.create(base + "/nobody"));
    assertEquals(CheckCode.OB2_PROPERTY_MISSING, rootCause(notAsked));
    assertFalse(notAsked.has(CheckCode.RECIPIENT_MISSING));
  }
}
