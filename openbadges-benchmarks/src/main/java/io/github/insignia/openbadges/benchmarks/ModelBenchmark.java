package io.github.insignia.openbadges.benchmarks;

import io.github.insignia.openbadges.model.BadgeDocument;
import io.github.insignia.openbadges.model.BadgeDocuments;
import io.github.insignia.openbadges.model.ReadOptions;
import io.github.insignia.openbadges.model.RecipientIdentity;
import io.github.insignia.openbadges.model.ob2.IdentityObject;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.AchievementCredential;
import io.github.insignia.openbadges.model.ob3.AchievementSubject;
import io.github.insignia.openbadges.model.ob3.Criteria;
import io.github.insignia.openbadges.model.ob3.Image;
import io.github.insignia.openbadges.model.ob3.Profile;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The model's costs: reading (parse, detect, wrap) and writing an OB 3.0 credential and an OB 2.0
 * assertion, building a credential, and checking a hashed recipient.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ModelBenchmark {
  private static final String OB2 = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
      + "\"id\":\"https://example.org/beths-robotics-badge.json\",\"recipient\":{\"type\":\"email\",\"hashed\":true,"
      + "\"salt\":\"deadsea\",\"identity\":\"sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5\"},"
      + "\"image\":\"https://example.org/beths-robot-badge.png\",\"evidence\":\"https://example.org/beths-robot-work.html\","
      + "\"issuedOn\":\"2016-12-31T23:59:59Z\",\"expires\":\"2017-06-30T23:59:59Z\","
      + "\"badge\":\"https://example.org/robotics-badge.json\",\"verification\":{\"type\":\"hosted\"}}";

  private byte[] ob3Bytes;
  private byte[] ob2Bytes;
  private BadgeDocument ob3;
  private IdentityObject recipient;

  @Setup
  public void setUp() {
    ob3Bytes = build().toJson().getBytes(StandardCharsets.UTF_8);
    ob2Bytes = OB2.getBytes(StandardCharsets.UTF_8);
    ob3 = BadgeDocuments.read(ob3Bytes);
    recipient = RecipientIdentity.ob2HashedEmail("ada.lovelace@example.org");
  }

  static AchievementCredential build() {
    Profile issuer = Profile.builder().id("https://university.example.org/issuer").name("Example University").build();
    OffsetDateTime now = OffsetDateTime.parse("2026-11-28T10:00:00Z");
    return AchievementCredential.builder()
        .id("urn:uuid:6b3d3d3e-0000-4000-8000-000000000001")
        .name("Analytical Engines 101")
        .issuer(issuer)
        .validFrom(now)
        .validUntil(now.plusYears(1))
        .credentialSubject(AchievementSubject.builder()
            .addIdentifier(RecipientIdentity.ob3HashedEmail("ada.lovelace@example.org", "0123456789abcdef"))
            .achievement(Achievement.builder()
                .id("https://university.example.org/achievements/1")
                .name("Analytical Engines 101")
                .description("Designed a program for the Analytical Engine.")
                .criteria(Criteria.builder().narrative("Write a program.").build())
                .image(Image.builder().id("https://university.example.org/achievements/1/image.png").build())
                .build())
            .build())
        .build();
  }

  /** Parse, detect and wrap an OB 3.0 credential (about 1 KB). */
  @Benchmark
  public BadgeDocument readOb3Credential() {
    return BadgeDocuments.read(ob3Bytes, ReadOptions.defaults());
  }

  /** Parse, detect and wrap an OB 2.0 assertion. */
  @Benchmark
  public BadgeDocument readOb2Assertion() {
    return BadgeDocuments.read(ob2Bytes, ReadOptions.defaults());
  }

  /** Write a read credential back as compact JSON. */
  @Benchmark
  public String writeOb3Credential() {
    return ob3.toJson();
  }

  /** Build a credential with the builders (fresh salt excluded). */
  @Benchmark
  public AchievementCredential buildOb3Credential() {
    return build();
  }

  /** Check a salted SHA-256 email recipient (raw and normalised candidate). */
  @Benchmark
  public boolean matchRecipient() {
    return RecipientIdentity.matches(recipient, "Ada.Lovelace@example.org");
  }
}
