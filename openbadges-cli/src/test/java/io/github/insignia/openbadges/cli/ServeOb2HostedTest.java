package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.cli.InsigniaCommandTest.Run;
import io.github.insignia.openbadges.issuing.batch.FolderSink;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.io.IOException;
import java.net.http.HttpResponse;
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
 * {@code issue-batch --format ob2-hosted --base-url} then {@code serve}: the hosted assertions, the
 * BadgeClass and the issuer answer at their ids, and the baked badges verify VALID online.
 */
class ServeOb2HostedTest {
  @TempDir static Path dir;
  static String base;
  static Path out;
  static Server server;

  @BeforeAll
  static void issueAndServe() throws Exception {
    int port = ServeFixture.freePort();
    base = "http://127.0.0.1:" + port;
    SigningKey key = SigningKey.generate(KeyType.ED25519);
    Path keyFile = Files.writeString(dir.resolve("issuer.jwk"), SafeJson.write(key.toPrivateJwk()));
    Path issuer = Files.writeString(dir.resolve("issuer.json"), "{\"id\":\"" + base + "/issuer\",\"type\":[\"Profile\"],"
        + "\"name\":\"Escuela Ñandú\",\"url\":\"https://escuela.example\",\"email\":\"badges@escuela.example\"}");
    Path achievement = Files.writeString(dir.resolve("achievement.json"),
        "{\"id\":\"https://escuela.example/a/2\",\"type\":[\"Achievement\"],\"name\":\"Estadística 山田\","
            + "\"description\":\"Passed the statistics course.\",\"criteria\":{\"narrative\":\"Pass the exam.\"}}");
    Path roster = Files.writeString(dir.resolve("roster.csv"), "name,email\nAna,ana@example.org\nBob,bob@example.org\n");
    out = dir.resolve("out");
    String[] args = {"issue-batch", "--roster", roster.toString(), "--achievement", achievement.toString(),
        "--issuer", issuer.toString(), "--key", keyFile.toString(), "--out", out.toString(), "--format", "ob2-hosted",
        "--base-url", base, "--pdf"};
    Run run = InsigniaCommandTest.run(args);
    assertEquals(0, run.exit(), run.out() + run.err());
    // a rerun skips both learners and still publishes their documents
    Files.delete(out.resolve("publish/resources.json"));
    Run again = InsigniaCommandTest.run(args);
    assertEquals(0, again.exit(), again.out() + again.err());
    assertTrue(again.out().contains("skipped 2"), again.out());
    ServeCommand serve = new ServeCommand();
    serve.dir = out;
    serve.baseUrl = base;
    serve.port = port;
    server = serve.start();
  }

  @AfterAll
  static void stop() throws Exception {
    ServeFixture.stop(server);
  }

  static List<Path> folders() throws IOException {
    return ServeFixture.folders(out);
  }

  @Test
  void ob2HostedNeedsABaseUrlAndNoStatusStore() throws Exception {
    String[] common = {"issue-batch", "--roster", dir.resolve("roster.csv").toString(), "--achievement",
        dir.resolve("achievement.json").toString(), "--issuer", dir.resolve("issuer.json").toString(), "--key",
        dir.resolve("issuer.jwk").toString(), "--out", dir.resolve("refused").toString()};
    Run noBase = InsigniaCommandTest.run(concat(common, "--format", "ob2-hosted"));
    assertEquals(2, noBase.exit(), noBase.err());
    assertTrue(noBase.err().contains("--base-url"), noBase.err());
    Run status = InsigniaCommandTest.run(concat(common, "--format", "ob2-hosted", "--base-url", base,
        "--status-store", dir.resolve("st").toString(), "--status-base", base + "/status/"));
    assertEquals(2, status.exit(), status.err());
    Run unknown = InsigniaCommandTest.run(concat(common, "--format", "ob2-signed", "--base-url", base));
    assertEquals(2, unknown.exit(), unknown.err());
    assertTrue(!Files.exists(dir.resolve("refused").resolve("publish")));
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void theHostedDocumentsAnswerAtTheirIdsAndTheBadgesVerifyOnline() throws Exception {
    List<Path> folders = folders();
    assertEquals(2, folders.size());
    for (Path folder : folders) {
      JsonNode docs = SafeJson.read(Files.readAllBytes(folder.resolve(FolderSink.OB2_DOCUMENTS)));
      String assertionUrl = base + "/ob2/assertions/" + folder.getFileName();
      JsonNode assertion = docs.path(assertionUrl);
      assertEquals("HostedBadge", assertion.path("verification").path("type").asText(), docs.toString());
      HttpResponse<byte[]> hosted = ServeCommandTest.get(assertionUrl, "Accept", "application/ld+json");
      assertEquals(200, hosted.statusCode(), assertionUrl);
      assertEquals(assertion, SafeJson.read(hosted.body()));
      assertEquals("*", hosted.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      JsonNode badgeClass = SafeJson.read(ServeCommandTest.get(assertion.path("badge").asText()).body());
      assertEquals("BadgeClass", badgeClass.path("type").asText());
      assertEquals("Estadística 山田", badgeClass.path("name").asText());
      JsonNode ob2Issuer = SafeJson.read(ServeCommandTest.get(badgeClass.path("issuer").asText()).body());
      assertEquals("Issuer", ob2Issuer.path("type").asText());
      assertEquals(base + "/ob2/issuer", ob2Issuer.path("id").asText());

      try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(folder.resolve("certificate.pdf").toFile())) {
        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        assertTrue(text.contains("Estadística 山田") && text.contains("Escuela Ñandú"), text);
      }
      for (String file : new String[] {"badge.png", "badge.svg", "certificate.pdf"}) {
        Run cli = InsigniaCommandTest.run("verify", folder.resolve(file).toString(), "--allow-private-network", "--json");
        assertEquals(0, cli.exit(), file + ": " + cli.out() + cli.err());
        JsonNode report = SafeJson.read(cli.out());
        assertEquals("VALID", report.path("verdict").asText(), report.toString());
      }
      // offline the hosted assertion cannot be checked: never VALID
      Run offline = InsigniaCommandTest.run("verify", folder.resolve("badge.png").toString(), "--offline", "--json");
      assertTrue(!"VALID".equals(SafeJson.read(offline.out()).path("verdict").asText()), offline.out());

      String page = SafeJson.read(Files.readAllBytes(folder.resolve("links.json"))).path("publicPage").asText();
      assertEquals(base + "/badges/" + folder.getFileName(), page);
      HttpResponse<byte[]> html = ServeCommandTest.get(page, "Accept", "text/html");
      assertEquals(200, html.statusCode());
      Document doc = Jsoup.parse(new String(html.body(), "UTF-8"), page);
      assertEquals("Estadística 山田", doc.selectFirst("h1").text());
      assertTrue(doc.selectFirst(".issuer").text().contains("Escuela Ñandú"), doc.selectFirst(".issuer").text());
      assertEquals("VALID", doc.selectFirst("#verdict").className().replace("verdict ", ""), doc.selectFirst("#verdict").outerHtml());
      HttpResponse<byte[]> json = ServeCommandTest.get(page, "Accept", "application/ld+json");
      assertEquals(assertion, SafeJson.read(json.body()), "the page's JSON is the hosted assertion");
    }
  }
}
