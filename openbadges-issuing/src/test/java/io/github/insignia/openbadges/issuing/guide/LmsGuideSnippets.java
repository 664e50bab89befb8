package io.github.insignia.openbadges.issuing.guide;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.AwardRequest;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.ClaimResult;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.AwardEvidence;
import io.github.insignia.openbadges.issuing.ExpiryPolicy;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.Recipient;
import io.github.insignia.openbadges.issuing.batch.BatchIssuer;
import io.github.insignia.openbadges.issuing.batch.BatchResult;
import io.github.insignia.openbadges.issuing.claim.ClaimFacts;
import io.github.insignia.openbadges.issuing.status.HostedAnswer;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The code that {@code docs/guide-lms.md} quotes, region by region ({@code // tag::NAME[]} …
 * {@code // end::NAME[]}). It is compiled by the build and run by {@link LmsGuideSnippetsTest},
 * and {@link LmsGuideSnippetsTest#theGuideQuotesThisFileVerbatim} keeps the guide in step with it.
 */
final class LmsGuideSnippets {
  private static final System.Logger LOG = System.getLogger("guide");

  private LmsGuideSnippets() {}

  static BadgeIssuer setUp(SigningKey key, StatusListStore store) {
    // tag::setup[]
    // The issuer's identity: a did:web DID whose did.json lists its keys (see "Key management").
    String issuerId = "did:web:school.example";
    ObjectNode profile = SafeJson.nodeFactory().objectNode();
    profile.put("id", issuerId);
    profile.putArray("type").add("Profile");
    profile.put("name", "Escuela Ejemplo");
    profile.put("url", "https://school.example");

    // Status: every credential gets a slot in a Bitstring Status List, kept by a store that
    // survives restarts: StatusListStore.file(folder), or your database behind the SPI.
    StatusService status =
        StatusService.builder(issuerId, "https://school.example/status/", store)
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
    return issuer;
  }

  static Award issueOnCompletion(BadgeIssuer issuer, ObjectNode achievement, String email) {
    // tag::issue[]
    // Called from your "course completed" event. Safe to retry: the same issuer, achievement and
    // learner always give the same credential id (and the same status slot).
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

  static String claim(BadgeIssuer issuer, ObjectNode achievement) {
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
      Award award = result.award().orElseThrow();
      // … show the download pack
    } else {
      // "Has completado 6 de las 8 tareas obligatorias. Completa 2 más para obtener esta insignia."
      List<String> messages = result.decision().messages(Locale.forLanguageTag("es"));
      // … show the messages instead of "contact support"
    }
    // end::claim[]
    return result.decision().messages(Locale.forLanguageTag("es")).get(0);
  }

  static BatchResult bulk(BadgeIssuer issuer, ObjectNode achievement, Path roster, Path artwork, Path out)
      throws IOException {
    // tag::bulk[]
    // roster.csv: a header row with email (or identifier); name, evidence, narrative optional.
    BatchResult result =
        BatchIssuer.builder(issuer, achievement)
            .image(BadgeImage.read(Files.readAllBytes(artwork))) // PNG or SVG
            .build()
            .run(roster, out, progress -> LOG.log(System.Logger.Level.DEBUG,
                "{0} learners, {1}/s", progress.done(), progress.rate()));
    // out/<credential uuid>/{badge.json, badge.jwt, badge.png, badge.svg, links.json}, out/summary.json;
    // run it again after a crash: finished learners are skipped, the rest are issued.
    // end::bulk[]
    return result;
  }

  static List<String> revoke(BadgeIssuer issuer, Award award, CredentialProver listSigner, Map<String, String> site) {
    StatusService status = issuer.status().orElseThrow();
    // tag::revoke[]
    // One badge:
    status.revoke(award.credentialId(), "Awarded in error");
    // Account deletion: every badge of the learner, in one call.
    List<String> revoked = status.revokeRecipient("ana.garcia@school.example", "Account deleted");

    // Then publish what verifiers fetch (signed, like the badges):
    for (long list = 0; list < status.listCount(); list++) {
      ObjectNode listCredential = status.statusListCredential(list, listSigner); // Issuers.dataIntegrity(key, keyId)
      site.put(status.statusListUrl(list), SafeJson.write(listCredential));
    }
    // end::revoke[]
    return revoked;
  }

  static HostedAnswer ob2Hosted(StatusService status, String credentialId, ObjectNode assertion) {
    // tag::ob2[]
    // Hosted OB 2.0 assertions: answer 410 Gone with {"revoked": true, …} once revoked.
    HostedAnswer answer = status.hostedAssertion(credentialId, assertion);
    // response.setStatus(answer.status()); response.setContentType(answer.contentType());
    // response.getWriter().write(answer.body());
    // end::ob2[]
    return answer;
  }

  static ObjectNode rotate(String issuerId, SigningKey oldKey, SigningKey newKey, Map<String, String> site) {
    // tag::rotate[]
    // Rotation: sign new badges with the new key, and keep publishing the old public key so that
    // badges signed before the rotation still verify. did.json lists both:
    ObjectNode didDocument =
        KeyDocuments.didDocument(issuerId, List.of(newKey.publicKey(), oldKey.publicKey()));
    site.put("https://school.example/.well-known/did.json", SafeJson.writePretty(didDocument));
    // Never remove a key that signed badges still in circulation; if a key leaks, revoke what it
    // signed (status.revoke) and re-issue with the new key instead of unpublishing it.
    // end::rotate[]
    return didDocument;
  }
}
