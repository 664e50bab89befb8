package io.github.insignia.openbadges.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.model.BadgeDocument;
import io.github.insignia.openbadges.model.BadgeDocuments;
import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.model.OpenBadgesVersion;
import io.github.insignia.openbadges.model.RecipientIdentity;
import io.github.insignia.openbadges.model.ob2.Assertion;
import io.github.insignia.openbadges.model.ob3.AchievementCredential;
import io.github.insignia.openbadges.model.ob3.IdentityObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDemoTest {
  @TempDir Path dir;

  @Test
  void buildsWritesAndSharesTheSampleBadges() throws Exception {
    StringWriter console = new StringWriter();
    DemoContext context = new DemoContext(dir, new PrintWriter(console, true));
    new ModelDemo().run(context);

    check(context, DemoContext.ISSUER_PROFILE, "issuer.json", OpenBadgesVersion.V3_0, DocumentKind.PROFILE);
    check(context, DemoContext.ACHIEVEMENT, "achievement.json", OpenBadgesVersion.V3_0, DocumentKind.ACHIEVEMENT);
    BadgeDocument credential =
        check(context, DemoContext.OB3_CREDENTIAL, "credential.json", OpenBadgesVersion.V3_0, DocumentKind.CREDENTIAL);
    check(context, DemoContext.OB2_ISSUER, "ob2-issuer.json", OpenBadgesVersion.V2_0, DocumentKind.PROFILE);
    check(context, DemoContext.OB2_BADGE_CLASS, "ob2-badgeclass.json", OpenBadgesVersion.V2_0, DocumentKind.BADGE_CLASS);
    BadgeDocument assertion =
        check(context, DemoContext.OB2_ASSERTION, "ob2-assertion.json", OpenBadgesVersion.V2_0, DocumentKind.ASSERTION);

    String email = context.require(DemoContext.LEARNER_EMAIL, String.class);
    AchievementCredential vc = credential.as(AchievementCredential.class).orElseThrow();
    assertEquals(java.util.List.of("https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"), vc.contexts());
    assertEquals(java.util.List.of("VerifiableCredential", "OpenBadgeCredential"), vc.types());
    OffsetDateTime from = vc.validFrom().orElseThrow();
    assertEquals(from.plusYears(1), vc.validUntil().orElseThrow());
    IdentityObject id = vc.credentialSubject().orElseThrow().identifier().get(0);
    assertTrue(RecipientIdentity.matches(id, email));
    assertTrue(vc.credentialSubject().orElseThrow().achievement().orElseThrow().image().isPresent());
    Assertion a = assertion.as(Assertion.class).orElseThrow();
    assertTrue(RecipientIdentity.matches(a.recipient().orElseThrow(), email.toUpperCase(java.util.Locale.ROOT)));
    assertTrue(a.id().orElseThrow().startsWith("https://badges.example.org/"));
    assertEquals(6, console.toString().lines().filter(l -> l.startsWith("  wrote ")).count(), console.toString());
  }

  private BadgeDocument check(DemoContext context, String key, String file, OpenBadgesVersion version, DocumentKind kind)
      throws Exception {
    String json = context.require(key, String.class);
    assertEquals(json.strip(), Files.readString(dir.resolve(file)).strip());
    BadgeDocument doc = BadgeDocuments.read(json);
    assertEquals(version, doc.version(), file);
    assertEquals(kind, doc.kind(), file);
    return doc;
  }
}
