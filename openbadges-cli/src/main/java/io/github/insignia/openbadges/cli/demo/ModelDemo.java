package io.github.insignia.openbadges.cli.demo;

import io.github.insignia.openbadges.model.BadgeDocument;
import io.github.insignia.openbadges.model.BadgeDocuments;
import io.github.insignia.openbadges.model.Contexts;
import io.github.insignia.openbadges.model.JsonBacked;
import io.github.insignia.openbadges.model.RecipientIdentity;
import io.github.insignia.openbadges.model.ob2.Assertion;
import io.github.insignia.openbadges.model.ob2.BadgeClass;
import io.github.insignia.openbadges.model.ob2.VerificationObject;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.AchievementCredential;
import io.github.insignia.openbadges.model.ob3.AchievementSubject;
import io.github.insignia.openbadges.model.ob3.Criteria;
import io.github.insignia.openbadges.model.ob3.Image;
import io.github.insignia.openbadges.model.ob3.Profile;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Demo step: builds, with the model's builders, an OB 3.0 issuer Profile, an Achievement and an
 * awarded OpenBadgeCredential, and an OB 2.0 hosted Assertion with its BadgeClass and issuer
 * Profile, for the sample learner. Writes issuer.json, achievement.json, credential.json,
 * ob2-assertion.json, ob2-badgeclass.json and ob2-issuer.json and leaves them (as Strings) under
 * ISSUER_PROFILE, ACHIEVEMENT, OB3_CREDENTIAL, OB2_ASSERTION, OB2_BADGE_CLASS, OB2_ISSUER and
 * LEARNER_EMAIL.
 */
public final class ModelDemo implements DemoStep {
  /** The sample learner. */
  static final String LEARNER_EMAIL = "ada.lovelace@example.org";
  /** The OB 3.0 issuer. */
  static final String ISSUER_ID = "https://university.example.org/issuer";
  static final String ACHIEVEMENT_ID = "https://university.example.org/achievements/analytical-engines";
  static final String OB2_BASE = "https://badges.example.org/";

  @Override
  public String title() {
    return "Model: an issuer, an achievement and an awarded badge";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

    Profile issuer = Profile.builder()
        .id(ISSUER_ID)
        .name("Example University")
        .url("https://university.example.org/")
        .email("badges@university.example.org")
        .description("A sample university that awards Open Badges with Insignia.")
        .build();
    Achievement achievement = Achievement.builder()
        .id(ACHIEVEMENT_ID)
        .achievementType("Badge")
        .name("Analytical Engines 101")
        .description("Designed a program for Babbage's Analytical Engine and explained how it works.")
        .criteria(Criteria.builder()
            .id(ACHIEVEMENT_ID + "/criteria")
            .narrative("Write a program that computes Bernoulli numbers on the Analytical Engine, with notes.")
            .build())
        .image(Image.builder()
            .id(ACHIEVEMENT_ID + "/image.png")
            .caption("Analytical Engines 101 badge")
            .build())
        .creator(issuer)
        .addTag("computing")
        .build();
    AchievementCredential credential = AchievementCredential.builder()
        .id("urn:uuid:" + UUID.randomUUID())
        .name("Analytical Engines 101")
        .description("Ada Lovelace earned Analytical Engines 101 at Example University.")
        .issuer(issuer)
        .validFrom(now)
        .validUntil(now.plusYears(1))
        .credentialSubject(AchievementSubject.builder()
            .addIdentifier(RecipientIdentity.ob3HashedEmail(LEARNER_EMAIL))
            .achievement(achievement)
            .build())
        .build();

    io.github.insignia.openbadges.model.ob2.Profile ob2Issuer = io.github.insignia.openbadges.model.ob2.Profile.builder()
        .id(OB2_BASE + "issuers/example-university.json")
        .type("Issuer")
        .name("Example University")
        .url("https://university.example.org/")
        .email("badges@university.example.org")
        .build();
    BadgeClass badgeClass = BadgeClass.builder()
        .id(OB2_BASE + "badges/analytical-engines.json")
        .name("Analytical Engines 101")
        .description("Designed a program for Babbage's Analytical Engine and explained how it works.")
        .image(OB2_BASE + "badges/analytical-engines.png")
        .criteria(OB2_BASE + "badges/analytical-engines/criteria.html")
        .issuer(ob2Issuer.id().orElseThrow())
        .tags(java.util.List.of("computing"))
        .build();
    Assertion assertion = Assertion.builder()
        .id(OB2_BASE + "assertions/" + UUID.randomUUID() + ".json")
        .recipient(RecipientIdentity.ob2HashedEmail(LEARNER_EMAIL))
        .badge(badgeClass.id().orElseThrow())
        .verification(VerificationObject.builder().type("HostedBadge").build())
        .issuedOn(now)
        .build();

    // Published on their own, the profile and the achievement carry the contexts that define their terms.
    Profile issuerDocument = issuer.toBuilder().context(Contexts.VC_V2, Contexts.OB_V3).build();
    Achievement achievementDocument = achievement.toBuilder().context(Contexts.VC_V2, Contexts.OB_V3).build();
    save(context, "issuer.json", DemoContext.ISSUER_PROFILE, issuerDocument, "OB 3.0 issuer Profile " + ISSUER_ID);
    save(context, "achievement.json", DemoContext.ACHIEVEMENT, achievementDocument, "OB 3.0 Achievement " + ACHIEVEMENT_ID);
    save(context, "credential.json", DemoContext.OB3_CREDENTIAL, credential,
        "OB 3.0 OpenBadgeCredential for " + LEARNER_EMAIL + " (hashed, salted), valid until " + now.plusYears(1).toLocalDate());
    save(context, "ob2-issuer.json", DemoContext.OB2_ISSUER, ob2Issuer, "OB 2.0 issuer Profile " + ob2Issuer.id().orElseThrow());
    save(context, "ob2-badgeclass.json", DemoContext.OB2_BADGE_CLASS, badgeClass, "OB 2.0 BadgeClass " + badgeClass.id().orElseThrow());
    save(context, "ob2-assertion.json", DemoContext.OB2_ASSERTION, assertion, "OB 2.0 hosted Assertion " + assertion.id().orElseThrow());
    context.put(DemoContext.LEARNER_EMAIL, LEARNER_EMAIL);

    // Read the credential back through the detector: what we wrote is what a reader sees.
    BadgeDocument back = BadgeDocuments.read(credential.toJson());
    context.say("  read back credential.json: OB " + back.version().label() + " " + back.kind());
  }

  private static void save(DemoContext context, String file, String key, JsonBacked value, String what) throws Exception {
    String json = value.toPrettyJson();
    // One line per file: where it went and what it is (DemoContext.writeText would add a second).
    java.nio.file.Files.writeString(context.outputDirectory().resolve(file), json + "\n", java.nio.charset.StandardCharsets.UTF_8);
    context.say("  wrote " + context.outputDirectory().getFileName().resolve(file) + ": " + what);
    context.put(key, json);
  }
}
