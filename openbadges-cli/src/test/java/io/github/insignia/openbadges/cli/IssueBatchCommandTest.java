package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.cli.InsigniaCommandTest.Run;
import io.github.insignia.openbadges.issuing.batch.BatchProgress;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insignia issue-batch}: outputs, resumption and exit codes. */
class IssueBatchCommandTest {
  @TempDir Path dir;
  Path roster;
  Path achievement;
  Path issuer;
  Path key;

  @BeforeEach
  void files() throws IOException {
    SigningKey signingKey = SigningKey.generate(KeyType.ED25519);
    key = Files.writeString(dir.resolve("issuer.jwk"), SafeJson.write(signingKey.toPrivateJwk()));
    issuer = Files.writeString(dir.resolve("issuer.json"),
        "{\"id\":\"" + signingKey.publicKey().didKey() + "\",\"type\":[\"Profile\"],\"name\":\"Escuela\"}");
    achievement = Files.writeString(dir.resolve("achievement.json"),
        "{\"id\":\"https://school.example/a/1\",\"type\":[\"Achievement\"],\"name\":\"Course\","
            + "\"description\":\"Finished the course.\",\"criteria\":{\"narrative\":\"Finish it.\"}}");
    roster = Files.writeString(dir.resolve("roster.csv"),
        "name,email,evidence,narrative\nAna,ana@example.org,https://lms.example/1,\"Great, really\"\nBob,bob@example.org,,\nBad,nope,,\n");
  }

  private Run issue(Path out) {
    return InsigniaCommandTest.run("issue-batch", "--roster", roster.toString(), "--achievement", achievement.toString(),
        "--issuer", issuer.toString(), "--key", key.toString(), "--out", out.toString());
  }

  @Test
  void writesPacksAndSummaryAndReportsFailedRows() throws IOException {
    Path out = dir.resolve("out");
    Run run = issue(out);
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().contains("issued 2, skipped 0 (already done), failed 1 of 3 learners"), run.out());
    assertTrue(run.out().contains("row 3: RECIPIENT_INVALID"), run.out());
    assertTrue(run.err().contains("progress: 3/3 learners"), run.err());
    JsonNode summary = SafeJson.read(Files.readAllBytes(out.resolve("summary.json")));
    assertEquals(2, summary.get("issued").asInt());
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(2, s.filter(Files::isDirectory).count());
    }
    try (Stream<Path> s = Files.list(out)) {
      for (Path folder : s.filter(Files::isDirectory).toList()) {
        for (String f : new String[] {"badge.json", "badge.jwt", "badge.png", "badge.svg"}) {
          VerificationReport report = BadgeVerifier.create(VerificationOptions.builder().offline(true).build())
              .verify(Files.readAllBytes(folder.resolve(f)));
          assertTrue(report.valid(), f + ": " + report.summary());
        }
        assertTrue(Files.readString(folder.resolve("badge.json")).contains("eddsa-rdfc-2022"));
      }
    }
    Run again = issue(out);
    assertTrue(again.out().contains("issued 0, skipped 2"), again.out());
  }

  @Test
  void missingOptionsAndBadFilesAreUsageOrInputErrors() throws IOException {
    Run usage = InsigniaCommandTest.run("issue-batch", "--roster", roster.toString());
    assertEquals(2, usage.exit());
    assertTrue(usage.err().startsWith("error: USAGE:"), usage.err());
    Files.writeString(roster, "who\nana\n");
    Run header = issue(dir.resolve("out2"));
    assertEquals(2, header.exit());
    assertTrue(header.err().contains("error: ROSTER_HEADER_INVALID"), header.err());
  }

  @Test
  void statusAndExpiryOptions() throws IOException {
    Path out = dir.resolve("out3");
    Run run = InsigniaCommandTest.run("issue-batch", "--roster", roster.toString(), "--achievement", achievement.toString(),
        "--issuer", issuer.toString(), "--key", key.toString(), "--out", out.toString(), "--valid-for", "P730D",
        "--status-store", dir.resolve("status").toString(), "--status-base", "https://school.example/status/");
    assertEquals(1, run.exit(), run.err());
    // The status list the badges name, signed by the issuer, is published for the host to serve.
    assertTrue(Files.isRegularFile(out.resolve("publish/school.example/status/0")), run.err());
    try (Stream<Path> s = Files.list(out)) {
      for (Path folder : s.filter(f -> Files.isRegularFile(f.resolve("links.json"))).toList()) {
        JsonNode vc = SafeJson.read(Files.readAllBytes(folder.resolve("badge.json")));
        assertEquals("BitstringStatusListEntry", vc.at("/credentialStatus/type").asText());
        assertTrue(vc.has("validUntil"));
      }
    }
    Run half = InsigniaCommandTest.run("issue-batch", "--roster", roster.toString(), "--achievement", achievement.toString(),
        "--issuer", issuer.toString(), "--key", key.toString(), "--out", out.toString(), "--status-base", "https://x/");
    assertEquals(2, half.exit());
    assertTrue(half.err().startsWith("error: USAGE: --status-store and --status-base go together"), half.err());
  }

  @Test
  void progressLineAndBar() {
    BatchProgress p = new BatchProgress(40, 10, 0, OptionalLong.of(100), Duration.ofSeconds(10));
    assertEquals("50/100 learners (40 issued, 10 skipped, 0 failed), 5.0/s, ETA 10s", IssueBatchCommand.progressLine(p));
    assertEquals("[###############---------------] 50%", IssueBatchCommand.bar(p));
    assertEquals("2m05s", IssueBatchCommand.format(Duration.ofSeconds(125)));
  }

  /** Issue 12: an https issuer's profile and JWKS are written under publish/, and they make the badges verify. */
  @Test
  void publishesTheDocumentsThatBindAnHttpsIssuersKey() throws IOException {
    issuer = Files.writeString(dir.resolve("issuer.json"),
        "{\"id\":\"https://school.example/issuer\",\"type\":[\"Profile\"],\"name\":\"Escuela\"}");
    Path out = dir.resolve("published");
    Run run = issue(out);
    assertTrue(run.err().contains("publish: "), run.err());
    Path map = out.resolve("publish").resolve("resources.json");
    JsonNode urls = SafeJson.read(Files.readAllBytes(map));
    assertTrue(urls.has("https://school.example/issuer") && urls.has("https://school.example/.well-known/jwks.json"), urls.toString());
    try (Stream<Path> s = Files.list(out)) {
      Path folder = s.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().equals("publish")).findFirst().orElseThrow();
      for (String f : new String[] {"badge.json", "badge.jwt"}) {
        Run verify = InsigniaCommandTest.run("verify", folder.resolve(f).toString(), "--offline", "--resources", map.toString());
        assertEquals(0, verify.exit(), f + ": " + verify.out());
      }
    }
  }
}
