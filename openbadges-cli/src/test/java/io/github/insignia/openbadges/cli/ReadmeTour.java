package io.github.insignia.openbadges.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.baking.BadgePayload;
import io.github.insignia.openbadges.baking.UnbakedBadge;
import io.github.insignia.openbadges.export.BadgeSummary;
import io.github.insignia.openbadges.export.LinkedInAddToProfile;
import io.github.insignia.openbadges.export.VerificationStatus;
import io.github.insignia.openbadges.model.BadgeDocument;
import io.github.insignia.openbadges.model.BadgeDocuments;
import io.github.insignia.openbadges.model.ReadOptions;
import io.github.insignia.openbadges.model.RecipientIdentity;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.AchievementCredential;
import io.github.insignia.openbadges.model.ob3.AchievementSubject;
import io.github.insignia.openbadges.model.ob3.Criteria;
import io.github.insignia.openbadges.model.ob3.Profile;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The README's five-minute tour, as code the build compiles and {@code ReadmeTourTest} runs. The
 * README quotes the region between the tag comments word for word.
 */
final class ReadmeTour {
  record Outcome(BadgeDocument read, String jwt, UnbakedBadge unbaked, VerificationReport report,
      VerificationReport reportEs, URI linkedIn) {}

  private ReadmeTour() {}

  static Outcome run(byte[] artworkPng) {
    // tag::tour[]
    // 1. Keys: an Ed25519 issuer key; its did:key resolves offline.
    SigningKey key = SigningKey.generate(KeyType.ED25519);
    String issuerDid = key.publicKey().didKey();
    String verificationMethod = key.publicKey().didKeyVerificationMethod();

    // 2. The model: immutable values with builders; unknown members survive a round trip.
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    AchievementCredential credential = AchievementCredential.builder()
        .id("urn:uuid:4f8c1a52-0d7e-4a8e-9a55-1c2d3e4f5a6b")
        .name("Teaching with open data")
        .issuer(Profile.builder().id(issuerDid).name("Example University").build())
        .validFrom(now)
        .validUntil(now.plusYears(2))
        .credentialSubject(AchievementSubject.builder()
            .addIdentifier(RecipientIdentity.ob3HashedEmail("ada.lovelace@example.org")) // salted
            .achievement(Achievement.builder()
                .id("https://university.example.org/achievements/open-data")
                .name("Teaching with open data")
                .description("Designed and taught a lesson built on public data sets.")
                .criteria(Criteria.builder().narrative("Complete the course and its project.").build())
                .build())
            .build())
        .build();

    // 3. Sign: a Data Integrity proof (eddsa-rdfc-2022) and a VC-JWT. Share the DataIntegrity
    //    instance: each pinned JSON-LD context is processed once.
    DataIntegrity dataIntegrity = DataIntegrity.create();
    ObjectNode signed = dataIntegrity.sign(credential.json(), key,
        ProofOptions.builder(verificationMethod).build());
    String jwt = VcJwt.sign(credential.json(), key, verificationMethod);

    // 4. Bake it into the badge's PNG (or SVG): one iTXt chunk, every other byte kept.
    BadgeBaker baker = BadgeBaker.create();
    byte[] bakedPng = baker.bake(artworkPng, BadgePayload.of(signed.toString()));
    UnbakedBadge unbaked = baker.unbake(bakedPng);

    // 5. Import: every check a platform must run, with the reason in English or Spanish.
    BadgeVerifier verifier = BadgeVerifier.create(VerificationOptions.builder()
        .recipient("ada.lovelace@example.org")
        .offline(true)
        .build());
    VerificationReport report = verifier.verify(bakedPng);
    report.verdict();                                          // VALID (or INVALID, INDETERMINATE)
    report.valid();                                            // true only for VALID
    report.summary();                                          // "VALID: this badge passed …"
    report.warnings();                                         // what a verifier need not enforce
    VerificationReport reportEs = report.inLocale(Locale.forLanguageTag("es"));

    // 6. Export: "Add to LinkedIn", refused for a badge that is revoked, expired or unverified.
    URI linkedIn = LinkedInAddToProfile.builder(
            BadgeSummary.fromJson(signed, VerificationStatus.VERIFIED))
        .certUrl(URI.create("https://university.example.org/badges/ada/open-data"))
        .build();

    // Read any badge JSON (OB 0.5 to 3.0): version and kind are detected.
    BadgeDocument read = BadgeDocuments.read(unbaked.payload(), ReadOptions.defaults());
    // end::tour[]
    return new Outcome(read, jwt, unbaked, report, reportEs, linkedIn);
  }
}
