package io.github.insignia.openbadges.issuing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.status.HostedAnswer;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.CheckCode;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The acceptance: every award verifies with the validation module in every format it was
 * produced in, and revoking flips the verdict to revoked in every format.
 */
class AcceptanceTest {
  private static final String OB2_BASE = "https://school.example/ob2/";
  private final SigningKey key = SigningKey.generate(KeyType.ED25519);
  private final String issuerId = key.publicKey().didKey();
  private final StatusService status =
      StatusService.builder(issuerId, "https://school.example/status/", StatusListStore.inMemory())
          .ob2RevocationListUrl(OB2_BASE + "revocations")
          .build();

  private BadgeIssuer issuer(BadgeFormat first, BadgeFormat... more) {
    String vm = Issuers.verificationMethodFor(issuerId, key.publicKey());
    ObjectNode profile = TestKeys.profile();
    profile.put("id", issuerId);
    return BadgeIssuer.builder(profile, key, vm)
        .formats(first, more)
        .prover(Issuers.dataIntegrity(key, vm).orElseThrow())
        .status(status)
        .ob2Hosting(Ob2Hosting.at(OB2_BASE).withPublicKeyPem(key.publicKey().toSpkiPem()))
        .defaultImage(BadgeImage.placeholder())
        .build();
  }

  /** What the host publishes: the status list credential (signed) and any OB 2.0 documents. */
  private BadgeVerifier verifier(Map<String, String> published) {
    PreloadedResources.Builder resources = PreloadedResources.builder();
    for (long list = 0; list < status.listCount(); list++) {
      ObjectNode signed = status.statusListCredential(list, Issuers.dataIntegrity(key, Issuers.verificationMethodFor(issuerId, key.publicKey())).orElseThrow());
      resources.put(status.statusListUrl(list), "application/vc+ld+json", SafeJson.write(signed).getBytes(StandardCharsets.UTF_8));
    }
    published.forEach((url, body) -> resources.put(url, "application/ld+json", body.getBytes(StandardCharsets.UTF_8)));
    return BadgeVerifier.create(VerificationOptions.builder().offline(true).resources(resources.build()).build());
  }

  private static void assertValid(VerificationReport report, String what) {
    assertTrue(report.valid(), what + ": " + report.summary() + "\n" + report.checks());
  }

  private static void assertRevoked(VerificationReport report, String what) {
    assertTrue(!report.valid() && report.has(CheckCode.REVOKED), what + ": " + report.summary() + "\n" + report.checks());
  }

  @Test
  void ob3DataIntegrityJwtAndBakedImagesVerifyAndThenRevoke() {
    Award award = issuer(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT)
        .award(AwardRequest.builder(TestKeys.achievement(), Recipient.email("ana@example.org")).narrative("Well done").build());
    Map<String, byte[]> files = award.pack().files();
    BadgeVerifier before = verifier(Map.of());
    for (String f : new String[] {"badge.json", "badge.jwt", "badge.png", "badge.svg"}) {
      assertValid(before.verify(files.get(f)), f);
    }
    assertEquals(java.util.List.of(award.credentialId()), status.revokeRecipient("ANA@example.org", "account deleted"));
    BadgeVerifier after = verifier(Map.of());
    for (String f : new String[] {"badge.json", "badge.jwt", "badge.png", "badge.svg"}) {
      assertRevoked(after.verify(files.get(f)), f);
    }
  }

  /** An issuer {@code id} signing Data Integrity proofs and VC-JWTs with {@code signer}. */
  private static BadgeIssuer diAndJwt(SigningKey signer, String id) {
    String vm = Issuers.verificationMethodFor(id, signer.publicKey());
    ObjectNode profile = TestKeys.profile();
    profile.put("id", id);
    return BadgeIssuer.builder(profile, signer, vm)
        .formats(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT)
        .prover(Issuers.dataIntegrity(signer, vm).orElseThrow())
        .defaultImage(BadgeImage.placeholder())
        .build();
  }

  /** A host whose HSM requires a NIST curve: a P-256 or P-384 signer makes ecdsa-rdfc-2019 proofs and ES256/ES384 JWTs. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = KeyType.class, names = {"P256", "P384"})
  void ecdsaIssuersAwardsVerify(KeyType type) {
    SigningKey ec = SigningKey.generate(type);
    Award award = diAndJwt(ec, ec.publicKey().didKey())
        .award(AwardRequest.builder(TestKeys.achievement(), Recipient.email("eva@example.org")).build());
    Map<String, byte[]> files = award.pack().files();
    ObjectNode credential = (ObjectNode) SafeJson.read(new String(files.get("badge.json"), StandardCharsets.UTF_8));
    assertEquals("ecdsa-rdfc-2019", credential.get("proof").get("cryptosuite").asText());
    assertEquals(type == KeyType.P256 ? "ES256" : "ES384", TestKeys.header(award.jwt().orElseThrow()).get("alg").asText());
    BadgeVerifier verifier = BadgeVerifier.create(VerificationOptions.builder().offline(true).build());
    assertValid(verifier.verify(files.get("badge.json")), type + " badge.json");
    assertValid(verifier.verify(files.get("badge.jwt")), type + " badge.jwt");
  }

  @Test
  void separateRsaKeysForTheJwtAndOb2Verify() {
    SigningKey rsa = SigningKey.generate(KeyType.RSA);
    String vm = Issuers.verificationMethodFor(issuerId, key.publicKey());
    ObjectNode profile = TestKeys.profile();
    profile.put("id", issuerId);
    Award award = BadgeIssuer.builder(profile, key, vm)
        .formats(BadgeFormat.OB3_JWT, BadgeFormat.OB2_SIGNED)
        .jwtSigner(rsa, issuerId + "#rsa")
        .ob2Signer(rsa)
        .ob2Hosting(Ob2Hosting.at(OB2_BASE).withPublicKeyPem(rsa.publicKey().toSpkiPem()))
        .build()
        .award(AwardRequest.builder(TestKeys.achievement(), Recipient.email("eve@example.org")).build());
    assertEquals("RS256", TestKeys.header(award.jwt().orElseThrow()).get("alg").asText());
    assertEquals("RS256", TestKeys.header(award.ob2Jws().orElseThrow()).get("alg").asText());
    Map<String, String> published = new LinkedHashMap<>();
    award.ob2Hosted().orElseThrow().documents().forEach((url, doc) -> published.put(url, SafeJson.write(doc)));
    assertValid(verifier(published).verify(award.ob2Jws().orElseThrow()), "RS256 signed OB 2.0");
  }

  @Test
  void ob2HostedAndSignedVerifyAndThenRevoke() {
    Award award = issuer(BadgeFormat.OB2_HOSTED, BadgeFormat.OB2_SIGNED)
        .award(AwardRequest.builder(TestKeys.achievement(), Recipient.email("bob@example.org")).build());
    Ob2Documents hosted = award.ob2Hosted().orElseThrow();
    Map<String, String> published = new LinkedHashMap<>();
    hosted.documents().forEach((url, doc) -> published.put(url, SafeJson.write(doc)));
    Ob2Hosting host = Ob2Hosting.at(OB2_BASE);
    assertTrue(published.containsKey(host.keyUrl()), "the CryptographicKey is among the documents to serve");
    published.put(OB2_BASE + "revocations", SafeJson.write(status.ob2RevocationList()));

    assertValid(verifier(published).verify(URI.create(hosted.assertionId())), "hosted");
    assertValid(verifier(published).verify(award.ob2Jws().orElseThrow()), "signed");
    assertValid(verifier(published).verify(award.pack().png().orElseThrow()), "baked OB 2.0 PNG (signed)");

    status.revoke(award.credentialId(), "issued in error");
    HostedAnswer answer = status.hostedAssertion(award.credentialId(), hosted.assertion());
    assertEquals(410, answer.status());
    published.put(hosted.assertionId(), answer.body());
    published.put(OB2_BASE + "revocations", SafeJson.write(status.ob2RevocationList()));
    assertRevoked(verifier(published).verify(URI.create(hosted.assertionId())), "hosted");
    assertRevoked(verifier(published).verify(award.ob2Jws().orElseThrow()), "signed");
    assertRevoked(verifier(published).verify(award.pack().svg().orElseThrow().getBytes(StandardCharsets.UTF_8)), "baked OB 2.0 SVG");
  }

  /** Issue 12: served at the ids the badges name, the published documents make https and did:web badges verify. */
  @Test
  void publishedDocumentsBindTheKeyForHttpsAndDidWebIssuers() {
    for (String id : new String[] {"https://school.example/issuer", "did:web:school.example"}) {
      BadgeIssuer issuer = diAndJwt(key, id);
      Map<URI, ObjectNode> docs = issuer.publishedDocuments();
      assertTrue(docs.keySet().stream().anyMatch(u -> u.toString().equals(id)
          || u.toString().equals("https://school.example/.well-known/did.json")), docs::toString);
      PreloadedResources.Builder resources = PreloadedResources.builder();
      docs.forEach((url, doc) -> resources.put(url.toString(), "application/json", SafeJson.write(doc).getBytes(StandardCharsets.UTF_8)));
      BadgeVerifier verifier = BadgeVerifier.create(VerificationOptions.builder().offline(true).resources(resources.build()).build());
      Map<String, byte[]> files = issuer.award(AwardRequest.builder(TestKeys.achievement(), Recipient.email("ana@example.org")).build()).pack().files();
      for (String f : new String[] {"badge.json", "badge.jwt", "badge.png"}) {
        assertValid(verifier.verify(files.get(f)), id + " " + f);
      }
    }
    assertTrue(BadgeIssuer.builder(TestKeys.profile().put("id", key.publicKey().didKey()), key, key.publicKey().didKeyVerificationMethod())
        .build().publishedDocuments().isEmpty());
    assertEquals("ISSUER_KEY_UNBOUND", org.junit.jupiter.api.Assertions.assertThrows(io.github.insignia.openbadges.ConfigurationException.class,
        () -> BadgeIssuer.builder(TestKeys.profile().put("id", "https://school.example/issuer"), key, "https://elsewhere.example/key")
            .build().publishedDocuments()).code());
  }

  @Test
  void ob2SignedWithoutAPublishableKeyIsRefused() {
    ObjectNode profile = TestKeys.profile();
    assertEquals("ISSUER_MISCONFIGURED", org.junit.jupiter.api.Assertions.assertThrows(io.github.insignia.openbadges.ConfigurationException.class,
        () -> BadgeIssuer.builder(profile, new TestKeys().signer, "https://school.example/issuer#k")
            .formats(BadgeFormat.OB2_SIGNED).ob2Hosting(Ob2Hosting.at(OB2_BASE)).build()).code());
  }
}
