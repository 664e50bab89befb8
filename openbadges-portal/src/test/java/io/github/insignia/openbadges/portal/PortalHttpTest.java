package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.AwardRequest;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.Recipient;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.Criteria;
import io.github.insignia.openbadges.model.ob3.Profile;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.Verdict;
import io.github.insignia.openbadges.validation.VerificationOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The learner's journey and each security rule, over real HTTP against the portal on a loopback
 * port: on H2, and again on a real PostgreSQL in the build's {@code journey-on-postgresql} run
 * ({@code -Dinsignia.portal.test.db=postgresql}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalHttpTest {
  static final int PORT = PortalTestSupport.freePort();
  static final Path DATA = PortalTestSupport.tempDir();
  static final String BASE = "http://localhost:" + PORT;
  static final AtomicInteger SEQ = new AtomicInteger();
  static final String PASSWORD = "correct horse battery";

  static String database;

  /** Before the context loads: the database (a PostgreSQL run without PostgreSQL is skipped here). */
  @BeforeAll
  static void database() {
    if (database == null) {
      database = PortalTestSupport.newDatabaseUrl("portal-" + PORT);
    }
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    PortalTestSupport.register(r, PORT, DATA, 4, database);
  }

  @Autowired RateLimiter limiter;
  @Autowired JdbcClient jdbc;
  @Autowired BadgeVerifier importVerifier;

  @Test
  void importAcceptsOnlyAwardedBadges() {
    assertEquals(java.util.Set.of(io.github.insignia.openbadges.model.DocumentKind.ASSERTION,
        io.github.insignia.openbadges.model.DocumentKind.CREDENTIAL), importVerifier.options().expectedKinds());
  }

  @Autowired org.springframework.context.ApplicationContext context;

  @Test
  void theStartersHealthIndicatorIsUpOnTheJdbcStoreAndTheEndpointSaysOnlyUp() throws Exception {
    org.springframework.boot.health.contributor.Health health = context.getBean("insigniaHealthIndicator",
        org.springframework.boot.health.contributor.HealthIndicator.class).health();
    assertEquals(org.springframework.boot.health.contributor.Status.UP, health.getStatus(), health.toString());
    assertEquals("loadable", health.getDetails().get("key"));
    assertEquals("writable (jdbc)", health.getDetails().get("statusStore"));
    HttpResponse<String> r = new PortalClient(BASE).get("/actuator/health");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = SafeJson.read(r.body());
    assertEquals("UP", body.path("status").asText());
    assertFalse(body.has("components") || body.has("details"), "no details in public: " + r.body());
    // no other actuator endpoint is exposed
    assertTrue(new PortalClient(BASE).get("/actuator/env").statusCode() != 200);
  }

  @BeforeEach
  void resetLimits() {
    limiter.reset();
  }

  static String newEmail() {
    return "learner" + SEQ.incrementAndGet() + "@example.org";
  }

  /** Signs up (solving the proof of work as the page's script does) and answers the response. */
  static HttpResponse<String> signUp(PortalClient c, String name, String email, String password) throws Exception {
    Document form = Jsoup.parse(c.get("/signup").body());
    String challenge = form.select("input[name=pow_challenge]").attr("value");
    return c.submit("/signup", "/signup", "name", name, "email", email, "password", password,
        "pow_challenge", challenge, "pow_nonce", ProofOfWork.solve(challenge));
  }

  static void confirm(PortalClient c, String email) throws Exception {
    String mail = PortalTestSupport.lastMailTo(DATA, email);
    assertNotNull(mail, "a confirmation mail");
    String link = PortalTestSupport.link(mail, BASE + "/confirm?token=");
    assertNotNull(link);
    HttpResponse<String> r = c.get(link);
    assertEquals(200, r.statusCode());
    assertTrue(PortalClient.text(r).contains("Your address is confirmed"), r.body());
  }

  static HttpResponse<String> logIn(PortalClient c, String email, String password) throws Exception {
    return c.submit("/login", "/login", "username", email, "password", password);
  }

  static PortalClient learner(String email) throws Exception {
    PortalClient c = new PortalClient(BASE);
    assertEquals(200, signUp(c, "Ada Lovelace", email, PASSWORD).statusCode());
    confirm(c, email);
    HttpResponse<String> r = logIn(c, email, PASSWORD);
    assertEquals(302, r.statusCode());
    assertEquals(BASE + "/my", r.headers().firstValue("Location").orElse("").replace("http://localhost:" + PORT, BASE));
    return c;
  }

  static HttpResponse<String> award(String body, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + "/api/awards"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String awardTo(String email) throws Exception {
    HttpResponse<String> r = award("{\"email\":\"" + email + "\",\"course\":\"open-data\"}", PortalTestSupport.API_KEY);
    assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.body());
    return SafeJson.read(r.body()).path("badgeId").asText();
  }

  @Test
  void journeyFromAwardToDetailsDownloadsAndSharing() throws Exception {
    String email = newEmail();
    // the course platform awards before the learner has an account; the badge waits for them
    String badgeId = awardTo(email.toUpperCase(java.util.Locale.ROOT));
    PortalClient c = new PortalClient(BASE);
    assertEquals(200, signUp(c, "Ada Lovelace", email, PASSWORD).statusCode());
    // not confirmed yet: log-in fails with the same message as a wrong password
    HttpResponse<String> early = logIn(c, email, PASSWORD);
    assertTrue(early.headers().firstValue("Location").orElse("").endsWith("/login?error"));
    confirm(c, email);
    assertEquals(302, logIn(c, email, PASSWORD).statusCode());

    HttpResponse<String> my = c.get("/my");
    assertEquals(200, my.statusCode());
    Document page = Jsoup.parse(my.body());
    assertEquals("Teaching with open data", page.select("a[href=/my/badges/" + badgeId + "]").text());
    assertTrue(page.text().contains("valid"));
    assertTrue(page.text().contains("Expires on"));

    HttpResponse<String> details = c.get("/my/badges/" + badgeId);
    assertEquals(200, details.statusCode());
    Document d = Jsoup.parse(details.body());
    assertTrue(d.text().contains("Finding and evaluating open data"), "competences");
    assertTrue(d.text().contains("Designing a data-based lesson"));
    assertFalse(d.select("time").isEmpty());
    String linkedin = d.select("a.button[href^=https://www.linkedin.com]").attr("href");
    assertFalse(linkedin.isEmpty(), "Add to LinkedIn");
    assertFalse(d.select("a[href^=https://]:contains(Share on)").isEmpty(), "share links");
    for (String[] dl : new String[][] {{"badge.png", "image/png"}, {"badge.svg", "image/svg+xml"},
        {"badge.json", "application/ld+json"}, {"badge.jwt", "application/vc+jwt"}, {"certificate.pdf?lang=en", "application/pdf"}}) {
      String href = d.select("a[href=/badges/badges/" + badgeId + "/" + dl[0] + "]").attr("href");
      assertFalse(href.isEmpty(), dl[0]);
      HttpResponse<byte[]> file = c.getBytes(href);
      assertEquals(200, file.statusCode(), dl[0]);
      assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith(dl[1]), dl[0]);
    }
    // the public page, from the web module, for anyone
    HttpResponse<String> pub = new PortalClient(BASE).get("/badges/badges/" + badgeId);
    assertEquals(200, pub.statusCode());
    assertTrue(PortalClient.text(pub).contains("Teaching with open data"));

    // another learner cannot open this badge's details
    PortalClient other = learner(newEmail());
    assertEquals(404, other.get("/my/badges/" + badgeId).statusCode());

    // log out: My badges asks to log in again
    assertEquals(302, c.submit("/my", "/logout").statusCode());
    assertTrue(c.get("/my").headers().firstValue("Location").orElse("").endsWith("/login"));
  }

  @Test
  void awardApiNeedsTheKeyValidatesAndIsIdempotent() throws Exception {
    String email = newEmail();
    assertEquals(401, award("{\"email\":\"" + email + "\",\"course\":\"open-data\"}", null).statusCode());
    assertEquals(401, award("{\"email\":\"" + email + "\",\"course\":\"open-data\"}", "wrong").statusCode());
    assertEquals(400, award("{\"email\":\"" + email + "\",\"course\":\"no-such-course\"}", PortalTestSupport.API_KEY).statusCode());
    assertEquals(400, award("{\"email\":\"not an address\",\"course\":\"open-data\"}", PortalTestSupport.API_KEY).statusCode());
    assertEquals(400, award("{\"email\": [[[[", PortalTestSupport.API_KEY).statusCode());
    assertEquals(400, award("[" .repeat(5000), PortalTestSupport.API_KEY).statusCode());
    HttpResponse<String> first = award("{\"email\":\"" + email + "\",\"course\":\"open-data\"}", PortalTestSupport.API_KEY);
    HttpResponse<String> again = award("{\"email\":\" " + email.toUpperCase(java.util.Locale.ROOT) + "\",\"course\":\"open-data\"}", PortalTestSupport.API_KEY);
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(SafeJson.read(first.body()).path("badgeId"), SafeJson.read(again.body()).path("badgeId"));
    assertEquals(1L, jdbc.sql("SELECT COUNT(*) FROM portal_claim WHERE email = ?").param(email).query(Long.class).single());
    assertEquals(1L, jdbc.sql("SELECT COUNT(*) FROM portal_audit WHERE action = 'ISSUANCE' AND subject = ?")
        .param(SafeJson.read(first.body()).path("credentialId").asText()).query(Long.class).single());
  }

  @Test
  void awardsMeetTheCourseRequisitesOrAre422WithTheRequisiteAuditedAndNothingIssued() throws Exception {
    String email = newEmail();
    String[][] refused = {
        {"{\"email\":\"%s\",\"course\":\"closed\"}", "PORTAL_COURSE_DISABLED", "enabled"},
        {"{\"email\":\"%s\",\"course\":\"graded\",\"completedAt\":\"2026-06-30T10:00:00Z\"}", "PORTAL_SCORE_TOO_LOW", "min-score"},
        {"{\"email\":\"%s\",\"course\":\"graded\",\"score\":50.4,\"completedAt\":\"2026-06-30T10:00:00Z\"}", "PORTAL_SCORE_TOO_LOW", "min-score"},
        {"{\"email\":\"%s\",\"course\":\"graded\",\"score\":80}", "PORTAL_COMPLETION_DATE_MISSING", "requires-completion-date"},
        {"{\"email\":\"%s\",\"course\":\"graded\",\"score\":80,\"completedAt\":\"2999-01-01\"}", "PORTAL_COMPLETION_IN_FUTURE", "completedAt"},
        {"{\"email\":\"%s\",\"course\":\"graded\",\"score\":80,\"completedAt\":\"2025-12-31T23:59:59+00:00\"}", "PORTAL_COMPLETION_BEFORE_OPENING", "available-from"}};
    for (String[] c : refused) {
      HttpResponse<String> r = award(String.format(c[0], email), PortalTestSupport.API_KEY);
      assertEquals(422, r.statusCode(), r.body());
      JsonNode body = SafeJson.read(r.body());
      assertEquals(c[1], body.path("error").asText(), r.body());
      assertEquals(c[2], body.path("requisite").asText(), r.body());
    }
    // malformed values are 400, not a refusal
    assertEquals(400, award("{\"email\":\"" + email + "\",\"course\":\"graded\",\"score\":\"80\"}", PortalTestSupport.API_KEY).statusCode());
    assertEquals(400, award("{\"email\":\"" + email + "\",\"course\":\"graded\",\"score\":80,\"completedAt\":\"yesterday\"}",
        PortalTestSupport.API_KEY).statusCode());
    // nothing was issued, every refusal audited (the credential id, never the address)
    assertEquals(0L, jdbc.sql("SELECT COUNT(*) FROM portal_claim WHERE email = ?").param(email).query(Long.class).single());
    assertEquals((long) refused.length, jdbc.sql("SELECT COUNT(*) FROM portal_audit WHERE action = 'AWARD_REFUSED'"
        + " AND (detail LIKE 'course graded: PORTAL_%' OR detail LIKE 'course closed: PORTAL_%')").query(Long.class).single());
    assertEquals(0L, jdbc.sql("SELECT COUNT(*) FROM portal_audit WHERE subject LIKE ? OR detail LIKE ?")
        .params("%" + email + "%", "%" + email + "%").query(Long.class).single());

    // met: issued once; a repeat answers the same badge (idempotent), even without the score
    String ok = "{\"email\":\"" + email + "\",\"course\":\"graded\",\"score\":50.5,\"completedAt\":\"2026-06-30\"}";
    HttpResponse<String> first = award(ok, PortalTestSupport.API_KEY);
    assertEquals(201, first.statusCode(), first.body());
    HttpResponse<String> again = award(ok, PortalTestSupport.API_KEY);
    assertEquals(200, again.statusCode(), again.body());
    HttpResponse<String> bare = award("{\"email\":\"" + email + "\",\"course\":\"graded\"}", PortalTestSupport.API_KEY);
    assertEquals(200, bare.statusCode(), bare.body());
    assertEquals(SafeJson.read(first.body()).path("badgeId"), SafeJson.read(bare.body()).path("badgeId"));
    assertEquals(200, new PortalClient(BASE).get("/badges/badges/" + SafeJson.read(first.body()).path("badgeId").asText()).statusCode());
  }

  @Test
  void signUpAndResetNeverTellWhetherAnAddressHasAnAccount() throws Exception {
    String email = newEmail();
    PortalClient c = learner(email);
    long before = PortalTestSupport.mailCount(DATA);
    PortalClient stranger = new PortalClient(BASE);
    HttpResponse<String> taken = signUp(stranger, "Mallory", email, "another password 1");
    HttpResponse<String> fresh = signUp(stranger, "Mallory", newEmail(), "another password 1");
    assertEquals(fresh.statusCode(), taken.statusCode());
    assertEquals(Jsoup.parse(fresh.body()).select("main").text(), Jsoup.parse(taken.body()).select("main").text());
    // the owner is told by mail; their password is unchanged
    assertTrue(PortalTestSupport.lastMailTo(DATA, email).contains("already has one"));
    assertEquals(before + 2, PortalTestSupport.mailCount(DATA));
    assertEquals(302, logIn(new PortalClient(BASE), email, PASSWORD).statusCode());

    HttpResponse<String> known = stranger.submit("/reset", "/reset", "email", email);
    HttpResponse<String> unknown = stranger.submit("/reset", "/reset", "email", "nobody-" + email);
    assertEquals(known.statusCode(), unknown.statusCode());
    assertEquals(Jsoup.parse(known.body()).select("main").text(), Jsoup.parse(unknown.body()).select("main").text());
    assertNull(PortalTestSupport.lastMailTo(DATA, "nobody-" + email));

    HttpResponse<String> wrongPassword = logIn(new PortalClient(BASE), email, "not the password");
    HttpResponse<String> noAccount = logIn(new PortalClient(BASE), "nobody-" + email, "not the password");
    assertEquals(wrongPassword.headers().firstValue("Location"), noAccount.headers().firstValue("Location"));
    c.get("/my");
  }

  @Test
  void passwordResetLinkWorksOnceAndTheNewPasswordLogsIn() throws Exception {
    String email = newEmail();
    learner(email);
    PortalClient c = new PortalClient(BASE);
    c.submit("/reset", "/reset", "email", email);
    String link = PortalTestSupport.link(PortalTestSupport.lastMailTo(DATA, email), BASE + "/reset/new?token=");
    assertNotNull(link);
    String path = link.substring(BASE.length());
    String token = path.substring(path.indexOf('=') + 1);
    assertEquals(400, c.submit(path, "/reset/new", "token", token, "password", "short").statusCode());
    HttpResponse<String> done = c.submit(path, "/reset/new", "token", token, "password", "a brand new password");
    assertTrue(PortalClient.text(done).contains("Your new password is saved"), done.body());
    HttpResponse<String> reused = c.submit("/reset", "/reset/new", "token", token, "password", "yet another password");
    assertTrue(PortalClient.text(reused).contains("not valid"));
    assertTrue(logIn(new PortalClient(BASE), email, PASSWORD).headers().firstValue("Location").orElse("").endsWith("?error"));
    assertTrue(logIn(new PortalClient(BASE), email, "a brand new password").headers().firstValue("Location").orElse("").endsWith("/my"));
    assertTrue(PortalClient.text(c.get("/reset/new?token=forged")).contains("not valid"));
  }

  @Test
  void signUpNeedsTheProofOfWorkAndEachChallengeWorksOnce() throws Exception {
    PortalClient c = new PortalClient(BASE);
    String email = newEmail();
    HttpResponse<String> none = c.submit("/signup", "/signup", "name", "Bot", "email", email, "password", PASSWORD);
    assertEquals(400, none.statusCode());
    assertTrue(PortalClient.text(none).contains("anti-robot"));
    Document form = Jsoup.parse(c.get("/signup").body());
    String challenge = form.select("input[name=pow_challenge]").attr("value");
    assertTrue(form.select("script[src=/js/pow.js]").size() == 1 && form.select("noscript").size() == 1);
    String nonce = ProofOfWork.solve(challenge);
    assertEquals(200, c.submit("/signup", "/signup", "name", "Bot", "email", email, "password", PASSWORD,
        "pow_challenge", challenge, "pow_nonce", nonce).statusCode());
    assertEquals(400, c.submit("/signup", "/signup", "name", "Bot", "email", newEmail(), "password", PASSWORD,
        "pow_challenge", challenge, "pow_nonce", nonce).statusCode());
    String forged = challenge.substring(0, challenge.lastIndexOf('.') + 1) + "AAAA";
    assertEquals(400, c.submit("/signup", "/signup", "name", "Bot", "email", newEmail(), "password", PASSWORD,
        "pow_challenge", forged, "pow_nonce", ProofOfWork.solve(forged)).statusCode());
    assertEquals(200, new PortalClient(BASE).get("/js/pow.js").statusCode());
  }

  @Test
  void formsNeedTheCsrfTokenAndPagesCarryTheSecurityHeaders() throws Exception {
    PortalClient c = learner(newEmail());
    assertEquals(403, c.post("/account/delete", java.util.Map.of("password", PASSWORD, "confirm", "yes")).statusCode());
    assertEquals(403, new PortalClient(BASE).post("/signup", java.util.Map.of("name", "x", "email", newEmail(), "password", PASSWORD)).statusCode());
    assertEquals(302, c.get("/my").statusCode() == 200 ? 302 : 0, "still logged in after the refused post");
    HttpResponse<String> page = new PortalClient(BASE).get("/login");
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(Jsoup.parse(page.body()).select("script:not([src])").isEmpty(), "no inline script");
    assertTrue(Jsoup.parse(page.body()).select("[style]").isEmpty(), "no inline style");
    HttpResponse<String> fresh = new PortalClient(BASE).get("/signup");
    String cookie = fresh.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("JSESSIONID")).findFirst().orElse("");
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    // the session id changes at log-in (no fixation)
    PortalClient f = new PortalClient(BASE);
    f.get("/login");
    String beforeLogin = sessionId(f);
    String email = newEmail();
    PortalClient owner = new PortalClient(BASE);
    signUp(owner, "Ada", email, PASSWORD);
    confirm(owner, email);
    logIn(f, email, PASSWORD);
    assertFalse(beforeLogin.equals(sessionId(f)));
  }

  private static String sessionId(PortalClient c) {
    return ((java.net.CookieManager) c.http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(k -> k.getName().equals("JSESSIONID")).map(java.net.HttpCookie::getValue).findFirst().orElse("");
  }

  @Test
  void logInSignUpAndResetAreRateLimited() throws Exception {
    String email = newEmail();
    learner(email);
    int limited = 0;
    for (int i = 0; i < 8; i++) {
      if (logIn(new PortalClient(BASE), email, "wrong password " + i).headers().firstValue("Location").orElse("").endsWith("?limited")) {
        limited++;
      }
    }
    assertTrue(limited >= 3, "log-in attempts past 5 are refused: " + limited);
    // even the right password waits for the bucket to refill
    assertTrue(logIn(new PortalClient(BASE), email, PASSWORD).headers().firstValue("Location").orElse("").endsWith("?limited"));
    int resets = 0;
    for (int i = 0; i < 5; i++) {
      if (new PortalClient(BASE).submit("/reset", "/reset", "email", email).statusCode() == 429) {
        resets++;
      }
    }
    assertTrue(resets >= 2, "resets: " + resets);
    int signups = 0;
    String target = newEmail();
    for (int i = 0; i < 5; i++) {
      if (signUp(new PortalClient(BASE), "Bot", target, PASSWORD).statusCode() == 429) {
        signups++;
      }
    }
    assertTrue(signups >= 2, "sign-ups: " + signups);
  }

  static byte[] badgeFromAnotherIssuer(String email) {
    SigningKey key = SigningKey.generate(KeyType.ED25519);
    String vm = key.publicKey().didKeyVerificationMethod();
    BadgeIssuer other = BadgeIssuer.builder(Profile.builder().id(key.publicKey().didKey()).name("Universidad de Otro Sitio").build(), key, vm)
        .formats(BadgeFormat.OB3_DATA_INTEGRITY)
        .prover(Issuers.dataIntegrity(key, vm).orElseThrow())
        .defaultImage(BadgeImage.placeholder())
        .build();
    Award a = other.award(AwardRequest.builder(Achievement.builder().id("https://elsewhere.example/achievements/rust")
        .name("Rust for teachers").description("Taught a Rust workshop.")
        .criteria(Criteria.builder().narrative("Teach a workshop.").build()).build(), Recipient.email(email)).build());
    return a.pack().png().orElseThrow();
  }

  @Test
  void importKeepsOnlyValidBadgesOfTheLearnerAndExplainsEachRefusal() throws Exception {
    String email = newEmail();
    PortalClient c = learner(email);
    // a badge issued elsewhere to this learner: verified, imported
    HttpResponse<String> ok = c.upload("/import", "/import", "file", "badge.png", badgeFromAnotherIssuer(email), null);
    assertEquals(302, ok.statusCode(), ok.body());
    Document my = Jsoup.parse(c.get("/my").body());
    assertTrue(my.text().contains("Rust for teachers") && my.text().contains("Universidad de Otro Sitio"), my.text());
    assertEquals(1L, jdbc.sql("SELECT COUNT(*) FROM portal_audit WHERE action = 'IMPORT'").query(Long.class).single() >= 1 ? 1L : 0L);

    // issued to someone else: refused, explained in Spanish
    HttpResponse<String> notMine = c.upload("/import", "/import", "file", "badge.png", badgeFromAnotherIssuer("someone@else.example"), "es");
    assertEquals(422, notMine.statusCode());
    String text = PortalClient.text(notMine);
    assertTrue(text.contains("La insignia no se ha importado"), text);
    assertTrue(text.contains("INVALID") || text.contains("NO VÁLIDA") || text.toLowerCase(java.util.Locale.ROOT).contains("destinatari"), text);

    // not a badge
    HttpResponse<String> junk = c.upload("/import", "/import", "file", "x.png", "hello".getBytes(StandardCharsets.UTF_8), null);
    assertEquals(422, junk.statusCode());
    // a URL on a private address is never fetched
    HttpResponse<String> loopback = c.submit("/import", "/import", "url", BASE + "/badges/badges/x/badge.png");
    assertEquals(422, loopback.statusCode());
    assertTrue(PortalClient.text(loopback).contains("La insignia apunta a una dirección de red privada"), "in the language chosen before");
    assertEquals(422, c.submit("/import", "/import", "url", "file:///etc/passwd").statusCode());
    // over the upload limit
    HttpResponse<String> big = c.upload("/import", "/import", "file", "big.png", new byte[3 * 1024 * 1024], null);
    assertTrue(big.statusCode() == 413 || big.statusCode() == 422, "status " + big.statusCode());
    assertEquals(1, Jsoup.parse(c.get("/my").body()).select("a[href^=/my/imported/]").size());
  }

  @Test
  void deletionRevokesTheBadgesErasesTheLearnerAndThePublicPageSaysRevoked() throws Exception {
    String email = newEmail();
    String badgeId = awardTo(email);
    PortalClient c = learner(email);
    c.upload("/import", "/import", "file", "badge.png", badgeFromAnotherIssuer(email), null);
    byte[] credential = c.getBytes("/badges/badges/" + badgeId + "/badge.json").body();
    // the issuer's status list, fetched over HTTP like any verifier would
    BadgeVerifier outside = BadgeVerifier.create(VerificationOptions.builder().allowPrivateNetwork(true).build());
    assertEquals(Verdict.VALID, outside.verify(credential).verdict(), outside.verify(credential).summary());

    assertEquals(400, c.submit("/account/delete", "/account/delete", "password", "wrong one", "confirm", "yes").statusCode());
    assertEquals(400, c.submit("/account/delete", "/account/delete", "password", PASSWORD).statusCode(), "the box must be ticked");
    HttpResponse<String> gone = c.submit("/account/delete", "/account/delete", "password", PASSWORD, "confirm", "yes");
    assertEquals(302, gone.statusCode());
    assertTrue(gone.headers().firstValue("Location").orElse("").endsWith("/?deleted"));

    assertTrue(logIn(new PortalClient(BASE), email, PASSWORD).headers().firstValue("Location").orElse("").endsWith("?error"));
    assertEquals(0L, jdbc.sql("SELECT COUNT(*) FROM portal_email WHERE email = ?").param(email).query(Long.class).single());
    assertEquals(0L, jdbc.sql("SELECT COUNT(*) FROM portal_claim WHERE email = ?").param(email).query(Long.class).single());
    assertEquals(0L, jdbc.sql("SELECT COUNT(*) FROM portal_imported i WHERE NOT EXISTS (SELECT 1 FROM portal_account a WHERE a.id = i.account_id)").query(Long.class).single());
    HttpResponse<String> pub = new PortalClient(BASE).get("/badges/badges/" + badgeId);
    assertTrue(PortalClient.text(pub).contains("The issuer revoked this badge"), PortalClient.text(pub));
    assertEquals(Verdict.INVALID, outside.verify(credential).verdict());
    assertTrue(jdbc.sql("SELECT COUNT(*) FROM portal_audit WHERE action = 'DELETION'").query(Long.class).single() >= 1);
    assertTrue(jdbc.sql("SELECT COUNT(*) FROM portal_audit WHERE action = 'REVOCATION' AND subject = ?")
        .param("urn:uuid:" + badgeId).query(Long.class).single() == 1);
    // nothing personal in the audit log
    assertEquals(0L, jdbc.sql("SELECT COUNT(*) FROM portal_audit WHERE subject LIKE ? OR detail LIKE ?")
        .params("%" + email + "%", "%" + email + "%").query(Long.class).single());
  }

  @Test
  void pagesAndMailsSpeakSpanishOnAskingAndEnglishOtherwise() throws Exception {
    PortalClient c = new PortalClient(BASE);
    assertTrue(PortalClient.text(c.get("/signup?lang=es")).contains("Crea tu cuenta"));
    assertEquals("es", Jsoup.parse(c.get("/login").body()).select("html").attr("lang"), "remembered");
    assertTrue(PortalClient.text(new PortalClient(BASE).get("/", "Accept-Language", "es-ES,es;q=0.9")).contains("Tus Open Badges"));
    assertTrue(PortalClient.text(new PortalClient(BASE).get("/", "Accept-Language", "fr-FR")).contains("Your Open Badges"));
    assertTrue(PortalClient.text(new PortalClient(BASE).get("/?lang=xx")).contains("Your Open Badges"));
    PortalClient es = new PortalClient(BASE);
    es.get("/?lang=es");
    String email = newEmail();
    signUp(es, "Ana García", email, PASSWORD);
    String mail = PortalTestSupport.lastMailTo(DATA, email);
    assertTrue(mail.contains("Hola, Ana García") && mail.contains("confirma la dirección"), mail);
  }

  static String firstMatch(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    return m.find() ? m.group(1) : null;
  }

  static JsonNode json(String s) {
    return SafeJson.read(s);
  }
}
