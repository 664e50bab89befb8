package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.cli.InsigniaCommandTest.Run;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --status-store DIR --key KEYFILE} serves the status lists live: a badge revoked with
 * {@code insignia revoke} after issuing is shown revoked on its page and verifies INVALID (REVOKED)
 * online at once, while the others stay VALID.
 */
class ServeLiveStatusTest {
  @TempDir static Path dir;
  static String base;
  static int port;
  static Path out;
  static Path status;
  static Path keyFile;
  static Server server;

  @BeforeAll
  static void issueAndServe() throws Exception {
    port = ServeFixture.freePort();
    base = "http://127.0.0.1:" + port;
    keyFile = Files.writeString(dir.resolve("issuer.jwk"), SafeJson.write(SigningKey.generate(KeyType.ED25519).toPrivateJwk()));
    Path issuer = Files.writeString(dir.resolve("issuer.json"),
        "{\"id\":\"" + base + "/issuer\",\"type\":[\"Profile\"],\"name\":\"Escuela\",\"url\":\"https://escuela.example\"}");
    Path achievement = Files.writeString(dir.resolve("achievement.json"),
        "{\"id\":\"https://escuela.example/a/3\",\"type\":[\"Achievement\"],\"name\":\"Química\","
            + "\"description\":\"Passed.\",\"criteria\":{\"narrative\":\"Pass the exam.\"}}");
    Path roster = Files.writeString(dir.resolve("roster.csv"), "name,email\nAna,ana@example.org\nBob,bob@example.org\n");
    out = dir.resolve("out");
    status = dir.resolve("status");
    Run run = InsigniaCommandTest.run("issue-batch", "--roster", roster.toString(), "--achievement", achievement.toString(),
        "--issuer", issuer.toString(), "--key", keyFile.toString(), "--out", out.toString(), "--base-url", base,
        "--status-store", status.toString(), "--status-base", base + "/status/");
    assertEquals(0, run.exit(), run.out() + run.err());
    server = serve(keyFile).start();
  }

  static ServeCommand serve(Path key) {
    ServeCommand serve = new ServeCommand();
    serve.dir = out;
    serve.statusStore = status;
    serve.key = key;
    serve.baseUrl = base;
    serve.port = port;
    return serve;
  }

  @AfterAll
  static void stop() throws Exception {
    ServeFixture.stop(server);
  }

  static List<Path> folders() throws IOException {
    return ServeFixture.folders(out);
  }

  static String verdict(Path file) {
    Run cli = InsigniaCommandTest.run("verify", file.toString(), "--allow-private-network", "--json");
    return SafeJson.read(cli.out()).path("verdict").asText() + " " + cli.out();
  }

  static String pageStatus(Path folder) throws Exception {
    String page = SafeJson.read(Files.readAllBytes(folder.resolve("links.json"))).path("publicPage").asText();
    Document doc = Jsoup.parse(new String(ServeCommandTest.get(page, "Accept", "text/html").body(), "UTF-8"));
    return doc.selectFirst("#status").text();
  }

  @Test
  void aRevocationAfterIssuingShowsAtOnce() throws Exception {
    List<Path> folders = folders();
    assertEquals(2, folders.size());
    Path revoked = folders.get(0);
    Path kept = folders.get(1);
    assertTrue(verdict(revoked.resolve("badge.png")).startsWith("VALID "), verdict(revoked.resolve("badge.png")));

    Run r = InsigniaCommandTest.run("revoke", "--status-store", status.toString(), "--reason", "left the course",
        revoked.getFileName().toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("revoked urn:uuid:" + revoked.getFileName()), r.out());

    assertEquals("Revoked", pageStatus(revoked));
    String v = verdict(revoked.resolve("badge.png"));
    assertTrue(v.startsWith("INVALID "), v);
    JsonNode report = SafeJson.read(v.substring(v.indexOf(' ') + 1));
    boolean revokedCheck = false;
    for (JsonNode c : report.path("checks")) {
      revokedCheck |= c.path("code").asText().equals("REVOKED") && c.path("outcome").asText().equals("FAIL");
    }
    assertTrue(revokedCheck, report.toString());
    assertTrue(verdict(kept.resolve("badge.svg")).startsWith("VALID "), verdict(kept.resolve("badge.svg")));

    Run again = InsigniaCommandTest.run("revoke", "--status-store", status.toString(), "urn:uuid:" + revoked.getFileName());
    assertEquals(0, again.exit());
    assertTrue(again.out().contains("already revoked") && again.out().contains("left the course"), again.out());
    Run unknown = InsigniaCommandTest.run("revoke", "--status-store", status.toString(), "urn:uuid:00000000-0000-0000-0000-000000000000");
    assertEquals(1, unknown.exit(), unknown.out() + unknown.err());
    assertEquals(2, InsigniaCommandTest.run("revoke", "--status-store", dir.resolve("nowhere").toString(), "x").exit());
    assertTrue(!Files.exists(dir.resolve("nowhere")));
  }

  @Test
  void anotherKeyOrAKeyWithoutTheJournalIsRefused() throws Exception {
    Path other = Files.writeString(dir.resolve("other.jwk"), SafeJson.write(SigningKey.generate(KeyType.ED25519).toPrivateJwk()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> serve(other).start());
    assertTrue(e.getMessage().contains("not the key"), e.getMessage());
    ServeCommand noStore = serve(keyFile);
    noStore.statusStore = null;
    assertThrows(IllegalArgumentException.class, noStore::start);
  }
}
