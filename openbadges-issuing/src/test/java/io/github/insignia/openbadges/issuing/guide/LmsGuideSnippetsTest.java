package io.github.insignia.openbadges.issuing.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.TestKeys;
import io.github.insignia.openbadges.issuing.batch.BatchResult;
import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.issuing.status.HostedAnswer;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.CheckCode;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the guide's snippets end to end and checks that the guide quotes them as they are. */
class LmsGuideSnippetsTest {
  @TempDir Path dir;

  private static BadgeVerifier verifier(Map<String, String> site) {
    PreloadedResources.Builder resources = PreloadedResources.builder();
    site.forEach((url, body) -> resources.put(url, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    return BadgeVerifier.create(VerificationOptions.builder().offline(true).resources(resources.build()).build());
  }

  private static void publishLists(BadgeIssuer issuer, SigningKey key, Map<String, String> site) {
    var status = issuer.status().orElseThrow();
    String keyId = Issuers.verificationMethodFor(issuer.issuerId(), key.publicKey());
    for (long list = 0; list < status.listCount(); list++) {
      site.put(status.statusListUrl(list), SafeJson.write(status.statusListCredential(list, Issuers.dataIntegrity(key, keyId).orElseThrow())));
    }
  }

  @Test
  void theWholeGuideRuns() throws Exception {
    SigningKey oldKey = SigningKey.generate(KeyType.ED25519);
    SigningKey newKey = SigningKey.generate(KeyType.ED25519);
    ObjectNode achievement = TestKeys.achievement();
    Map<String, String> site = new LinkedHashMap<>();
    try (FileStatusListStore store = FileStatusListStore.open(dir.resolve("status"), Clock.systemUTC())) {
      BadgeIssuer before = LmsGuideSnippets.setUp(oldKey, store);
      Award oldBadge = LmsGuideSnippets.issueOnCompletion(before, achievement, "ana.garcia@school.example");
      assertEquals(oldBadge.credentialId(), LmsGuideSnippets.issueOnCompletion(before, achievement, "ANA.GARCIA@school.example").credentialId());
      assertEquals("Has completado 6 de las 8 tareas obligatorias. Completa 2 más para obtener esta insignia.",
          LmsGuideSnippets.claim(before, achievement));

      Path roster = Files.writeString(dir.resolve("roster.csv"), "name,email\nBea,bea@school.example\nCarl,carl@school.example\n");
      Path artwork = Files.write(dir.resolve("artwork.png"), BadgeImage.placeholder().png());
      BatchResult bulk = LmsGuideSnippets.bulk(before, achievement, roster, artwork, dir.resolve("out"));
      assertEquals(2, bulk.issued());

      // rotation: the new key signs from now on, the old one stays published
      LmsGuideSnippets.rotate("did:web:school.example", oldKey, newKey, site);
      BadgeIssuer after = LmsGuideSnippets.setUp(newKey, store);
      Award newBadge = LmsGuideSnippets.issueOnCompletion(after, achievement, "dan@school.example");
      publishLists(after, newKey, site);
      for (Award a : List.of(oldBadge, newBadge)) {
        for (String f : new String[] {"badge.json", "badge.jwt", "badge.png"}) {
          VerificationReport report = verifier(site).verify(a.pack().files().get(f));
          assertTrue(report.valid(), f + " " + report.summary() + report.checks());
        }
      }

      List<String> revoked = LmsGuideSnippets.revoke(after, oldBadge, Issuers.dataIntegrity(newKey,
          Issuers.verificationMethodFor(after.issuerId(), newKey.publicKey())).orElseThrow(), site);
      assertEquals(List.of(), revoked, "the single revoke already covered Ana's only badge");
      VerificationReport report = verifier(site).verify(oldBadge.pack().files().get("badge.json"));
      assertTrue(report.has(CheckCode.REVOKED), report.summary());
      assertTrue(verifier(site).verify(newBadge.pack().files().get("badge.jwt")).valid());

      ObjectNode assertion = SafeJson.nodeFactory().objectNode().put("id", "https://school.example/ob2/a/1");
      HostedAnswer answer = LmsGuideSnippets.ob2Hosted(after.status().orElseThrow(), oldBadge.credentialId(), assertion);
      assertEquals(410, answer.status());
    }
  }

  private static final Pattern REGION = Pattern.compile("(?s)// tag::(\\w+)\\[\\]\\n(.*?)\\n\\s*// end::\\1\\[\\]");

  @Test
  void theGuideQuotesThisFileVerbatim() throws Exception {
    String source = Files.readString(Path.of("src/test/java/io/github/insignia/openbadges/issuing/guide/LmsGuideSnippets.java"));
    String guide = Files.readString(Path.of("../docs/guide-lms.md"));
    Matcher m = REGION.matcher(source);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
      String snippet = dedent(m.group(2));
      assertTrue(guide.contains("```java\n" + snippet + "\n```"), "docs/guide-lms.md does not quote region '" + m.group(1) + "' as it is:\n" + snippet);
    }
    assertEquals(List.of("setup", "issue", "claim", "bulk", "revoke", "ob2", "rotate"), names);
    assertFalse(guide.contains("TODO"));
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
