package io.github.insignia.openbadges.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.ob2.Assertion;
import io.github.insignia.openbadges.model.ob2.BadgeClass;
import io.github.insignia.openbadges.model.ob2.VerificationObject;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.AchievementCredential;
import io.github.insignia.openbadges.model.ob3.AchievementSubject;
import io.github.insignia.openbadges.model.ob3.Alignment;
import io.github.insignia.openbadges.model.ob3.Criteria;
import io.github.insignia.openbadges.model.ob3.Image;
import io.github.insignia.openbadges.model.ob3.Profile;
import io.github.insignia.openbadges.model.ob3.Result;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated badges (from a seed, through the builders, with random text, numbers, dates, offsets
 * and extension members): write → read → write is stable and JSON-equal.
 */
class RoundTripPropertyTest {
  private static final JsonNodeFactory NODES = SafeJson.nodeFactory();

  @Test
  void ob2AssertionsRoundTrip() {
    qt().withFixedSeed(20261128L).withExamples(300).forAll(longs().all()).checkAssert(seed -> stable(ob2(new Random(seed))));
  }

  @Test
  void ob3CredentialsRoundTrip() {
    qt().withFixedSeed(3L).withExamples(300).forAll(longs().all()).checkAssert(seed -> stable(ob3(new Random(seed))));
  }

  private static void stable(JsonBacked built) {
    String first = built.toJson();
    BadgeDocument read = BadgeDocuments.read(first);
    assertEquals(built.json(), read.json());
    assertEquals(first, read.toJson(), "compact text is stable");
    String pretty = read.toPrettyJson();
    assertEquals(pretty, BadgeDocuments.read(pretty).toPrettyJson(), "pretty text is stable");
  }

  static Assertion ob2(Random r) {
    BadgeClass.Builder badge = BadgeClass.builder().noContext()
        .id("https://badges.example.org/" + word(r))
        .name(text(r))
        .description(text(r))
        .criteria("https://badges.example.org/criteria/" + word(r))
        .issuer("https://badges.example.org/issuer");
    if (r.nextBoolean()) {
      badge.addTag(text(r)).addTag(text(r));
    }
    Assertion.Builder a = Assertion.builder()
        .id(r.nextBoolean() ? "urn:uuid:" + new java.util.UUID(r.nextLong(), r.nextLong()) : "https://badges.example.org/a/" + word(r))
        .recipient(RecipientIdentity.ob2HashedEmail(word(r) + "@example.org", r.nextBoolean() ? word(r) : null))
        .verification(VerificationObject.builder().type(r.nextBoolean() ? "HostedBadge" : "SignedBadge").build())
        .issuedOn(date(r));
    if (r.nextBoolean()) {
      a.badge(badge.build());
    } else {
      a.badge("https://badges.example.org/b/" + word(r));
    }
    if (r.nextBoolean()) {
      a.expires(date(r).toInstant());
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      a.addEvidence("https://evidence.example/" + word(r));
    }
    if (r.nextBoolean()) {
      a.narrative(text(r));
    }
    extensions(r, a);
    return a.build();
  }

  static AchievementCredential ob3(Random r) {
    Achievement.Builder achievement = Achievement.builder()
        .id("https://university.example.org/achievements/" + word(r))
        .name(text(r))
        .description(text(r))
        .criteria(Criteria.builder().narrative(text(r)).build());
    if (r.nextBoolean()) {
      achievement.image(Image.builder().id("https://university.example.org/i/" + word(r) + ".png").caption(text(r)).build());
    }
    if (r.nextBoolean()) {
      achievement.creditsAvailable(number(r)).addAlignment(Alignment.builder()
          .targetName(text(r)).targetUrl("https://framework.example/" + word(r)).targetType("CFItem").build());
    }
    AchievementSubject.Builder subject = AchievementSubject.builder().achievement(achievement.build());
    if (r.nextBoolean()) {
      subject.id("did:example:" + word(r));
    } else {
      subject.addIdentifier(RecipientIdentity.ob3HashedEmail(word(r) + "@example.org"));
    }
    if (r.nextBoolean()) {
      subject.addResult(Result.builder().value(text(r)).status("Completed").build());
    }
    boolean vcdm11 = r.nextInt(4) == 0;
    AchievementCredential.Builder vc = (vcdm11 ? AchievementCredential.builderVcdm11() : AchievementCredential.builder())
        .id("urn:uuid:" + new java.util.UUID(r.nextLong(), r.nextLong()))
        .credentialSubject(subject.build());
    if (r.nextBoolean()) {
      vc.issuer(Profile.builder().id("https://university.example.org/" + word(r)).name(text(r)).build());
    } else {
      vc.issuer("did:web:" + word(r) + ".example");
    }
    OffsetDateTime from = date(r);
    OffsetDateTime until = r.nextBoolean() ? from.plusDays(r.nextInt(1000)) : null;
    if (vcdm11) {
      vc.issuanceDate(from).expirationDate(until).name(text(r));
    } else {
      vc.validFrom(from).validUntil(until);
    }
    if (r.nextBoolean()) {
      vc.name(text(r));
    }
    extensions(r, vc);
    return vc.build();
  }

  private static void extensions(Random r, AbstractBuilder<?, ?> b) {
    for (int i = r.nextInt(3); i > 0; i--) {
      b.member("ext" + i + ":" + word(r), json(r, 3));
    }
  }

  static JsonNode json(Random r, int depth) {
    int pick = r.nextInt(depth <= 0 ? 5 : 7);
    switch (pick) {
      case 0:
        return NODES.textNode(text(r));
      case 1:
        return NODES.numberNode(number(r));
      case 2:
        return NODES.numberNode(r.nextLong());
      case 3:
        return NODES.booleanNode(r.nextBoolean());
      case 4:
        return NODES.nullNode();
      case 5: {
        ArrayNode a = NODES.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(json(r, depth - 1));
        }
        return a;
      }
      default: {
        ObjectNode o = NODES.objectNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          o.set(word(r) + i, json(r, depth - 1));
        }
        return o;
      }
    }
  }

  static BigDecimal number(Random r) {
    return BigDecimal.valueOf(r.nextLong() % 1_000_000_000L, r.nextInt(12) - 3);
  }

  static OffsetDateTime date(Random r) {
    Instant t = Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
    return t.atOffset(ZoneOffset.ofTotalSeconds((r.nextInt(37) - 18) * 1800 % (18 * 3600)));
  }

  static String word(Random r) {
    StringBuilder s = new StringBuilder();
    for (int i = 1 + r.nextInt(10); i > 0; i--) {
      s.append((char) ('a' + r.nextInt(26)));
    }
    return s.toString();
  }

  /** Any text: ASCII, quotes, controls, accents, CJK, emoji (surrogate pairs). */
  static String text(Random r) {
    StringBuilder s = new StringBuilder();
    for (int i = r.nextInt(20); i > 0; i--) {
      switch (r.nextInt(6)) {
        case 0 -> s.append((char) (' ' + r.nextInt(95)));
        case 1 -> s.append("\"\\/\n\t\u0000\u001f".charAt(r.nextInt(7)));
        case 2 -> s.append((char) (0xC0 + r.nextInt(0x180)));
        case 3 -> s.append((char) (0x4E00 + r.nextInt(0x5000)));
        case 4 -> s.appendCodePoint(0x1F300 + r.nextInt(0x300));
        default -> s.append(word(r)).append(' ');
      }
    }
    return s.toString();
  }
}
