package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.validation.CheckCode;
import io.github.insignia.openbadges.validation.Outcome;
import io.github.insignia.openbadges.validation.Verdict;
import io.github.insignia.openbadges.validation.VerificationReport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Import as a new learner tries it, with badges this repository did not make: Badgr / Canvas
 * Credentials, Credly, Moodle and Open Badge Factory (OB 2.0 hosted and signed), and OB 3.0
 * credentials signed by Digital Bazaar's libraries (did:key and did:web, Data Integrity and
 * VC-JWT), served at their real URLs by {@link ForeignIssuers}; then each refusal a learner meets,
 * with its reason in English and Spanish, and what the learner sees after import.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(ForeignIssuers.Dns.class)
class PortalImportTest {
  static final int PORT = PortalTestSupport.freePort();
  static final Path DATA = PortalTestSupport.tempDir();
  static final String BASE = "http://localhost:" + PORT;
  static final ForeignIssuers ISSUERS = ForeignIssuers.Dns.SERVER;
  static final String BADGR = "https://api.badgr.io/public/assertions/Xh2vD8bTQTe1nM8mGvN7Fw";
  static final String BADGR_CLASS = "https://api.badgr.io/public/badges/pQ3kL0sRTaCyq2mJdD1xHg";
  static final String BADGR_ISSUER = "https://api.badgr.io/public/issuers/u7ZfJq9WRh6c0pS3lM2kTA";
  static final String BADGR_IMAGE = "https://media.badgr.io/uploads/badges/issuer_badgeclass_pQ3kL0sRTaCyq2mJdD1xHg.png";
  static final String CREDLY = "https://www.credly.com/badges/8d3c6a2e-1f4b-4e8a-9c7d-2b5e0f1a3c9d/public_url";
  static final String CREDLY_API = "https://api.credly.com/v1/obi/v2/badge_assertions/";
  static final String MOODLE = "https://moodle.school.example/badges/assertion.php?b=3f9c2b7a1e8d4c6f0a5b9e2d7c1f4a8b&obversion=2";
  static final String UNIVERSITY_IMAGE = "https://university.example/badges/open-science.png";
  static final String STATUS_LIST = "https://university.example/status/1";
  private static PortalClient learner;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    PortalTestSupport.register(r, PORT, DATA, 4);
  }

  @Autowired RateLimiter limiter;
  @Autowired BadgeImports importer;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @BeforeEach
  void resetLimits() {
    limiter.reset();
  }

  @AfterEach
  void resetIssuers() {
    ISSUERS.reset();
  }

  /** The learner whose confirmed address the corpus badges were issued to. */
  synchronized PortalClient learner() throws Exception {
    if (learner == null) {
      learner = signedUp(ForeignIssuers.LEARNER);
    }
    return learner;
  }

  static PortalClient signedUp(String email) throws Exception {
    PortalClient c = new PortalClient(BASE);
    assertEquals(200, PortalHttpTest.signUp(c, "Ana García", email, PortalHttpTest.PASSWORD).statusCode());
    String link = PortalTestSupport.link(PortalTestSupport.lastMailTo(DATA, email), BASE + "/confirm?token=");
    assertEquals(200, c.get(link).statusCode());
    assertEquals(302, PortalHttpTest.logIn(c, email, PortalHttpTest.PASSWORD).statusCode());
    return c;
  }

  HttpResponse<String> upload(String file, String lang) throws Exception {
    limiter.reset();
    return learner().upload("/import", "/import", "file", file, ForeignIssuers.file(file), lang);
  }

  HttpResponse<String> vector(String path) throws Exception {
    limiter.reset();
    byte[] bytes = java.nio.file.Files.readAllBytes(io.github.insignia.openbadges.testvectors.TestVectors.path(path));
    return learner().upload("/import", "/import?lang=en", "file", "badge.json", bytes, null);
  }

  HttpResponse<String> byUrl(String url, String lang) throws Exception {
    limiter.reset();
    PortalClient c = learner();
    if (lang != null) {
      c.get("/my?lang=" + lang);
    }
    return c.submit("/import", "/import", "url", url);
  }

  static void imported(HttpResponse<String> r) {
    assertEquals(302, r.statusCode(), () -> PortalClient.text(r));
    assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/my?imported"));
  }

  /** Refused with 422, never a 500 or a stack trace, the learner's sentence on the page. */
  static String refused(HttpResponse<String> r, String sentence) {
    String text = PortalClient.text(r);
    assertEquals(422, r.statusCode(), text);
    assertTrue(text.contains(sentence), () -> "expected «" + sentence + "» in: " + text);
    assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), text);
    return text;
  }

  Element entry(Document my, String name) {
    return my.select("ul.imported li").stream().filter(li -> li.text().contains(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in My badges: " + my.text()));
  }

  @Test
  void badgesFromOtherPlatformsAreImportedShownAndRemovable() throws Exception {
    learner().get("/my?lang=en");
    // by upload: baked PNG (Badgr, Moodle, OB 3.0 eddsa-rdfc-2022 with did:key and did:web, ecdsa-rdfc-2019 P-256), baked SVG
    // (Open Badge Factory's signed JWS, OB 3.0 JSON and VC-JWT), bare JSON and JWT
    for (String f : List.of("badgr-baked.png", "moodle-baked.png", "obf-signed.svg", "obf-signed.jws", "ob3-didkey-eddsa.png",
        "ob3-didkey-eddsa.svg", "ob3-didkey-eddsa.json", "ob3-didkey.jwt", "ob3-didkey-jwt.svg", "ob3-didweb-eddsa.png",
        "ob3-didkey-ecdsa.png", "ob3-didkey-ecdsa.json")) {
      imported(upload(f, null));
    }
    // by URL: hosted assertions (ld+json and json, query strings), Credly's public URL (a redirect), a baked image
    ISSUERS.serve("https://media.badgr.io/uploads/badges/baked/assertion-Xh2vD8bTQTe1nM8mGvN7Fw.png", "badgr-baked.png", "image/png");
    for (String url : List.of(BADGR, CREDLY, MOODLE, "https://media.badgr.io/uploads/badges/baked/assertion-Xh2vD8bTQTe1nM8mGvN7Fw.png")) {
      imported(byUrl(url, null));
    }
    // the same badge by several routes (PNG, SVG, JSON; JWS and SVG; URL and baked file) is one entry
    Document my = Jsoup.parse(learner().get("/my").body());
    assertEquals(8, my.select("ul.imported li").size(), my.text());
    assertTrue(entry(my, "Accessible Course Design").text().contains("Instituto de Formación Ejemplo"));
    Element badgr = entry(my, "Data Literacy Foundations");
    assertTrue(badgr.text().contains("(Learning Example Academy)") && badgr.text().contains("valid")
        && badgr.text().contains("2025-03-14"), badgr.text());
    assertTrue(entry(my, "Cloud Practitioner Essentials").text().contains("Expires on 2028-05-02"));
    assertTrue(entry(my, "Digital Citizenship").text().contains("IES Ejemplo"));
    assertTrue(entry(my, "Facilitation Skills").text().contains("Open Badge Factory Example Org"));
    assertTrue(entry(my, "Open Science Practices").text().contains("Expires on 2030-09-01"));
    assertTrue(entry(my, "Research Data Management").text().contains("Universidad Abierta de Ejemplo"));
    assertTrue(entry(my, "Citizen Science Projects").text().contains("valid"));
    // each with its image, stored at import and served as an image only
    for (Element li : my.select("ul.imported li")) {
      String src = li.select("img").attr("src");
      HttpResponse<byte[]> img = learner().getBytes(src);
      assertEquals(200, img.statusCode(), src);
      assertEquals("image/png", img.headers().firstValue("Content-Type").orElse(""));
      assertTrue(img.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
      assertEquals("nosniff", img.headers().firstValue("X-Content-Type-Options").orElse(""));
      assertArrayEquals(ForeignIssuers.file("badgr-image.png"), img.body(), "the platforms' image, as fetched");
    }

    // the details page: description, criteria, competences, issuer, dates, status asked again
    String details = badgr.select("a").attr("href");
    Document d = Jsoup.parse(learner().get(details).body());
    String text = d.text();
    for (String s : List.of("Reads, cleans and publishes open data responsibly.", "Pass the six module quizzes",
        "Manage data", "(ESCO)", "Learning Example Academy", "2025-03-14", "valid", "2.0")) {
      assertTrue(text.contains(s), () -> s + " in " + text);
    }
    assertEquals("https://learning.example/courses/data-literacy", d.select("a:contains(criteria page)").attr("href"));
    assertEquals(BADGR, d.select("a:contains(at its issuer)").attr("href"));
    Document es = Jsoup.parse(learner().get(details + "?lang=es").body());
    assertTrue(es.text().contains("válida") && es.text().contains("Competencias"), es.text());
    learner().get("/my?lang=en");
    Document ob3 = Jsoup.parse(learner().get(entry(my, "Open Science Practices").select("a").attr("href")).body());
    assertTrue(ob3.text().contains("Open science (University competence framework)") && ob3.text().contains("3.0"), ob3.text());
    // the file as last imported (the baked image at its URL), as an attachment
    HttpResponse<byte[]> file = learner().getBytes(details + "/badge");
    assertEquals("attachment; filename=\"imported-badge-" + details.substring(details.lastIndexOf('/') + 1) + ".png\"",
        file.headers().firstValue("Content-Disposition").orElse(""));
    assertArrayEquals(ForeignIssuers.file("badgr-baked.png"), file.body());

    // another learner sees none of it
    PortalClient other = signedUp(PortalHttpTest.newEmail());
    assertEquals(404, other.get(details).statusCode());
    assertEquals(404, other.getBytes(badgr.select("img").attr("src")).statusCode());

    // removing one: gone from the list, its image and file with it
    String moodle = entry(my, "Digital Citizenship").select("a").attr("href");
    HttpResponse<String> removed = learner().submit(moodle, moodle + "/delete");
    assertEquals(302, removed.statusCode());
    assertTrue(removed.headers().firstValue("Location").orElse("").endsWith("/my?removed"));
    Document after = Jsoup.parse(learner().get("/my?removed").body());
    assertEquals(7, after.select("ul.imported li").size());
    assertTrue(after.text().contains("The imported badge was removed."));
    assertEquals(404, learner().get(moodle).statusCode());
    assertEquals(404, learner().getBytes(moodle + "/image").statusCode());
  }

  @Test
  void theReportsOfTheCorpusSayWhatWasChecked() {
    List<String> me = List.of(ForeignIssuers.LEARNER);
    // hosted OB 2.0: the authoritative copy fetched at its id, the recipient's salted hash matched, the image obtained
    VerificationReport badgr = importer.verify(URI.create(BADGR), me, Locale.ENGLISH).report();
    assertEquals(Verdict.VALID, badgr.verdict(), badgr::toJson);
    assertTrue(passed(badgr, CheckCode.OB2_HOSTED_ID) && passed(badgr, CheckCode.RECIPIENT) && passed(badgr, CheckCode.IMAGE));
    assertTrue(badgr.find(CheckCode.RECIPIENT).orElseThrow().message().contains(ForeignIssuers.LEARNER));
    assertEquals(BADGR_IMAGE, badgr.image().orElseThrow().source(), "the BadgeClass image, after its redirect");
    // signed OB 2.0: the JWS's signature, by the key the issuer's profile names
    VerificationReport obf = importer.verify(ForeignIssuers.file("obf-signed.svg"), me, Locale.ENGLISH).report();
    assertEquals(Verdict.VALID, obf.verdict(), obf::toJson);
    assertTrue(passed(obf, CheckCode.PROOF), obf::toJson);
    assertEquals("data:", obf.image().orElseThrow().source());
    // OB 3.0, did:web with a status list: the proof by the DID document's key, the status bit read
    VerificationReport web = importer.verify(ForeignIssuers.file("ob3-didweb-eddsa.png"), me, Locale.ENGLISH).report();
    assertEquals(Verdict.VALID, web.verdict(), web::toJson);
    assertTrue(passed(web, CheckCode.PROOF) && passed(web, CheckCode.STATUS), web::toJson);
    assertTrue(web.find(CheckCode.PROOF).orElseThrow().message().contains("did:web:university.example"), web::toJson);
    assertEquals(UNIVERSITY_IMAGE, web.image().orElseThrow().source());
    // ecdsa-rdfc-2019 (P-256) by Digital Bazaar's cryptosuite, did:key
    VerificationReport ecdsa = importer.verify(ForeignIssuers.file("ob3-didkey-ecdsa.png"), me, Locale.ENGLISH).report();
    assertEquals(Verdict.VALID, ecdsa.verdict(), ecdsa::toJson);
    assertTrue(passed(ecdsa, CheckCode.PROOF) && ecdsa.find(CheckCode.PROOF).orElseThrow().message().contains("did:key:zDna"), ecdsa::toJson);
    // a VC-JWT whose achievement image is a data: URI
    VerificationReport jwt = importer.verify(ForeignIssuers.file("ob3-didkey.jwt"), me, Locale.ENGLISH).report();
    assertEquals(Verdict.VALID, jwt.verdict(), jwt::toJson);
    assertEquals("3.0", jwt.version().orElseThrow());
    assertEquals("data:", jwt.image().orElseThrow().source());
    // for someone else, none of them
    assertEquals(Verdict.INVALID, importer.verify(URI.create(BADGR), List.of(ForeignIssuers.OTHER), Locale.ENGLISH).report().verdict());
  }

  static boolean passed(VerificationReport r, CheckCode code) {
    return r.checks(Outcome.PASS).stream().anyMatch(c -> c.code() == code);
  }

  @Test
  void eachRefusalIsExplainedInEnglishAndSpanish() throws Exception {
    int before = Jsoup.parse(learner().get("/my").body()).select("ul.imported li").size();
    // issued to another address: hashed (Credly) and plain (Moodle)
    refused(byUrl(CREDLY_API + "2c4e6a8b-0d1f-4e3a-9b5c-7d9f1b3d5f7a", "en"), "This badge was issued to another email address");
    refused(byUrl(CREDLY_API + "2c4e6a8b-0d1f-4e3a-9b5c-7d9f1b3d5f7a", "es"), "Esta insignia se emitió a otra dirección de correo");
    refused(byUrl("https://moodle.school.example/badges/assertion.php?b=7b1d9f3a5c2e8b4d6f0a1c3e5b7d9f2a&obversion=2", "en"),
        "This badge was issued to another email address");
    refused(upload("ob3-other.json", "es"), "Esta insignia se emitió a otra dirección de correo");
    // the assertion behind a login, deleted, withdrawn
    for (int status : new int[] {401, 403}) {
      ISSUERS.answer(BADGR, status, "text/html", "<html>Please log in</html>".getBytes(StandardCharsets.UTF_8));
      refused(byUrl(BADGR, "en"), "is behind a login or an access restriction");
      refused(byUrl(BADGR, "es"), "está tras un inicio de sesión");
      refused(upload("badgr-baked.png", "en"), "is behind a login or an access restriction");
    }
    ISSUERS.answer(BADGR, 404, "text/html", new byte[0]);
    refused(byUrl(BADGR, "en"), "Nothing was found at this address");
    refused(byUrl(BADGR, "es"), "No hay nada en esta dirección");
    ISSUERS.answer(BADGR, 410, "text/html", new byte[0]);
    refused(byUrl(BADGR, "en"), "The issuer has revoked (withdrawn) this badge.");
    refused(upload("badgr-baked.png", "es"), "El emisor ha revocado (retirado) esta insignia.");
    ISSUERS.reset();
    // the BadgeClass or the Issuer behind a login
    for (String doc : List.of(BADGR_CLASS, BADGR_ISSUER)) {
      ISSUERS.answer(doc, 401, "application/json", "{\"error\":\"login\"}".getBytes(StandardCharsets.UTF_8));
      String text = refused(byUrl(BADGR, "en"), "is behind a login or an access restriction");
      assertTrue(text.contains(doc), "the report names the document: " + text);
      refused(byUrl(BADGR, "es"), "está tras un inicio de sesión");
      ISSUERS.reset();
    }
    // the image: behind a login, not an image; mandatory for import, though the badge itself verifies
    for (int status : new int[] {401, 403}) {
      ISSUERS.answer(BADGR_IMAGE, status, "text/html", "<html>login</html>".getBytes(StandardCharsets.UTF_8));
      refused(byUrl(BADGR, "en"), "The badge's image is behind a login or an access restriction.");
      refused(upload("badgr-baked.png", "es"), "La imagen de la insignia está tras un inicio de sesión");
      ISSUERS.answer(UNIVERSITY_IMAGE, status, "text/html", new byte[0]);
      refused(upload("ob3-didkey-eddsa.png", "en"), "The badge's image is behind a login");
    }
    ISSUERS.answer(BADGR_IMAGE, 200, "image/png", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8));
    refused(byUrl(BADGR, "en"), "The badge's image is not a PNG or SVG image.");
    refused(byUrl(BADGR, "es"), "La imagen de la insignia no es una imagen PNG ni SVG.");
    ISSUERS.reset();
    // revoked by its issuer: OB 2.0 "revoked": true, OB 3.0 status list bit
    String revoked = ForeignIssuers.text("badgr-assertion.json").replace("\"revoked\": false", "\"revoked\": true");
    ISSUERS.answer(BADGR, 200, "application/ld+json", revoked.getBytes(StandardCharsets.UTF_8));
    refused(byUrl(BADGR, "en"), "The issuer has revoked (withdrawn) this badge.");
    ISSUERS.serve(STATUS_LIST, "university-status-1-revoked.json", "application/vc+ld+json");
    refused(upload("ob3-didweb-eddsa.png", "es"), "El emisor ha revocado (retirado) esta insignia.");
    ISSUERS.reset();
    // expired
    refused(byUrl(CREDLY_API + "5e1a9b7c-3d2f-4a6e-8b0c-9f7e6d5c4b3a", "en"), "This badge has expired.");
    refused(upload("ob3-expired.json", "es"), "Esta insignia ha caducado.");
    // forged: signed by a key that is not the issuer's; a baked PNG altered after signing
    refused(upload("obf-forged.jws", "en"), "The badge's signature does not hold");
    refused(upload("ob3-tampered.png", "es"), "La firma de la insignia no es válida");
    // the badge names a private address (its BadgeClass); the URL given is one
    String inward = ForeignIssuers.text("badgr-assertion.json").replace(BADGR_CLASS, "http://192.168.1.20/badges/1.json");
    ISSUERS.answer(BADGR, 200, "application/ld+json", inward.getBytes(StandardCharsets.UTF_8));
    refused(byUrl(BADGR, "en"), "The badge points to a private network address");
    refused(byUrl("http://10.0.0.1/badge.json", "es"), "La insignia apunta a una dirección de red privada");
    refused(byUrl("http://127.0.0.1:" + PORT + "/badges/status/0", "en"), "private network address");
    ISSUERS.reset();
    // a web page, a server that never answers, a body too large
    refused(byUrl("https://badgr.com/public/assertions/Xh2vD8bTQTe1nM8mGvN7Fw", "en"), "This is not a badge");
    refused(byUrl("https://badgr.com/public/assertions/Xh2vD8bTQTe1nM8mGvN7Fw", "es"), "Esto no es una insignia");
    ISSUERS.hang("https://api.badgr.io/public/assertions/slow");
    refused(byUrl("https://api.badgr.io/public/assertions/slow", "en"), "could not be reached or did not answer in time");
    ISSUERS.answer("https://api.badgr.io/public/assertions/huge", 200, "application/json", new byte[5 * 1024 * 1024]);
    refused(byUrl("https://api.badgr.io/public/assertions/huge", "es"), "es demasiado grande");
    // the 1EdTech OB 3.0 examples: none verifies (unsigned, or a key at example.edu that does not exist)
    refused(vector("ob3/ob-spec-examples/examples-basicOpenBadgeCredential-01.json"), "The badge carries no signature");
    refused(vector("eddsa-vectors/ob-spec-obv3p0/credential-signed.json"), "This badge was issued to another email address");
    // nothing of it was kept
    Document my = Jsoup.parse(learner().get("/my?lang=en").body());
    assertEquals(before, my.select("ul.imported li").size(), my.text());
  }

  @Test
  void aBadgeRevokedAfterImportShowsRevoked() throws Exception {
    learner().get("/my?lang=en");
    imported(byUrl(BADGR, null));
    imported(upload("ob3-didweb-eddsa.png", null));
    Document my = Jsoup.parse(learner().get("/my").body());
    String badgr = entry(my, "Data Literacy Foundations").select("a").attr("href");
    String university = entry(my, "Citizen Science Projects").select("a").attr("href");
    assertTrue(PortalClient.text(learner().get(badgr)).contains("Status valid"));
    // the issuers revoke: Badgr answers 410 Gone, the university sets the status bit
    ISSUERS.answer(BADGR, 410, "text/html", new byte[0]);
    ISSUERS.serve(STATUS_LIST, "university-status-1-revoked.json", "application/vc+ld+json");
    assertTrue(PortalClient.text(learner().get(badgr)).contains("Status revoked"), PortalClient.text(learner().get(badgr)));
    assertTrue(PortalClient.text(learner().get(university)).contains("Status revoked"));
    Document es = Jsoup.parse(learner().get(university + "?lang=es").body());
    assertTrue(es.text().contains("revocada"), es.text());
    learner().get("/my?lang=en");
    my = Jsoup.parse(learner().get("/my").body());
    assertTrue(entry(my, "Data Literacy Foundations").text().contains("revoked"), "My badges shows the last check");
    // the issuer unreachable: "could not be checked now", never "valid"
    ISSUERS.answer(BADGR, 503, "text/html", new byte[0]);
    assertTrue(PortalClient.text(learner().get(badgr)).contains("could not be checked now"));
    ISSUERS.reset();
    assertTrue(PortalClient.text(learner().get(badgr)).contains("Status valid"));
  }

  @Test
  void reChecksAreBoundedPerAccount() throws Exception {
    learner().get("/my?lang=en");
    imported(byUrl(BADGR, null));
    String badgr = entry(Jsoup.parse(learner().get("/my").body()), "Data Literacy Foundations").select("a").attr("href");
    assertTrue(PortalClient.text(learner().get(badgr)).contains("Status valid"));
    long account = jdbc.sql("SELECT account_id FROM portal_email WHERE email = ?").param(ForeignIssuers.LEARNER)
        .query(Long.class).single();
    while (limiter.tryAcquire("import-recheck", 30, 30, Long.toString(account))) {
      // drain this account's re-checks
    }
    ISSUERS.answer(BADGR, 410, "text/html", new byte[0]);
    assertTrue(PortalClient.text(learner().get(badgr)).contains("Status valid"), "the last known status, nothing fetched");
    limiter.reset();
    assertTrue(PortalClient.text(learner().get(badgr)).contains("Status revoked"));
  }

  @Test
  void anSvgImageIsStoredAndServedAsAnImageThatRunsNothing() throws Exception {
    byte[] svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script>"
        + "<rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8);
    ISSUERS.answer("https://moodle.school.example/pluginfile.php/1/badges/badgeimage/7/f3", 200, "image/svg+xml", svg);
    imported(byUrl(MOODLE, "en"));
    Element li = entry(Jsoup.parse(learner().get("/my").body()), "Digital Citizenship");
    HttpResponse<byte[]> img = learner().getBytes(li.select("img").attr("src"));
    assertEquals("image/svg+xml", img.headers().firstValue("Content-Type").orElse(""));
    String csp = img.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("sandbox") && csp.contains("default-src 'none'"), csp);
    assertArrayEquals(svg, img.body());
  }
}
