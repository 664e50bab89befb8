package io.github.insignia.openbadges.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.AchievementCredential;
import io.github.insignia.openbadges.model.ob3.AchievementSubject;
import io.github.insignia.openbadges.model.ob3.Criteria;
import io.github.insignia.openbadges.model.ob3.EndorsementCredential;
import io.github.insignia.openbadges.model.ob3.EndorsementSubject;
import io.github.insignia.openbadges.model.ob3.Image;
import io.github.insignia.openbadges.model.ob3.Profile;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the OB 3.0 builders write passes the pinned OB 3.0 JSON Schemas. */
class SchemaConformanceTest {
  static Schema schema(String url) {
    byte[] bytes = PinnedDocuments.find(url).orElseThrow().bytes();
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(new ByteArrayInputStream(bytes));
  }

  static final Schema CREDENTIAL = schema(Contexts.OB_V3_ACHIEVEMENT_CREDENTIAL_SCHEMA);

  /** The same shape as the demo's credential. */
  static AchievementCredential sample() {
    Profile issuer = Profile.builder().id("https://university.example.org/issuer").name("Example University")
        .url("https://university.example.org/").email("badges@university.example.org").build();
    Achievement achievement = Achievement.builder().id("https://university.example.org/achievements/1")
        .achievementType("Badge").name("Analytical Engines 101").description("d")
        .criteria(Criteria.builder().narrative("n").build())
        .image(Image.builder().id("https://university.example.org/achievements/1/image.png").caption("c").build())
        .creator(issuer).addTag("computing").build();
    OffsetDateTime now = OffsetDateTime.parse("2026-11-28T10:00:00Z");
    return AchievementCredential.builder().id("urn:uuid:6b3d3d3e-0000-4000-8000-000000000001").name("Analytical Engines 101")
        .issuer(issuer).validFrom(now).validUntil(now.plusYears(1))
        .credentialSubject(AchievementSubject.builder()
            .addIdentifier(RecipientIdentity.ob3HashedEmail("ada.lovelace@example.org")).achievement(achievement).build())
        .build();
  }

  @Test
  void theDemoShapedCredentialIsSchemaValid() {
    assertEquals(java.util.List.of(), CREDENTIAL.validate(sample().json()));
  }

  @Test
  void generatedCredentialsAreSchemaValid() {
    qt().withFixedSeed(7L).withExamples(100).forAll(longs().all()).checkAssert(seed -> {
      AchievementCredential vc = RoundTripPropertyTest.ob3(new Random(seed));
      // VCDM 1.1 credentials are outside this (2.0) schema.
      if (!vc.isVcdm11()) {
        assertEquals(java.util.List.of(), CREDENTIAL.validate(vc.json()), vc.toJson());
      }
    });
  }

  @Test
  void anEndorsementCredentialIsSchemaValid() {
    EndorsementCredential e = EndorsementCredential.builder().id("urn:uuid:1").name("Endorsement")
        .issuer(Profile.builder().id("https://endorser.example/").build())
        .validFrom(OffsetDateTime.parse("2026-01-01T00:00:00Z"))
        .credentialSubject(EndorsementSubject.builder().id("https://university.example.org/achievements/1")
            .endorsementComment("Good").build())
        .build();
    assertEquals(java.util.List.of(), schema(Contexts.OB_V3_ENDORSEMENT_CREDENTIAL_SCHEMA).validate(e.json()));
  }

  @Test
  void theSchemaCatchesAMissingSubject() {
    AchievementCredential broken = sample().toBuilder().remove("credentialSubject").build();
    assertFalse(CREDENTIAL.validate(broken.json()).isEmpty());
  }
}
