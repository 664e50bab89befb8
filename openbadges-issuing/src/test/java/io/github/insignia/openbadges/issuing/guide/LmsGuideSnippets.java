package io.github.insignia.openbadges.issuing.guide;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.AwardEvidence;
import io.github.insignia.openbadges.issuing.AwardRequest;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.ClaimResult;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.ExpiryPolicy;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.Ob2Documents;
import io.github.insignia.openbadges.issuing.Ob2Hosting;
import io.github.insignia.openbadges.issuing.Recipient;
import io.github.insignia.openbadges.issuing.batch.BatchIssuer;
import io.github.insignia.openbadges.issuing.batch.BatchResult;
import io.github.insignia.openbadges.issuing.claim.ClaimFacts;
import io.github.insignia.openbadges.issuing.status.HostedAnswer;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.Criteria;
import io.github.insignia.openbadges.model.ob3.Profile;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.HttpResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import io.github.insignia.openbadges.validation.fetch.ResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.ResourceFetchers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The code that {@code docs/guide-lms.md} quotes, region by region ({@code // tag::NAME[]} …
 * {@code // end::NAME[]}). It is compiled by the build and run by {@link LmsGuideSnippetsTest},
 * and {@link LmsGuideSnippetsTest#theGuideQuotesThisFileVerbatim} keeps the guide in step with it.
 *
 * <p>Each region is the whole body of its method up to the {@code return}, and every parameter of
 * that method is a variable an earlier region declares under the same name: a reader who pastes
 * the guide's snippets in order has every variable defined (the test checks both).
 */
final class LmsGuideSnippets {
  private LmsGuideSnippets() {}

  /** What the first snippet defines. */
  record Basics(Path dataDir, SigningKey key, StatusListStore store) {}

  /** What the setup snippet defines. */
  record Setup(String issuerId, Profile profile, StatusService status, String keyId, BadgeIssuer issuer) {}

  static Basics basics() throws IOException {
    // tag::basics[]
    // Your platform's configuration: a folder for badge state and the issuer's private key (a JWK,
    // PEM or Multikey file made with `insignia keygen`, or text from your secrets manager).
    Path dataDir = Path.of(System.getProperty("lms.badges.dir", "/var/lib/lms/badges"));
    SigningKey key = Keys.parsePrivateKey(Files.readString(dataDir.resolve("issuer-key.jwk")));
    // Status slots and revocations, kept across restarts (or your database behind the SPI):
    StatusListStore store = StatusListStore.file(dataDir.resolve("status"));
    // end::basics[]
    return new Basics(dataDir, key, store);
  }

  static Setup setUp(SigningKey key, StatusListStore store) {
    // tag::setup[]
    // The issuer's identity: a did:web DID whose did.json lists its keys (section 5).
    String issuerId = "did:web:school.example";
    Profile profile =
        Profile.builder() // or Profile.of(json); BadgeIssuer.builder also takes the ObjectNode
            .id(issuerId)
            .name("Escuela Ejemplo")
            .url("https://school.example")
            .email("badges@school.example")
            .build();

    // Status: every credential gets a slot in a Bitstring Status List; OB 2.0 badges are revoked
    // through the OB 2.0 revocation list.
    StatusService status =
        StatusService.builder(issuerId, "https://school.example/status/", store)
            .ob2RevocationListUrl("https://school.example/ob2/revocations")
            .ttl(Duration.ofMinutes(10))
            .build();

    String keyId = Issuers.verificationMethodFor(issuerId, key.publicKey()); // did:web:…#z6Mk…
    BadgeIssuer issuer =
        BadgeIssuer.builder(profile, key, keyId)
            .formats(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT)
            .prover(Issuers.dataIntegrity(key, keyId).orElseThrow())
            .status(status)
            .defaultExpiry(ExpiryPolicy.after(Duration.ofDays(2 * 365)))
            .defaultImage(BadgeImage.placeholder()) // or BadgeImage.read(your PNG or SVG artwork)
            .publicPageBase("https://school.example/badges/")
            .build();
    // end::setup[]
    return new Setup(issuerId, profile, status, keyId, issuer);
  }

  static Achievement achievement() {
    // tag::achievement[]
    // What a course awards (or Achievement.of(json) from your catalogue; an ObjectNode works too).
    Achievement achievement =
        Achievement.builder()
            .id("https://school.example/achievements/teaching-101")
            .name("Teaching 101")
            .description("Completed the Teaching 101 course.")
            .criteria(Criteria.builder().narrative("Complete 8 of the 10 tasks.").build())
            .build();
    // end::achievement[]
    return achievement;
  }

  static Award issueOnCompletion(BadgeIssuer issuer, Achievement achievement) {
    // tag::issue[]
    // Called from your "course completed" event. Safe to retry: the same issuer, achievement and
    // learner always give the same credential id (and the same status slot).
    String email = "ana.garcia@school.example"; // from the event
    AwardRequest request =
        AwardRequest.builder(achievement, Recipient.email(email))
            .evidence(AwardEvidence.url("https://lms.school.example/portfolio/42"))
            .narrative("Designed and taught a lesson using the course method.")
            .build();
    Award award = issuer.award(request);

    String id = award.credentialId();                  // urn:uuid:… (UUID v5), store it with the enrolment
    String json = award.pack().json().orElseThrow();    // badge.json, with its eddsa-rdfc-2022 proof
    String jwt = award.pack().jwt().orElseThrow();      // badge.jwt, the VC-JWT
    byte[] png = award.pack().png().orElseThrow();      // badge.png, baked
    String linkedIn = award.pack().linkedIn().orElseThrow().toString(); // "Add to profile"
    // end::issue[]
    if (id.isEmpty() || json.isEmpty() || jwt.isEmpty() || png.length == 0 || linkedIn.isEmpty()) {
      throw new AssertionError();
    }
    return award;
  }

  static String claim(BadgeIssuer issuer, Achievement achievement) {
    // tag::claim[]
    ClaimFacts facts =
        ClaimFacts.builder()
            .badgePlatformAccount("Ana.Garcia@school.example") // omit when the learner has no account
            .trainingPlatformEmail("ana.garcia@school.example ")
            .enrolled(true)
            .tasks(6, 8) // completed, required
            .claimMade(true)
            .build();
    ClaimResult result =
        issuer.claim(facts, () -> AwardRequest.builder(achievement, Recipient.email("ana.garcia@school.example")).build());
    if (result.decision().granted()) {
      Award granted = result.award().orElseThrow();
      // … show the download pack
    } else {
      // "Has completado 6 de las 8 tareas obligatorias. Completa 2 más para obtener esta insignia."
      List<String> messages = result.decision().messages(Locale.forLanguageTag("es"));
      // … show the messages instead of "contact support"
    }
    // end::claim[]
    return result.decision().messages(Locale.forLanguageTag("es")).get(0);
  }

  static BatchResult bulk(Path dataDir, BadgeIssuer issuer, Achievement achievement) throws IOException {
    // tag::bulk[]
    // roster.csv: a header row with email (or identifier); name, evidence, narrative optional.
    Path roster = dataDir.resolve("teaching-101/roster.csv");
    Path artwork = dataDir.resolve("teaching-101/artwork.png"); // PNG or SVG
    Path out = dataDir.resolve("teaching-101/badges");
    System.Logger log = System.getLogger("lms.badges");
    BatchResult batch =
        BatchIssuer.builder(issuer, achievement)
            .image(BadgeImage.read(Files.readAllBytes(artwork)))
            .build()
            .run(roster, out, progress -> log.log(System.Logger.Level.DEBUG,
                "{0} learners, {1}/s", progress.done(), progress.rate()));
    // out/<credential uuid>/{badge.json, badge.jwt, badge.png, badge.svg, links.json}, out/summary.json;
    // run it again after a crash: finished learners are skipped, the rest are issued.
    // end::bulk[]
    return batch;
  }

  static Map<String, String> publish(BadgeIssuer issuer, SigningKey key, String keyId, StatusService status) {
    // tag::publish[]
    // What verifiers fetch, by the URL to serve it at (this map stands in for your web server or
    // CDN: serve each body as application/json, did.json as application/did+json).
    Map<String, String> site = new LinkedHashMap<>();
    // The documents that bind your key to your issuer id: here https://school.example/.well-known/did.json.
    issuer.publishedDocuments().forEach((url, document) -> site.put(url.toString(), SafeJson.write(document)));
    // The status lists, signed like the badges. Publish them again after each revocation.
    CredentialProver listSigner = Issuers.dataIntegrity(key, keyId).orElseThrow();
    for (long list = 0; list < status.listCount(); list++) {
      site.put(status.statusListUrl(list), SafeJson.write(status.statusListCredential(list, listSigner)));
    }
    // end::publish[]
    return site;
  }

  static VerificationReport[] verify(Map<String, String> site, Award award) {
    // tag::verify[]
    // Before deploying (and in your tests): check a badge against exactly what you serve, offline.
    PreloadedResources.Builder served = PreloadedResources.builder();
    site.forEach((url, body) -> served.put(url, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    BadgeVerifier preflight =
        BadgeVerifier.create(VerificationOptions.builder().offline(true).resources(served.build()).build());
    VerificationReport report = preflight.verify(award.pack().png().orElseThrow());
    // report.valid(), report.summary(), report.checks() (each check's code, outcome and message)

    // Checking uploads (any issuer's badges): one verifier for the whole platform. Your own
    // documents are answered from memory; everything else through the fetcher (the default
    // refuses private addresses and bounds size and time), here behind a shared cache.
    ResourceFetcher network =
        ResourceFetchers.caching(HttpResourceFetcher.create(),
            ResourceFetchers.inMemoryCache(10_000, Duration.ofMinutes(10), Clock.systemUTC()));
    BadgeVerifier uploads =
        BadgeVerifier.create(VerificationOptions.builder().resources(served.build()).fetcher(network).build());
    VerificationReport upload = uploads.verify(award.pack().json().orElseThrow());
    // end::verify[]
    return new VerificationReport[] {report, upload};
  }

  static List<String> revoke(StatusService status, Award award, CredentialProver listSigner, Map<String, String> site) {
    // tag::revoke[]
    // One badge:
    status.revoke(award.credentialId(), "Awarded in error");
    // Account deletion: every badge of the learner, in one call.
    List<String> revoked = status.revokeRecipient("ana.garcia@school.example", "Account deleted");

    // Then publish the lists again (and the OB 2.0 revocation list, section 7):
    for (long list = 0; list < status.listCount(); list++) {
      site.put(status.statusListUrl(list), SafeJson.write(status.statusListCredential(list, listSigner)));
    }
    site.put(status.ob2RevocationListUrl().orElseThrow(), SafeJson.write(status.ob2RevocationList()));
    // end::revoke[]
    return revoked;
  }

  static Award ob2(Path dataDir, Profile profile, SigningKey key, String keyId, StatusService status,
      Achievement achievement, Map<String, String> site) throws IOException {
    // tag::ob2[]
    // OB 2.0 for older backpacks: hosted and signed assertions, documents under one base URL.
    // Most OB 2.0 verifiers expect RS256, so the assertions are signed with an RSA key.
    SigningKey rsaKey = Keys.parsePrivateKey(Files.readString(dataDir.resolve("ob2-key.pem")));
    BadgeIssuer ob2Issuer =
        BadgeIssuer.builder(profile, key, keyId)
            .formats(BadgeFormat.OB2_HOSTED, BadgeFormat.OB2_SIGNED)
            .ob2Signer(rsaKey)
            // The CryptographicKey published at keys/signing: derived from a SigningKey, but give
            // it yourself when the signer is a KMS or HSM (build() refuses without it).
            .ob2Hosting(Ob2Hosting.at("https://school.example/ob2/").withPublicKeyPem(rsaKey.publicKey().toSpkiPem()))
            .status(status) // with its ob2RevocationListUrl: build() refuses signed OB 2.0 without one
            .defaultImage(BadgeImage.placeholder())
            .build();
    Award ob2Award = ob2Issuer.award(AwardRequest.builder(achievement, Recipient.email("dan@school.example")).build());

    // Serve every document at its URL: the hosted assertion, the BadgeClass, the issuer (listing
    // the key and the revocation list) and the key; then the revocation list itself.
    ob2Award.ob2Hosted().orElseThrow().documents().forEach((url, document) -> site.put(url, SafeJson.write(document)));
    site.put(status.ob2RevocationListUrl().orElseThrow(), SafeJson.write(status.ob2RevocationList()));
    String signedAssertion = ob2Award.ob2Jws().orElseThrow(); // what badge.png carries
    // end::ob2[]
    if (signedAssertion.isEmpty()) {
      throw new AssertionError();
    }
    return ob2Award;
  }

  static HostedAnswer ob2Hosted(StatusService status, Award ob2Award) {
    // tag::ob2hosted[]
    // At a hosted assertion's URL, answer what the status service says: the assertion (200), or
    // 410 Gone with {"revoked": true, …} once revoked.
    Ob2Documents hosted = ob2Award.ob2Hosted().orElseThrow();
    HostedAnswer answer = status.hostedAssertion(ob2Award.credentialId(), hosted.assertion());
    // response.setStatus(answer.status()); response.setContentType(answer.contentType());
    // response.getWriter().write(answer.body());
    // end::ob2hosted[]
    return answer;
  }

  static SigningKey rotate(String issuerId, SigningKey key, Map<String, String> site) {
    // tag::rotate[]
    // Rotation: a new key signs from now on, and the old public key stays published so that badges
    // signed before the rotation still verify. did.json lists both (publishedDocuments() lists
    // only the current key: publish this one instead from now on).
    SigningKey newKey = SigningKey.generate(KeyType.ED25519); // or `insignia keygen`, kept in your secrets
    ObjectNode didDocument = KeyDocuments.didDocument(issuerId, List.of(newKey.publicKey(), key.publicKey()));
    site.put("https://school.example/.well-known/did.json", SafeJson.writePretty(didDocument));
    // Then build the issuer with newKey as in section 1. Never remove a key that signed badges still
    // in circulation; if a key leaks, revoke what it signed and re-issue with the new key.
    // end::rotate[]
    return newKey;
  }
}
