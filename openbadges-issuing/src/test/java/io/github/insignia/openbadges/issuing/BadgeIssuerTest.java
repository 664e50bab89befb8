package io.github.insignia.openbadges.issuing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.issuing.claim.ClaimFacts;
import io.github.insignia.openbadges.issuing.claim.Requisite;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.IdentityHash;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BadgeIssuerTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123Z");
  private final TestKeys keys = new TestKeys();

  private BadgeIssuer.Builder issuer() {
    return BadgeIssuer.builder(TestKeys.profile(), keys.signer, "https://school.example/issuer#key-1")
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .defaultImage(BadgeImage.placeholder());
  }

  private static AwardRequest request(String email) {
    return AwardRequest.builder(TestKeys.achievement(), Recipient.email(email))
        .evidence(AwardEvidence.url("https://lms.example/portfolio/42"))
        .narrative("Taught a sample lesson.")
        .build();
  }

  @Test
  void idsAreDeterministicPerIssuerAchievementAndRecipient() {
    BadgeIssuer issuer = issuer().build();
    String a = issuer.award(request("Ana@Example.org")).credentialId();
    assertEquals(a, issuer.award(request(" ana@example.org ")).credentialId());
    assertNotEquals(a, issuer.award(request("bob@example.org")).credentialId());
    assertTrue(a.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), a);
  }

  @Test
  void vcJwtFollowsTheOb3Profile() throws Exception {
    Award award = issuer().defaultExpiry(ExpiryPolicy.after(Duration.ofDays(365))).build().award(request("ana@example.org"));
    String jwt = award.jwt().orElseThrow();
    ObjectNode header = TestKeys.header(jwt);
    assertEquals("EdDSA", header.get("alg").asText());
    assertEquals("JWT", header.get("typ").asText());
    assertEquals("https://school.example/issuer#key-1", header.get("kid").asText());
    ObjectNode payload = TestKeys.verifyJws(jwt, keys.pair.getPublic());
    assertEquals("https://school.example/issuer", payload.get("iss").asText());
    assertEquals(award.credentialId(), payload.get("jti").asText());
    assertEquals(Instant.parse("2026-11-28T10:15:30Z").getEpochSecond(), payload.get("nbf").asLong());
    assertEquals(payload.get("nbf").asLong() + 365 * 86400, payload.get("exp").asLong());
    assertEquals("2026-11-28T10:15:30Z", payload.get("validFrom").asText());
    assertEquals("2027-11-28T10:15:30Z", payload.get("validUntil").asText());
    assertFalse(payload.has("sub"), "a hashed e-mail recipient has no subject id");

    JsonNode identity = payload.at("/credentialSubject/identifier/0");
    assertEquals("emailAddress", identity.get("identityType").asText());
    assertTrue(identity.get("hashed").asBoolean());
    assertTrue(IdentityHash.parse(identity.get("identityHash").asText()).matches("ana@example.org", identity.get("salt").asText()));
    assertEquals("https://lms.example/portfolio/42", payload.at("/evidence/0/id").asText());
    assertEquals("Taught a sample lesson.", payload.at("/credentialSubject/narrative").asText());
    assertEquals(BadgeIssuer.OB3_CONTEXT, payload.at("/@context/1").asText());
  }

  @Test
  void standaloneDocumentsLoseTheirContextWhenEmbedded() {
    ObjectNode achievement = TestKeys.achievement();
    achievement.putArray("@context").add(BadgeIssuer.VC_V2_CONTEXT).add(BadgeIssuer.OB3_CONTEXT);
    ObjectNode profile = TestKeys.profile();
    profile.putArray("@context").add(BadgeIssuer.VC_V2_CONTEXT).add(BadgeIssuer.OB3_CONTEXT);
    ObjectNode vc = BadgeIssuer.builder(profile, keys.signer, "k").build()
        .award(AwardRequest.builder(achievement, Recipient.email("a@example.org")).build()).credential().orElseThrow();
    assertFalse(vc.get("issuer").has("@context"));
    assertFalse(vc.at("/credentialSubject/achievement").has("@context"));
  }

  @Test
  void saltsArePerRecipientAndFresh() {
    BadgeIssuer issuer = issuer().build();
    String s1 = issuer.award(request("ana@example.org")).credential().orElseThrow().at("/credentialSubject/identifier/0/salt").asText();
    String s2 = issuer.award(request("ana@example.org")).credential().orElseThrow().at("/credentialSubject/identifier/0/salt").asText();
    assertNotEquals(s1, s2);
    assertEquals(32, s1.length());
  }

  @Test
  void resultsAreCarriedInTheSubject() {
    ObjectNode result = SafeJson.nodeFactory().objectNode();
    result.putArray("type").add("Result");
    result.put("value", "92");
    ObjectNode vc = issuer().build()
        .award(AwardRequest.builder(TestKeys.achievement(), Recipient.email("a@example.org")).result(result).build())
        .credential().orElseThrow();
    assertEquals("92", vc.at("/credentialSubject/result/0/value").asText());
  }

  @Test
  void subjectIdRecipientsBecomeTheJwtSubject() throws Exception {
    Award award =
        issuer().build().award(AwardRequest.builder(TestKeys.achievement(), Recipient.subjectId("did:example:ana")).build());
    ObjectNode payload = TestKeys.verifyJws(award.jwt().orElseThrow(), keys.pair.getPublic());
    assertEquals("did:example:ana", payload.get("sub").asText());
    assertEquals("did:example:ana", payload.at("/credentialSubject/id").asText());
  }

  @Test
  void dataIntegrityProofIsMadeBeforeTheJwtAndBaked() throws Exception {
    Award award =
        issuer()
            .formats(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT)
            .prover(TestKeys.fakeProver())
            .build()
            .award(request("ana@example.org"));
    assertEquals("DataIntegrityProof", award.credential().orElseThrow().at("/proof/0/type").asText());
    ObjectNode payload = TestKeys.verifyJws(award.jwt().orElseThrow(), keys.pair.getPublic());
    assertTrue(payload.has("proof"), "the DI proof goes into the credential before it becomes the JWT payload");
    String png = new String(award.pack().png().orElseThrow(), StandardCharsets.ISO_8859_1);
    assertTrue(png.contains("iTXtopenbadgecredential\0\0\0\0\0{"), "JSON baked in an uncompressed iTXt chunk");
    String svg = award.pack().svg().orElseThrow();
    assertTrue(svg.contains("https://purl.imsglobal.org/ob/v3p0") && svg.contains("<![CDATA["), svg.substring(0, 300));
    assertEquals(award.credential().orElseThrow(),
        SafeJson.read(BadgeBaker.create().unbake(svg.getBytes(StandardCharsets.UTF_8)).payload()));
  }

  @Test
  void jwtOnlyAwardsBakeTheJwt() {
    Award award = issuer().build().award(request("ana@example.org"));
    String jwt = award.jwt().orElseThrow();
    assertTrue(new String(award.pack().png().orElseThrow(), StandardCharsets.ISO_8859_1).contains(jwt));
    assertTrue(award.pack().svg().orElseThrow().contains("verify=\"" + jwt + "\""));
  }

  @Test
  void statusEntryAndRevocation() {
    StatusService status = StatusService.builder("https://school.example/issuer", "https://school.example/status/", StatusListStore.inMemory()).build();
    BadgeIssuer issuer = issuer().status(status).build();
    Award first = issuer.award(request("ana@example.org"));
    Award retry = issuer.award(request("ana@example.org"));
    JsonNode entry = first.credential().orElseThrow().get("credentialStatus");
    assertEquals("BitstringStatusListEntry", entry.get("type").asText());
    assertEquals(entry, retry.credential().orElseThrow().get("credentialStatus"), "a retried claim keeps its slot");
    assertEquals(java.util.List.of(first.credentialId()), status.revokeRecipient("ANA@example.org", "account deleted"));
  }

  @Test
  void concurrentRetriesOfOneClaimShareTheIdAndTheSlot() throws Exception {
    StatusService status = StatusService.builder("https://school.example/issuer", "https://school.example/status/", StatusListStore.inMemory()).build();
    BadgeIssuer issuer = issuer().status(status).build();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Award>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) {
        String email = (i % 2 == 0 ? "ANA@example.org" : " ana@example.org");
        futures.add(pool.submit(() -> issuer.award(request(email))));
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      java.util.Set<String> slots = new java.util.HashSet<>();
      for (java.util.concurrent.Future<Award> f : futures) {
        Award a = f.get();
        ids.add(a.credentialId());
        slots.add(a.credential().orElseThrow().at("/credentialStatus/id").asText());
      }
      assertEquals(1, ids.size());
      assertEquals(1, slots.size());
      assertEquals(1, status.listCount());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void oneEdTechRevocationListReference() {
    StatusService status =
        StatusService.builder("https://school.example/issuer", "https://school.example/status/", StatusListStore.inMemory())
            .oneEdTechRevocationListUrl("https://school.example/revocations")
            .build();
    ObjectNode vc =
        issuer().status(status).statusMethod(BadgeIssuer.StatusMethod.ONE_EDTECH_REVOCATION_LIST).build()
            .award(request("ana@example.org")).credential().orElseThrow();
    assertEquals("1EdTechRevocationList", vc.at("/credentialStatus/type").asText());
    assertEquals(BadgeIssuer.OB3_EXTENSIONS_CONTEXT, vc.at("/@context/2").asText());
  }

  @Test
  void ob2HostedAndSignedDocuments() throws Exception {
    StatusService status =
        StatusService.builder("https://school.example/issuer", "https://school.example/status/", StatusListStore.inMemory())
            .ob2RevocationListUrl("https://school.example/ob2/revocations")
            .build();
    Award award =
        issuer()
            .formats(BadgeFormat.OB2_HOSTED, BadgeFormat.OB2_SIGNED)
            .ob2Hosting(Ob2Hosting.at("https://school.example/ob2/").withPublicKeyPem(
                io.github.insignia.openbadges.signing.keys.VerificationKey.of(keys.pair.getPublic()).toSpkiPem()))
            .status(status)
            .defaultExpiry(ExpiryPolicy.at(Instant.parse("2030-01-01T00:00:00Z")))
            .build()
            .award(request("ana@example.org"));
    Ob2Documents hosted = award.ob2Hosted().orElseThrow();
    ObjectNode assertion = hosted.assertion();
    assertEquals(hosted.assertionId(), assertion.get("id").asText());
    assertTrue(hosted.assertionId().startsWith("https://school.example/ob2/assertions/"));
    assertEquals("HostedBadge", assertion.at("/verification/type").asText());
    assertEquals("email", assertion.at("/recipient/type").asText());
    assertTrue(IdentityHash.parse(assertion.at("/recipient/identity").asText()).matches("ana@example.org", assertion.at("/recipient/salt").asText()));
    assertEquals("2030-01-01T00:00:00Z", assertion.get("expires").asText());
    ObjectNode badgeClass = hosted.documents().get(assertion.get("badge").asText());
    assertEquals("BadgeClass", badgeClass.get("type").asText());
    ObjectNode ob2Issuer = hosted.documents().get(badgeClass.get("issuer").asText());
    assertEquals("badges@school.example", ob2Issuer.get("email").asText());
    assertEquals("https://school.example/ob2/revocations", ob2Issuer.get("revocationList").asText());
    assertFalse(award.jwt().isPresent());

    ObjectNode signed = TestKeys.verifyJws(award.ob2Jws().orElseThrow(), keys.pair.getPublic());
    assertEquals(award.credentialId(), signed.get("id").asText());
    assertEquals("SignedBadge", signed.at("/verification/type").asText());
    assertEquals("EdDSA", TestKeys.header(award.ob2Jws().orElseThrow()).get("alg").asText());
  }

  @Test
  void packHasLinksWhenThereIsAPublicPage() {
    Award award = issuer().publicPageBase("https://badges.example/b/").build().award(request("ana@example.org"));
    DownloadPack pack = award.pack();
    String linkedIn = pack.linkedIn().orElseThrow().toString();
    assertTrue(linkedIn.startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Teaching%20101"), linkedIn);
    assertTrue(linkedIn.contains("organizationName=Escuela%20Ejemplo"), linkedIn);
    assertTrue(pack.shareLinks().containsKey("x"));
    JsonNode links = SafeJson.read(pack.linksJson());
    assertEquals("https://badges.example/b/" + award.credentialId().substring(9), links.get("publicPage").asText());
    assertEquals(java.util.Set.of("badge.json", "badge.jwt", "badge.png", "badge.svg", "links.json"), pack.files().keySet());
  }

  @Test
  void claimAwardsOnlyWhenEveryRequisiteHolds() {
    BadgeIssuer issuer = issuer().build();
    ClaimResult refused =
        issuer.claim(ClaimFacts.builder().badgePlatformAccount("a@x.org").trainingPlatformEmail("A@x.org ").enrolled(true).tasks(3, 8).claimMade(true).build(),
            () -> request("a@x.org"));
    assertEquals(java.util.List.of(Requisite.MINIMUM_TASKS), refused.decision().missing());
    assertTrue(refused.award().isEmpty());
    ClaimResult granted =
        issuer.claim(ClaimFacts.builder().badgePlatformAccount("a@x.org").trainingPlatformEmail("A@x.org ").enrolled(true).tasks(8, 8).claimMade(true).build(),
            () -> request("a@x.org"));
    assertTrue(granted.award().isPresent());
  }

  @Test
  void rejectsBadInputAndMisuse() {
    ObjectNode noCriteria = TestKeys.achievement();
    noCriteria.remove("criteria");
    BadgeIssuer issuer = issuer().build();
    assertEquals(IssuingErrorCode.ACHIEVEMENT_INVALID,
        assertThrows(InvalidInputException.class, () -> issuer.award(AwardRequest.builder(noCriteria, Recipient.email("a@b.c")).build())).errorCode());
    assertEquals(IssuingErrorCode.ISSUER_MISCONFIGURED,
        assertThrows(ConfigurationException.class, () -> issuer().formats(BadgeFormat.OB3_DATA_INTEGRITY).build()).errorCode());
    assertEquals(IssuingErrorCode.ISSUER_MISCONFIGURED,
        assertThrows(ConfigurationException.class, () -> issuer().formats(BadgeFormat.OB2_HOSTED).build()).errorCode());
    ObjectNode badProfile = TestKeys.profile();
    badProfile.put("type", "Person");
    assertEquals(IssuingErrorCode.PROFILE_INVALID,
        assertThrows(InvalidInputException.class, () -> BadgeIssuer.builder(badProfile, keys.signer, "k").build()).errorCode());
    assertEquals(IssuingErrorCode.RESULT_INVALID, assertThrows(ConfigurationException.class,
        () -> AwardRequest.builder(TestKeys.achievement(), Recipient.email("a@b.c")).result(SafeJson.nodeFactory().objectNode().put("value", "A"))).errorCode());
    assertEquals(IssuingErrorCode.RECIPIENT_INVALID, assertThrows(InvalidInputException.class, () -> Recipient.email("not-an-email")).errorCode());
  }

  private static String refused(org.junit.jupiter.api.function.Executable build, String expectedCode, String mentions) {
    ConfigurationException e = assertThrows(ConfigurationException.class, build);
    assertEquals(expectedCode, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(mentions), "the message says what is missing: " + e.getMessage());
    return e.getMessage();
  }

  private static StatusService.Builder status(String issuerId) {
    return StatusService.builder(issuerId, "https://school.example/status/", StatusListStore.inMemory());
  }

  @Test
  void keyIdsVerifiersCannotBindAreRefusedAtBuild() {
    refused(() -> BadgeIssuer.builder(TestKeys.profile(), keys.signer, "https://elsewhere.example/issuer#k1").build(),
        "ISSUER_KEY_UNBOUND", "https://elsewhere.example/issuer#k1");
    refused(() -> BadgeIssuer.builder(TestKeys.profile().put("id", "did:web:school.example"), keys.signer, "did:web:other.example#k").build(),
        "ISSUER_KEY_UNBOUND", "did:web");
    refused(() -> BadgeIssuer.builder(TestKeys.profile().put("id", "urn:example:school"), keys.signer, "urn:example:school#k").build(),
        "ISSUER_KEY_UNBOUND", "neither");
    // the JWT kid is checked too, and a Data Integrity key id
    refused(() -> issuer().jwtSigner(keys.signer, "https://elsewhere.example/jwks#1").build(), "ISSUER_KEY_UNBOUND", "elsewhere");
    refused(() -> BadgeIssuer.builder(TestKeys.profile(), keys.signer, "bare-kid").formats(BadgeFormat.OB3_DATA_INTEGRITY)
        .prover(TestKeys.fakeProver()).build(), "ISSUER_KEY_UNBOUND", "bare-kid");
    // a bare kid is fine for the JWT alone (bound through the origin's JWKS)
    assertEquals("https://school.example/issuer", BadgeIssuer.builder(TestKeys.profile(), keys.signer, "bare-kid").build().issuerId());
  }

  @Test
  void statusThatVerifiersWouldRejectIsRefusedAtBuild() {
    refused(() -> issuer().status(status("https://other.example/issuer").build()).build(),
        "ISSUER_MISCONFIGURED", "https://other.example/issuer");
    refused(() -> issuer().statusMethod(BadgeIssuer.StatusMethod.ONE_EDTECH_REVOCATION_LIST).build(),
        "ISSUER_MISCONFIGURED", "oneEdTechRevocationListUrl");
    refused(() -> issuer().status(status("https://school.example/issuer").build())
        .statusMethod(BadgeIssuer.StatusMethod.ONE_EDTECH_REVOCATION_LIST).build(), "ISSUER_MISCONFIGURED", "oneEdTechRevocationListUrl");
    String pem = io.github.insignia.openbadges.signing.keys.VerificationKey.of(keys.pair.getPublic()).toSpkiPem();
    refused(() -> issuer().formats(BadgeFormat.OB2_SIGNED).ob2Hosting(Ob2Hosting.at("https://school.example/ob2/").withPublicKeyPem(pem))
        .status(status("https://school.example/issuer").build()).build(), "ISSUER_MISCONFIGURED", "ob2RevocationListUrl");
    for (String bad : new String[] {"/status/", "status/", "ftp://school.example/status/", "https://school.example/status#", "urn:x:status"}) {
      refused(() -> StatusService.builder("https://school.example/issuer", bad, StatusListStore.inMemory()).build(),
          "STATUS_URL_INVALID", bad);
    }
    refused(() -> status("https://school.example/issuer").ob2RevocationListUrl("revocations").build(), "STATUS_URL_INVALID", "OB 2.0");
    refused(() -> status("https://school.example/issuer").oneEdTechRevocationListUrl("x").build(), "STATUS_URL_INVALID", "1EdTech");
  }

  @Test
  void ob2SignedKeysThatVerifiersWouldRejectAreRefused() {
    io.github.insignia.openbadges.signing.keys.SigningKey key =
        io.github.insignia.openbadges.signing.keys.SigningKey.generate(io.github.insignia.openbadges.signing.KeyType.ED25519);
    io.github.insignia.openbadges.signing.keys.SigningKey other =
        io.github.insignia.openbadges.signing.keys.SigningKey.generate(io.github.insignia.openbadges.signing.KeyType.ED25519);
    Ob2Hosting host = Ob2Hosting.at("https://school.example/ob2/");
    refused(() -> host.withPublicKeyPem("not a key"), "OB2_HOSTING_INVALID", "PEM");
    refused(() -> BadgeIssuer.builder(TestKeys.profile(), key, "https://school.example/issuer#k").formats(BadgeFormat.OB2_SIGNED)
        .ob2Hosting(host.withPublicKeyPem(other.publicKey().toSpkiPem())).build(), "ISSUER_MISCONFIGURED", "not the public key");
    // an external signer: refused without a key, accepted with Builder.publicKey (the PEM is derived from it)
    refused(() -> issuer().formats(BadgeFormat.OB2_SIGNED).ob2Hosting(host).build(), "ISSUER_MISCONFIGURED", "withPublicKeyPem");
    io.github.insignia.openbadges.signing.keys.VerificationKey pub =
        io.github.insignia.openbadges.signing.keys.VerificationKey.of(keys.pair.getPublic());
    BadgeIssuer external = issuer().publicKey(pub).formats(BadgeFormat.OB2_SIGNED).ob2Hosting(host).build();
    assertEquals(pub.toSpkiPem(), external.ob2Hosting().orElseThrow().publicKeyPem().orElseThrow());
    ObjectNode cryptographicKey = external.award(request("ana@example.org")).ob2Hosted().orElseThrow().documents().get(host.keyUrl());
    assertEquals(pub.toSpkiPem(), cryptographicKey.get("publicKeyPem").asText(), "the key URL is served, not a 404");
  }

  @Test
  void typedModelAndJsonGiveTheSameBadge() {
    io.github.insignia.openbadges.model.ob3.Achievement typed = io.github.insignia.openbadges.model.ob3.Achievement.of(TestKeys.achievement());
    io.github.insignia.openbadges.model.ob3.Profile profile = io.github.insignia.openbadges.model.ob3.Profile.of(TestKeys.profile());
    BadgeIssuer fromModel = BadgeIssuer.builder(profile, keys.signer, "https://school.example/issuer#key-1")
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    Recipient ana = Recipient.email("ana@example.org").withSalt("00112233445566778899aabbccddeeff");
    Award a = fromModel.award(AwardRequest.builder(typed, ana).build());
    Award b = issuer().build().award(AwardRequest.builder(TestKeys.achievement(), ana).build());
    assertEquals(b.credential().orElseThrow(), a.credential().orElseThrow());
    assertEquals(TestKeys.achievement(), AwardRequest.builder(typed, ana).build().achievement());
    io.github.insignia.openbadges.model.ob3.Achievement built = io.github.insignia.openbadges.model.ob3.Achievement.builder()
        .id("https://school.example/achievements/x").name("X").description("Did X.")
        .criteria(io.github.insignia.openbadges.model.ob3.Criteria.builder().narrative("Do X.").build()).build();
    assertEquals("X", fromModel.award(AwardRequest.builder(built, ana).build()).credential().orElseThrow()
        .at("/credentialSubject/achievement/name").asText());
  }
}
