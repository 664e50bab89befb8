package io.github.insignia.openbadges.web;

import io.github.insignia.openbadges.issuing.http.ServiceRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.insignia.openbadges.issuing.status.Revocation;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.VerificationOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BadgeSite} through its framework-neutral API: pages, negotiation, downloads, verification, hostile input. */
class BadgeSiteTest {
  static final String BASE = "https://badges.escuela.example/site";
  @TempDir static Path dir;
  static Fixtures.Batch batch;
  static BadgeSite site;

  @BeforeAll
  static void issue() throws Exception {
    batch = Fixtures.issue(dir.resolve("out"), "https://badges.escuela.example/site/issuer", BASE, true);
    site = BadgeSite.builder(URI.create(BASE), FolderBadgeStore.open(batch.out()))
        .verificationOptions(VerificationOptions.builder().offline(true).build())
        .statusLists(batch.service(), batch.prover())
        .build();
  }

  static WebResponse get(String path, String... headers) {
    ServiceRequest.Builder b = ServiceRequest.builder("GET", path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
    if (path.contains("?")) {
      String[] kv = path.substring(path.indexOf('?') + 1).split("=", 2);
      b.query(kv[0], kv[1]);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return site.handle(b.build());
  }

  static String id(int i) {
    return batch.folders().get(i).getFileName().toString();
  }

  @Test
  void badgePageShowsTheBadgeEscapedWithItsMetadata() {
    WebResponse r = get("/badges/" + id(0), "Accept", "text/html");
    assertEquals(200, r.status());
    assertEquals("nosniff", r.header("X-Content-Type-Options").orElseThrow());
    assertTrue(r.header("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
    Document doc = Jsoup.parse(r.bodyText());
    assertEquals("Ciencia & Tecnología <i>", doc.selectFirst("h1").text());
    assertTrue(doc.select("script, i").isEmpty(), "markup from the badge is text");
    for (Element a : doc.select("[href], [src]")) {
      String url = a.hasAttr("href") ? a.attr("href") : a.attr("src");
      assertFalse(url.toLowerCase().startsWith("javascript:"), a.outerHtml());
    }
    assertTrue(doc.text().contains("Data analysis (DA1)"));
    assertEquals("https://framework.example/st", doc.selectFirst("a:contains(Statistics)").attr("href"));
    assertTrue(doc.selectFirst(".issuer").text().contains("Escuela \"Ñandú\""));
    assertTrue(doc.text().contains("Essay") || doc.text().contains("lms.example") || !doc.select("#evidence").isEmpty()
        || batch.folders().size() == 2);
    assertEquals(BASE + "/badges/" + id(0) + "/badge.png", doc.selectFirst("meta[property=og:image]").attr("content"));
    assertEquals(BASE + "/badges/" + id(0) + "/badge.png", doc.selectFirst("article img").attr("src"));
    assertFalse(doc.selectFirst("article img").attr("alt").isBlank());
    assertNull(doc.selectFirst(".recipient"), "the learner's email is never shown; this credential carries no name");
    assertFalse(doc.text().contains("ana@example.org"));
    assertTrue(r.header("Vary").orElseThrow().contains("Accept"));
  }

  @Test
  void credentialByContentNegotiation() throws Exception {
    byte[] stored = Files.readAllBytes(batch.folders().get(0).resolve("badge.json"));
    for (String accept : new String[] {"application/ld+json", "application/json", "application/ld+json;q=0.9, text/html;q=0.5"}) {
      WebResponse r = get("/badges/" + id(0), "Accept", accept);
      assertEquals(200, r.status(), accept);
      assertEquals(SafeJson.read(stored), SafeJson.read(r.body()));
      assertEquals("*", r.header("Access-Control-Allow-Origin").orElseThrow());
    }
    assertTrue(get("/badges/" + id(0), "Accept", "text/html, application/json;q=0.5").header("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(get("/badges/" + id(0)).header("Content-Type").orElseThrow().startsWith("text/html"));
  }

  @Test
  void downloadsHaveTypesNamesEtagsAndCaching() {
    Map<String, String> types = Map.of("badge.png", "image/png", "badge.svg", "image/svg+xml", "badge.json", "application/ld+json",
        "badge.jwt", "application/vc+jwt", "certificate.pdf", "application/pdf");
    for (Map.Entry<String, String> e : types.entrySet()) {
      WebResponse r = get("/badges/" + id(0) + "/" + e.getKey());
      assertEquals(200, r.status(), e.getKey());
      assertEquals(e.getValue(), r.header("Content-Type").orElseThrow());
      assertTrue(r.header("Content-Disposition").orElseThrow().matches("(inline|attachment); filename=\"ciencia-tecnologia-i-[a-z.]+\""),
          r.header("Content-Disposition").orElseThrow());
      assertTrue(r.header("Cache-Control").orElseThrow().contains("max-age"));
      String etag = r.header("ETag").orElseThrow();
      WebResponse again = get("/badges/" + id(0) + "/" + e.getKey(), "If-None-Match", etag);
      assertEquals(304, again.status());
      assertEquals(0, again.bodyLength());
    }
    assertEquals("application/vc+ld+json",
        get("/badges/" + id(0) + "/badge.json", "Accept", "application/vc+ld+json").header("Content-Type").orElseThrow());
    assertEquals("application/jwt", get("/badges/" + id(0) + "/badge.jwt", "Accept", "application/jwt").header("Content-Type").orElseThrow());
    WebResponse head = site.handle(ServiceRequest.builder("HEAD", "/badges/" + id(0) + "/badge.png").build());
    assertEquals(200, head.status());
    assertEquals(0, head.bodyLength());
    assertTrue(Integer.parseInt(head.header("Content-Length").orElseThrow()) > 0);
  }

  @Test
  void revokedAndExpiredAreShownAsTheyAreNow() {
    String revokedId = SafeJson.read(readUnchecked(batch.folders().get(1).resolve("badge.json"))).path("id").asText();
    batch.status().revoke(new Revocation(revokedId, "left the course", Instant.now()));
    Document revoked = Jsoup.parse(get("/badges/" + id(1)).bodyText());
    assertEquals("Revoked", revoked.selectFirst("#status").text());
    assertEquals("INVALID", revoked.selectFirst("#verdict").className().replace("verdict ", ""), "the live status list says so too");
    WebResponse list = get("/status/0");
    assertEquals(200, list.status());
    assertTrue(SafeJson.read(list.body()).path("type").toString().contains("BitstringStatusListCredential"));
    assertNull(revoked.selectFirst("a.linkedin"), "a revoked badge is not offered to LinkedIn");
    assertFalse(revoked.select("[role=alert]").isEmpty());

    BadgeSite later = BadgeSite.builder(URI.create(BASE), FolderBadgeStore.open(batch.out()))
        .verificationOptions(VerificationOptions.builder().offline(true).build())
        .clock(Clock.fixed(Instant.now().plus(400, ChronoUnit.DAYS), ZoneOffset.UTC))
        .build();
    Document expired = Jsoup.parse(later.handle(ServiceRequest.builder("GET", "/badges/" + id(0)).header("Accept-Language", "es").build()).bodyText());
    assertEquals("Caducada", expired.selectFirst("#status").text());
    assertNull(expired.selectFirst("a.linkedin"));
  }

  private static byte[] readUnchecked(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void linkedInAndShareLinksPointAtThePage() {
    Document doc = Jsoup.parse(get("/badges/" + id(0)).bodyText());
    String page = BASE + "/badges/" + id(0);
    String linkedIn = doc.selectFirst("a.linkedin").attr("href");
    assertTrue(linkedIn.startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"), linkedIn);
    assertTrue(linkedIn.contains("certUrl=" + page.replace(":", "%3A").replace("/", "%2F")), linkedIn);
    assertFalse(doc.select("a.share-x").isEmpty());
  }

  @Test
  void spanishByHeaderOrParameter() {
    Document es = Jsoup.parse(get("/badges/" + id(0), "Accept-Language", "es-MX,es;q=0.8").bodyText());
    assertEquals("es", es.selectFirst("html").attr("lang"));
    assertTrue(es.text().contains("Emitida por"));
    assertEquals("es", Jsoup.parse(get("/verify?lang=es", "Accept-Language", "en").bodyText()).selectFirst("html").attr("lang"));
    assertEquals("en", Jsoup.parse(get("/verify?lang=xx", "Accept-Language", "fr, en;q=0.1").bodyText()).selectFirst("html").attr("lang"));
  }

  static WebResponse postForm(String path, String fieldName, String fileName, byte[] content, String lang) {
    String boundary = "----insignia" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fieldName + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return site.handle(ServiceRequest.builder("POST", path).query("lang", lang)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).body(body).build());
  }

  @Test
  void verificationPageVerifiesUploadsInTheReadersLanguage() throws Exception {
    byte[] png = Files.readAllBytes(batch.folders().get(0).resolve("badge.png"));
    Document en = Jsoup.parse(postForm("/verify", "file", "badge.png", png, "en").bodyText());
    assertEquals("Valid", en.selectFirst("#verdict").text(), en.select("#report").text());
    Document es = Jsoup.parse(postForm("/verify", "file", "badge.png", png, "es").bodyText());
    assertEquals("Válida", es.selectFirst("#verdict").text());
    byte[] pdf = get("/badges/" + id(0) + "/certificate.pdf").body();
    Document fromPdf = Jsoup.parse(postForm("/verify", "file", "certificate.pdf", pdf, "en").bodyText());
    assertEquals("Valid", fromPdf.selectFirst("#verdict").text(), fromPdf.select("#report").text());
    Document pasted = Jsoup.parse(postForm("/verify", "text", null, Files.readAllBytes(batch.folders().get(0).resolve("badge.json")), "en").bodyText());
    assertEquals("Valid", pasted.selectFirst("#verdict").text());
    WebResponse nothing = postForm("/verify", "other", null, new byte[0], "en");
    assertEquals(400, nothing.status());
  }

  @Test
  void hostileUploadsGetTheReportsErrorNeverAStackTrace() {
    byte[][] hostile = {
      "%PDF-1.7 garbage".getBytes(StandardCharsets.UTF_8),
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8),
      new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13},
      "{\"@context\":[".repeat(2000).getBytes(StandardCharsets.UTF_8),
      "eyJhbGciOiJub25lIn0.eyJ2YyI6e319.".getBytes(StandardCharsets.UTF_8),
    };
    for (byte[] h : hostile) {
      WebResponse html = postForm("/verify", "file", "x", h, "en");
      assertEquals(200, html.status());
      Document doc = Jsoup.parse(html.bodyText());
      assertEquals("Not valid", doc.selectFirst("#verdict").text(), doc.select("#report").text());
      assertFalse(html.bodyText().contains("Exception") || html.bodyText().contains("\tat "), html.bodyText());
      assertTrue(doc.select("script").isEmpty());
      WebResponse api = site.handle(ServiceRequest.builder("POST", "/api/verify").body(h).build());
      assertEquals(200, api.status());
      assertEquals("INVALID", SafeJson.read(api.body()).path("verdict").asText());
    }
    WebResponse tooLarge = site.handle(ServiceRequest.builder("POST", "/api/verify").bodyTooLarge(true).build());
    assertEquals(413, tooLarge.status());
  }

  @Test
  void neverFetchesAPrivateAddress() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      hits.incrementAndGet();
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    server.start();
    try {
      BadgeSite online = BadgeSite.builder(URI.create(BASE), FolderBadgeStore.open(batch.out())).build();
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/badge.json";
      WebResponse r = online.handle(ServiceRequest.builder("POST", "/api/verify").body(url.getBytes(StandardCharsets.UTF_8)).build());
      JsonNode report = SafeJson.read(r.body());
      assertFalse(report.path("valid").asBoolean(), report.toString());
      assertEquals(0, hits.get(), "the guarded fetcher refused the loopback address");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void apiVerifyAnswersTheCommandLinesJson() throws Exception {
    byte[] svg = Files.readAllBytes(batch.folders().get(0).resolve("badge.svg"));
    WebResponse r = site.handle(ServiceRequest.builder("POST", "/api/verify").header("Accept-Language", "es").body(svg).build());
    assertEquals("application/json", r.header("Content-Type").orElseThrow());
    JsonNode json = SafeJson.read(r.body());
    assertEquals("VALID", json.path("verdict").asText(), json.toString());
    assertTrue(json.path("valid").asBoolean());
    assertEquals("svg", json.path("input").asText());
    assertTrue(json.path("checks").isArray() && json.path("checks").size() > 3);
    WebResponse options = site.handle(ServiceRequest.builder("OPTIONS", "/api/verify").header("Origin", "https://other.example").build());
    assertEquals(204, options.status());
    assertEquals("*", options.header("Access-Control-Allow-Origin").orElseThrow());
    assertEquals(405, site.handle(ServiceRequest.builder("GET", "/api/verify").build()).status());
  }

  @Test
  void hostsThePublishedDocumentsAndRefusesEverythingElse() {
    WebResponse profile = get("/issuer", "Accept", "application/ld+json");
    assertEquals(200, profile.status());
    assertTrue(profile.header("Content-Type").orElseThrow().matches("application/(ld\\+)?json"));
    assertEquals(batch.issuerId(), SafeJson.read(profile.body()).path("id").asText());
    assertEquals("*", profile.header("Access-Control-Allow-Origin").orElseThrow());
    assertTrue(profile.header("ETag").isPresent());
    Document page = Jsoup.parse(get("/issuer", "Accept", "text/html").bodyText());
    assertEquals("Escuela \"Ñandú\"", page.selectFirst("h1").text());
    assertTrue(page.text().contains("info@escuela.example"));
    assertNull(page.selectFirst("a[href^=javascript]"));
    WebResponse jwks = get("/.well-known/jwks.json");
    assertEquals(404, jwks.status(), "the JWKS lives at the origin's root, outside this site's base path");
    for (String path : new String[] {"/badges/..%2Fpublish", "/badges/../publish/resources.json", "/publish/resources.json",
        "/badges/" + id(0) + "/links.json", "/badges/" + id(0) + "/../../x", "/nothing"}) {
      assertEquals(404, get(path).status(), path);
    }
    assertEquals(200, get("/").status());
    assertEquals(405, site.handle(ServiceRequest.builder("DELETE", "/badges/" + id(0)).build()).status());
  }

  @Test
  void slugsAreAsciiFileNames() {
    assertEquals("ciencia-tecnologia", BadgeSite.slug("Ciencia & Tecnología"));
    assertEquals("badge", BadgeSite.slug("日本語"));
    assertEquals("a-b", BadgeSite.slug("\"a\"/..\\b"));
  }
}
