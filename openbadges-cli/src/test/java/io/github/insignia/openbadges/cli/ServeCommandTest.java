package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.cli.InsigniaCommandTest.Run;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.Verdict;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.web.CertificatePdf;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's acceptance scenario end to end: {@code issue-batch --base-url --pdf} with an issuer
 * whose id is on the loopback site, then {@code serve} on a real Jetty, checked over HTTP.
 */
class ServeCommandTest {
  @TempDir static Path dir;
  static int port;
  static String base;
  static Path out;
  static Server server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void issueAndServe() throws Exception {
    port = ServeFixture.freePort();
    base = "http://127.0.0.1:" + port;
    SigningKey key = SigningKey.generate(KeyType.ED25519);
    Path keyFile = Files.writeString(dir.resolve("issuer.jwk"), SafeJson.write(key.toPrivateJwk()));
    Path issuer = Files.writeString(dir.resolve("issuer.json"),
        "{\"id\":\"" + base + "/issuer\",\"type\":[\"Profile\"],\"name\":\"Escuela Ñandú <b>\",\"url\":\"https://escuela.example\"}");
    Path achievement = Files.writeString(dir.resolve("achievement.json"),
        "{\"id\":\"https://escuela.example/a/1\",\"type\":[\"Achievement\"],\"name\":\"Ciencia & Tecnología\","
            + "\"description\":\"Completed the <script>alert(1)</script> course.\",\"criteria\":{\"narrative\":\"Pass the exam.\"},"
            + "\"alignment\":[{\"type\":[\"Alignment\"],\"targetName\":\"Data analysis\",\"targetUrl\":\"https://framework.example/da\","
            + "\"targetCode\":\"DA1\"}]}");
    Path roster = Files.writeString(dir.resolve("roster.csv"),
        "name,email,evidence\nAna,ana@example.org,https://lms.example/1\nBob,bob@example.org,\n");
    out = dir.resolve("out");
    Run run = InsigniaCommandTest.run("issue-batch", "--roster", roster.toString(), "--achievement", achievement.toString(),
        "--issuer", issuer.toString(), "--key", keyFile.toString(), "--out", out.toString(), "--valid-for", "P365D",
        "--base-url", base, "--pdf",
        // Status lists signed by the issuer are published beside its key documents, so the badges
        // (which name them) verify VALID online, not INDETERMINATE.
        "--status-store", dir.resolve("status").toString(), "--status-base", base + "/status/");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(Files.isRegularFile(out.resolve("publish/127.0.0.1_" + port + "/status/0")), run.err());
    ServeCommand serve = new ServeCommand();
    serve.dir = out;
    serve.statusStore = dir.resolve("status");
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

  static HttpResponse<byte[]> get(String url, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> post(String url, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static VerificationReport verifyOnline(byte[] bytes) {
    return BadgeVerifier.create(VerificationOptions.builder().allowPrivateNetwork(true).build()).verify(bytes);
  }

  @Test
  void everyPublicPageAnswersHtmlWithTheBadgeAndItsLinks() throws Exception {
    List<Path> folders = folders();
    assertEquals(2, folders.size());
    for (Path folder : folders) {
      JsonNode links = SafeJson.read(Files.readAllBytes(folder.resolve("links.json")));
      String page = links.path("publicPage").asText();
      assertEquals(base + "/badges/" + folder.getFileName(), page);
      assertTrue(links.path("linkedin").asText().contains("certUrl=" + java.net.URLEncoder.encode(page, "UTF-8").replace("+", "%20"))
          || links.path("linkedin").asText().contains(page.replace(":", "%3A").replace("/", "%2F")), links.toString());
      assertTrue(links.path("share").has("x"), links.toString());

      HttpResponse<byte[]> r = get(page, "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
      Document doc = Jsoup.parse(new String(r.body(), "UTF-8"), page);
      assertEquals("en", doc.selectFirst("html").attr("lang"));
      assertEquals("Ciencia & Tecnología", doc.selectFirst("h1").text());
      assertTrue(doc.select("script").isEmpty(), "no script, and the description's markup is text");
      assertTrue(doc.text().contains("<script>alert(1)</script>"));
      assertTrue(doc.selectFirst(".issuer").text().contains("Escuela Ñandú <b>"));
      assertFalse(doc.selectFirst("time.issued").attr("datetime").isEmpty());
      assertFalse(doc.selectFirst("time.expires").attr("datetime").isEmpty());
      assertEquals("VALID", doc.selectFirst("#verdict").className().replace("verdict ", ""), doc.selectFirst("#verdict").outerHtml());
      assertTrue(doc.selectFirst("a.linkedin").attr("href").startsWith("https://www.linkedin.com/profile/add?"));
      assertTrue(doc.selectFirst("a.linkedin").attr("href").contains("certUrl="));
      assertTrue(doc.text().contains("Data analysis"));
      assertEquals(page, meta(doc, "og:url"));
      assertEquals(page + "/badge.png", meta(doc, "og:image"));
      assertEquals("Ciencia & Tecnología — Escuela Ñandú <b>", meta(doc, "og:title"));
      assertEquals("summary", doc.selectFirst("meta[name=twitter:card]").attr("content"));
      Element alternate = doc.selectFirst("link[rel=alternate][type=application/ld+json]");
      assertEquals(page + "/badge.json", alternate.attr("href"));
      for (Element img : doc.select("img")) {
        assertFalse(img.attr("alt").isBlank(), img.outerHtml());
      }

      HttpResponse<byte[]> json = get(page, "Accept", "application/ld+json");
      assertEquals(200, json.statusCode());
      assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
      assertEquals(SafeJson.read(Files.readAllBytes(folder.resolve("badge.json"))), SafeJson.read(json.body()));
      assertTrue(get(page, "Accept", "application/json").headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

      Map<String, String> types = Map.of("badge.png", "image/png", "badge.svg", "image/svg+xml", "badge.json", "application/ld+json",
          "badge.jwt", "application/vc+jwt", "certificate.pdf", "application/pdf");
      List<String> seen = new ArrayList<>();
      for (Element a : doc.select("a.download")) {
        String href = a.absUrl("href");
        String file = href.substring(href.lastIndexOf('/') + 1);
        HttpResponse<byte[]> d = get(href);
        assertEquals(200, d.statusCode(), href);
        assertEquals(types.get(file), d.headers().firstValue("Content-Type").orElse("").split(";")[0], href);
        assertTrue(d.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"ciencia-tecnologia-"), href);
        String etag = d.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(href, "If-None-Match", etag).statusCode());
        if (!file.equals("badge.json") && !file.equals("badge.jwt")) {
          byte[] bytes = file.equals("certificate.pdf") ? CertificatePdf.embeddedCredential(d.body()).orElseThrow() : d.body();
          VerificationReport report = verifyOnline(bytes);
          assertEquals(Verdict.VALID, report.verdict(), file + ": " + report);
          Path downloaded = Files.write(dir.resolve("downloaded-" + folder.getFileName() + "-" + file), d.body());
          Run cli = InsigniaCommandTest.run("verify", downloaded.toString(), "--allow-private-network");
          assertEquals(0, cli.exit(), file + ": " + cli.out() + cli.err());
        }
        seen.add(file);
      }
      assertEquals(types.keySet(), new java.util.HashSet<>(seen));
    }
  }

  private static String meta(Document doc, String property) {
    return doc.selectFirst("meta[property=" + property + "]").attr("content");
  }

  @Test
  void apiVerifyAgreesWithTheCommandLine() throws Exception {
    for (Path folder : folders()) {
      for (String f : new String[] {"badge.png", "badge.svg", "badge.jwt"}) {
        HttpResponse<byte[]> r = post(base + "/api/verify", Files.readAllBytes(folder.resolve(f)), "Content-Type", "application/octet-stream");
        assertEquals(200, r.statusCode());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        JsonNode api = SafeJson.read(r.body());
        Run cli = InsigniaCommandTest.run("verify", folder.resolve(f).toString(), "--json", "--allow-private-network");
        JsonNode expected = SafeJson.read(cli.out());
        if (!f.equals("badge.jwt")) { // the VC-JWT of a credential with an embedded proof: see the report to the lead
          assertEquals("VALID", api.path("verdict").asText(), api.toString());
        }
        assertEquals(expected.path("verdict"), api.path("verdict"));
        assertEquals(expected.path("valid"), api.path("valid"));
        assertEquals(expected.path("checks").size(), api.path("checks").size());
        for (int i = 0; i < api.path("checks").size(); i++) {
          assertEquals(expected.at("/checks/" + i + "/code"), api.at("/checks/" + i + "/code"));
          assertEquals(expected.at("/checks/" + i + "/outcome"), api.at("/checks/" + i + "/outcome"));
        }
      }
    }
    HttpResponse<byte[]> junk = post(base + "/api/verify", "<svg><script>".getBytes(), "Accept-Language", "es");
    assertEquals(200, junk.statusCode());
    assertEquals("INVALID", SafeJson.read(junk.body()).path("verdict").asText());
  }

  @Test
  void spanishAndTheHostedDocuments() throws Exception {
    String page = SafeJson.read(Files.readAllBytes(folders().get(0).resolve("links.json"))).path("publicPage").asText();
    Document es = Jsoup.parse(new String(get(page, "Accept-Language", "es-ES,es;q=0.9,en;q=0.5").body(), "UTF-8"));
    assertEquals("es", es.selectFirst("html").attr("lang"));
    assertTrue(es.text().contains("Emitida por"), es.text());
    assertTrue(es.text().contains("Válida"), es.text());
    Document lang = Jsoup.parse(new String(get(page + "?lang=es").body(), "UTF-8"));
    assertEquals("es", lang.selectFirst("html").attr("lang"));

    HttpResponse<byte[]> profile = get(base + "/issuer", "Accept", "application/ld+json, application/json");
    assertEquals(200, profile.statusCode());
    assertEquals(base + "/issuer", SafeJson.read(profile.body()).path("id").asText());
    assertEquals("*", profile.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    HttpResponse<byte[]> issuerPage = get(base + "/issuer", "Accept", "text/html");
    String issuerHtml = new String(issuerPage.body(), "UTF-8");
    assertTrue(issuerHtml.contains("Escuela Ñandú &lt;b&gt;"), issuerHtml);
    assertEquals(200, get(base + "/.well-known/jwks.json").statusCode());
    assertEquals(404, get(base + "/badges/../publish/resources.json").statusCode());
    assertEquals(404, get(base + "/badges/nope").statusCode());
    assertEquals(405, HTTP.send(HttpRequest.newBuilder(URI.create(page)).DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
  }
}
