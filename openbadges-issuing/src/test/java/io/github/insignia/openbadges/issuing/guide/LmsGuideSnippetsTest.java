package io.github.insignia.openbadges.issuing.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.batch.BatchResult;
import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.issuing.status.HostedAnswer;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.CheckCode;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the guide's snippets end to end and checks that the guide quotes them as they are. */
class LmsGuideSnippetsTest {
  private static final Path SOURCE = Path.of("src/test/java/io/github/insignia/openbadges/issuing/guide/LmsGuideSnippets.java");
  private static final Path GUIDE = Path.of("../docs/guide-lms.md");

  @TempDir Path dir;

  /** Verifies offline against exactly the documents on the "site". */
  private static BadgeVerifier verifier(Map<String, String> site) {
    PreloadedResources.Builder resources = PreloadedResources.builder();
    site.forEach((url, body) -> resources.put(url, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    return BadgeVerifier.create(VerificationOptions.builder().offline(true).resources(resources.build()).build());
  }

  private static void assertValid(VerificationReport report, String what) {
    assertTrue(report.valid(), what + ": " + report.summary() + report.checks());
  }

  @Test
  void theWholeGuideRuns() throws Exception {
    // what the host has before the guide starts: the key file, the roster, the artwork, the OB 2.0 key
    SigningKey generated = SigningKey.generate(KeyType.ED25519);
    Files.writeString(dir.resolve("issuer-key.jwk"), SafeJson.write(generated.toPrivateJwk()));
    Files.createDirectories(dir.resolve("teaching-101"));
    Files.writeString(dir.resolve("teaching-101/roster.csv"), "name,email\nBea,bea@school.example\nCarl,carl@school.example\n");
    Files.write(dir.resolve("teaching-101/artwork.png"), BadgeImage.placeholder().png());
    Files.writeString(dir.resolve("ob2-key.pem"), SigningKey.generateRsa(2048).toPkcs8Pem());
    String before = System.getProperty("lms.badges.dir");
    System.setProperty("lms.badges.dir", dir.toString());
    LmsGuideSnippets.Basics basics;
    try {
      basics = LmsGuideSnippets.basics();
    } finally {
      if (before == null) {
        System.clearProperty("lms.badges.dir");
      } else {
        System.setProperty("lms.badges.dir", before);
      }
    }
    assertEquals(generated, basics.key());
    try (FileStatusListStore store = (FileStatusListStore) basics.store()) {
      LmsGuideSnippets.Setup setup = LmsGuideSnippets.setUp(basics.key(), store);
      BadgeIssuer issuer = setup.issuer();
      Achievement achievement = LmsGuideSnippets.achievement();
      Award ana = LmsGuideSnippets.issueOnCompletion(issuer, achievement);
      assertEquals(ana.credentialId(), LmsGuideSnippets.issueOnCompletion(issuer, achievement).credentialId());
      assertEquals("Has completado 6 de las 8 tareas obligatorias. Completa 2 más para obtener esta insignia.",
          LmsGuideSnippets.claim(issuer, achievement));
      BatchResult bulk = LmsGuideSnippets.bulk(basics.dataDir(), issuer, achievement);
      assertEquals(2, bulk.issued());

      Map<String, String> site = LmsGuideSnippets.publish(issuer, basics.key(), setup.keyId(), setup.status());
      assertTrue(site.containsKey("https://school.example/.well-known/did.json"), site.keySet().toString());
      VerificationReport[] reports = LmsGuideSnippets.verify(site, ana);
      assertValid(reports[0], "preflight badge.png");
      assertValid(reports[1], "upload badge.json (every document answered from the site, none fetched)");
      for (String f : new String[] {"badge.json", "badge.jwt", "badge.png", "badge.svg"}) {
        assertValid(verifier(site).verify(ana.pack().files().get(f)), f);
      }

      // OB 2.0, hosted and signed, against the documents the snippet served
      Award dan = LmsGuideSnippets.ob2(basics.dataDir(), setup.profile(), basics.key(), setup.keyId(), setup.status(), achievement, site);
      assertValid(verifier(site).verify(dan.ob2Jws().orElseThrow()), "OB 2.0 signed");
      assertValid(verifier(site).verify(dan.pack().png().orElseThrow()), "OB 2.0 baked");
      assertValid(verifier(site).verify(URI.create(dan.ob2Hosted().orElseThrow().assertionId())), "OB 2.0 hosted");
      assertEquals(200, LmsGuideSnippets.ob2Hosted(setup.status(), dan).status());

      // rotation: the new key signs from now on, the old one stays published
      SigningKey newKey = LmsGuideSnippets.rotate(setup.issuerId(), basics.key(), site);
      LmsGuideSnippets.Setup after = LmsGuideSnippets.setUp(newKey, store);
      Award eve = after.issuer().award(io.github.insignia.openbadges.issuing.AwardRequest.builder(achievement,
          io.github.insignia.openbadges.issuing.Recipient.email("eve@school.example")).build());
      CredentialProver newListSigner = Issuers.dataIntegrity(newKey, after.keyId()).orElseThrow();
      StatusService status = after.status();
      for (long list = 0; list < status.listCount(); list++) {
        site.put(status.statusListUrl(list), SafeJson.write(status.statusListCredential(list, newListSigner)));
      }
      for (Award a : List.of(ana, eve)) {
        for (String f : new String[] {"badge.json", "badge.jwt", "badge.png"}) {
          assertValid(verifier(site).verify(a.pack().files().get(f)), a.credentialId() + " " + f);
        }
      }

      List<String> revoked = LmsGuideSnippets.revoke(status, ana, newListSigner, site);
      assertEquals(List.of(), revoked, "the single revoke already covered Ana's only badge");
      assertTrue(verifier(site).verify(ana.pack().files().get("badge.json")).has(CheckCode.REVOKED));
      assertValid(verifier(site).verify(eve.pack().files().get("badge.jwt")), "eve after Ana's revocation");

      status.revoke(dan.credentialId(), "Awarded in error");
      HostedAnswer gone = LmsGuideSnippets.ob2Hosted(status, dan);
      assertEquals(410, gone.status());
      site.put(status.ob2RevocationListUrl().orElseThrow(), SafeJson.write(status.ob2RevocationList()));
      assertFalse(verifier(site).verify(dan.ob2Jws().orElseThrow()).valid(), "a revoked signed OB 2.0 badge");
    }
  }

  private static final Pattern REGION = Pattern.compile("(?s)// tag::(\\w+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]");
  private static final List<String> REGIONS =
      List.of("basics", "setup", "achievement", "issue", "claim", "bulk", "publish", "verify", "revoke", "ob2", "ob2hosted", "rotate");

  @Test
  void theGuideQuotesThisFileVerbatimInOrder() throws Exception {
    String source = Files.readString(SOURCE);
    String guide = Files.readString(GUIDE);
    Matcher m = REGION.matcher(source);
    List<String> names = new ArrayList<>();
    int last = -1;
    while (m.find()) {
      names.add(m.group(1));
      String quoted = "```java\n" + dedent(m.group(2)) + "\n```";
      int at = guide.indexOf(quoted);
      assertTrue(at >= 0, "docs/guide-lms.md does not quote region '" + m.group(1) + "' as it is:\n" + quoted);
      assertTrue(at > last, "docs/guide-lms.md quotes region '" + m.group(1) + "' before the one above it in the file");
      last = at;
    }
    assertEquals(REGIONS, names);
    assertFalse(guide.contains("TODO"));
  }

  private static final Pattern METHOD = Pattern.compile("^static [\\w.\\[\\] ]+ (\\w+)\\(([^)]*)\\)[^{;]*\\{$");
  private static final Pattern DECLARATION =
      Pattern.compile("\\b(?:[A-Z][\\w.]*(?:<[^=;()]*>)?(?:\\[\\])?|long|int|boolean|byte\\[\\])\\s+([a-z]\\w*)\\s*[=;:]");

  /**
   * A reader pastes the snippets in order: every variable a snippet uses but does not declare must
   * be declared by an earlier one. Each region is the start of its method's body, so what it uses
   * from outside is exactly the method's parameters: each must be declared by an earlier region
   * under the same name.
   */
  @Test
  void everySnippetUsesOnlyWhatItOrAnEarlierOneDefines() throws Exception {
    String source = Files.readString(SOURCE);
    Matcher m = REGION.matcher(source);
    Set<String> declared = new HashSet<>();
    while (m.find()) {
      String head = source.substring(0, m.start()).stripTrailing();
      String methodLine = head.substring(head.lastIndexOf("\n  static ")).strip().replaceAll("\\s+", " ");
      while (methodLine.matches("(?s).*<[^<>]*>.*")) {
        methodLine = methodLine.replaceAll("<[^<>]*>", ""); // Map<String, String> site -> Map site
      }
      Matcher method = METHOD.matcher(methodLine);
      assertTrue(method.find(), "region '" + m.group(1) + "' must open its method's body, right after: " + methodLine);
      for (String parameter : method.group(2).split(",")) {
        if (!parameter.isBlank()) {
          String name = parameter.strip().substring(parameter.strip().lastIndexOf(' ') + 1);
          assertTrue(declared.contains(name), "region '" + m.group(1) + "' uses '" + name + "', which no earlier snippet defines");
        }
      }
      Matcher d = DECLARATION.matcher(m.group(2));
      while (d.find()) {
        declared.add(d.group(1));
      }
    }
  }

  static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
