package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.insignia.openbadges.export.backpack.TokenSet;
import io.github.insignia.openbadges.export.backpack.TokenStore;
import io.github.insignia.openbadges.export.provider.ApiVersion;
import io.github.insignia.openbadges.export.provider.BackpackProvider;
import io.github.insignia.openbadges.export.provider.ConsentDecision;
import io.github.insignia.openbadges.export.provider.InMemoryBackpackStore;
import io.github.insignia.openbadges.export.provider.JdkHttpServerAdapter;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Export to a backpack and to a wallet, over real HTTP: the portal on a loopback port, a real
 * backpack (the export module's {@link BackpackProvider} behind {@link JdkHttpServerAdapter}) whose
 * consent page the test answers as a learner would, and wallets played by Java here and by the
 * OpenWallet Foundation's OpenID4VCI client under Node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalExportTest {
  static final int PORT = PortalTestSupport.freePort();
  static final Path DATA = PortalTestSupport.tempDir();
  static final String BASE = "http://localhost:" + PORT;
  static final AtomicInteger SEQ = new AtomicInteger();
  static final String PASSWORD = "correct horse battery";
  static final Path NODE_DIR = Path.of("..", "openbadges-wallet", "src", "test", "node");

  static final InMemoryBackpackStore BACKPACK_STORE = new InMemoryBackpackStore();
  static JdkHttpServerAdapter backpack;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    PortalTestSupport.register(r, PORT, DATA, 4);
    // the backpacks of these tests run on loopback
    r.add("insignia.portal.export.allow-private-network", () -> "true");
    // backpacks accept only an https home page for the client (the portal itself is on http here)
    r.add("insignia.portal.issuer-url", () -> "https://portal.example.org");
  }

  @BeforeAll
  static void startBackpack() {
    // the backpack asks its signed-in user (learner-1 here) on its own consent page, as it must for a
    // self-registered client
    backpack = JdkHttpServerAdapter.startLoopback(0, base -> BackpackProvider.builder(base, req -> ConsentDecision.ask("learner-1"))
        .name("Loopback Backpack").store(BACKPACK_STORE).build());
  }

  @AfterAll
  static void stopBackpack() {
    backpack.close();
  }

  @Autowired RateLimiter limiter;
  @Autowired JdbcClient jdbc;
  @Autowired TokenStore tokenStore;
  @Autowired StatusService status;
  @Autowired PortalProperties props;
  @Autowired AuditLog audit;
  @Autowired Clock clock;
  @Autowired Ob2Twins twins;
  @Autowired PortalBadgeStore badgeStore;

  @BeforeEach
  void resetLimits() {
    limiter.reset();
  }

  // ------------------------------------------------------------------------------------ helpers

  record Learner(PortalClient client, String email, String badgeId) {}

  /** A learner with a confirmed account, logged in, holding one awarded badge. */
  static Learner learner() throws Exception {
    String email = "exporter" + SEQ.incrementAndGet() + "@example.org";
    String badgeId = PortalHttpTestSupportBridge.award(BASE, email);
    PortalClient c = new PortalClient(BASE);
    String challenge = Jsoup.parse(c.get("/signup").body()).select("input[name=pow_challenge]").attr("value");
    assertEquals(200, c.submit("/signup", "/signup", "name", "Ada Lovelace", "email", email, "password", PASSWORD,
        "pow_challenge", challenge, "pow_nonce", ProofOfWork.solve(challenge)).statusCode());
    String link = PortalTestSupport.link(PortalTestSupport.lastMailTo(DATA, email), BASE + "/confirm?token=");
    assertEquals(200, c.get(link).statusCode());
    assertEquals(302, c.submit("/login", "/login", "username", email, "password", PASSWORD).statusCode());
    return new Learner(c, email, badgeId);
  }

  static HttpResponse<String> exportTo(Learner l, String address) throws Exception {
    String details = "/my/badges/" + l.badgeId();
    return l.client().submit(details, details + "/backpack", "backpack", address);
  }

  /** The learner at the backpack: opens the authorization link, answers its consent page, and is sent back. */
  static HttpResponse<String> consentAndReturn(Learner l, HttpResponse<String> exportPage, String decision) throws Exception {
    assertEquals(200, exportPage.statusCode(), exportPage.body());
    Element go = Jsoup.parse(exportPage.body()).getElementById("authorize");
    assertNotNull(go, "a link to the backpack's authorization page: " + PortalClient.text(exportPage));
    URI authorize = URI.create(go.attr("href"));
    assertEquals(backpack.baseUrl().getPort(), authorize.getPort());
    return answerConsent(l, authorize, decision);
  }

  /** The learner on the backpack's consent page at this authorization URL: answers, and follows the redirect back. */
  static HttpResponse<String> answerConsent(Learner l, URI authorize, String decision) throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> consentPage = browser.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, consentPage.statusCode(), consentPage.body());
    Document form = Jsoup.parse(consentPage.body(), authorize.toString());
    Element f = form.selectFirst("form");
    assertNotNull(f, "the consent form");
    String token = f.select("input[name=consent]").attr("value");
    HttpResponse<String> answered = browser.send(HttpRequest.newBuilder(URI.create(f.absUrl("action")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("consent=" + token + "&decision=" + decision)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(302, answered.statusCode(), answered.body());
    String back = answered.headers().firstValue("Location").orElseThrow();
    assertTrue(back.startsWith(BASE + BackpackExports.CALLBACK_PATH + "?"), back);
    return l.client().get(back);
  }

  long accountOf(String email) {
    return jdbc.sql("SELECT account_id FROM portal_email WHERE email = ?").param(email).query(Long.class).single();
  }

  long audited(long account, String detailPrefix) {
    return jdbc.sql("SELECT COUNT(*) FROM portal_audit WHERE action = 'EXPORT' AND account_id = ? AND detail LIKE ?")
        .params(account, detailPrefix + "%").query(Long.class).single();
  }

  // ------------------------------------------------------------------------------------ backpack

  @Test
  void ob30BackpackAuthorizedOnceThenPushedDirectlyAndTokensGoWithTheAccount() throws Exception {
    Learner l = learner();
    // the details page offers the export, with a CSRF token on the form
    Document details = Jsoup.parse(l.client().get("/my/badges/" + l.badgeId()).body());
    assertEquals(1, details.select("form[action$=/backpack] input[name=_csrf]").size());
    assertEquals(1, details.select("form[action$=/wallet] input[name=_csrf]").size());

    HttpResponse<String> first = consentAndReturn(l, exportTo(l, backpack.baseUrl().toString()), "approve");
    assertEquals(200, first.statusCode(), first.body());
    assertTrue(PortalClient.text(first).contains("The badge was added to your backpack."), PortalClient.text(first));
    assertTrue(PortalClient.text(first).contains("Loopback Backpack"));
    // the backpack holds this very credential for its user
    String credentialId = "urn:uuid:" + l.badgeId();
    assertTrue(BACKPACK_STORE.list("learner-1", ApiVersion.OB_3_0).stream().anyMatch(b -> b.key().endsWith(" " + credentialId)));

    // a second export: the token is kept, no new authorization, and the backpack says it has it
    HttpResponse<String> second = exportTo(l, backpack.baseUrl().toString().replaceFirst("^http://127\\.0\\.0\\.1", "http://127.0.0.1") + "/");
    assertEquals(200, second.statusCode(), second.body());
    assertTrue(Jsoup.parse(second.body()).getElementById("authorize") == null, "no second authorization");
    assertTrue(PortalClient.text(second).contains("Your backpack already has this badge."), PortalClient.text(second));

    long account = accountOf(l.email());
    assertEquals(2, audited(account, "backpack "));
    String service = jdbc.sql("SELECT service FROM portal_backpack WHERE account_id = ?").param(account).query(String.class).single();
    assertTrue(tokenStore.loadTokens(service, BackpackExports.account(account)).isPresent());

    // deleting the account forgets its backpack tokens
    assertEquals(302, l.client().submit("/account/delete", "/account/delete", "password", PASSWORD, "confirm", "yes").statusCode());
    assertTrue(tokenStore.loadTokens(service, BackpackExports.account(account)).isEmpty());
    assertEquals(0L, jdbc.sql("SELECT COUNT(*) FROM portal_backpack WHERE account_id = ?").param(account).query(Long.class).single());
  }

  /** A token that expired with no refresh token, or one the backpack no longer knows: the learner is asked again. */
  @Test
  void anUnusableTokenLeadsToANewAuthorization() throws Exception {
    Learner l = learner();
    assertEquals(200, consentAndReturn(l, exportTo(l, backpack.baseUrl().toString()), "approve").statusCode());
    long account = accountOf(l.email());
    String service = jdbc.sql("SELECT service FROM portal_backpack WHERE account_id = ?").param(account).query(String.class).single();
    String scope = tokenStore.loadTokens(service, BackpackExports.account(account)).orElseThrow().scope();
    for (TokenSet broken : List.of(new TokenSet("expired-token", null, Instant.now().minusSeconds(60), scope),
        new TokenSet("unknown-token", null, Instant.now().plusSeconds(3600), scope))) {
      tokenStore.saveTokens(service, BackpackExports.account(account), broken);
      HttpResponse<String> again = exportTo(l, backpack.baseUrl().toString());
      assertNotNull(Jsoup.parse(again.body()).getElementById("authorize"), broken.accessToken() + ": " + PortalClient.text(again));
      HttpResponse<String> done = consentAndReturn(l, again, "approve");
      assertTrue(PortalClient.text(done).contains("Your backpack already has this badge."), PortalClient.text(done));
    }
  }

  @Test
  void deniedAuthorizationIsExplainedInTheLearnersLanguage() throws Exception {
    Learner l = learner();
    l.client().get("/my?lang=es");
    HttpResponse<String> back = consentAndReturn(l, exportTo(l, backpack.baseUrl().toString()), "deny");
    assertEquals(422, back.statusCode());
    assertTrue(PortalClient.text(back).contains("No has permitido que el portal añada insignias a tu mochila"), PortalClient.text(back));
    assertTrue(BACKPACK_STORE.list("learner-1", ApiVersion.OB_3_0).stream().noneMatch(b -> b.key().endsWith(" urn:uuid:" + l.badgeId())));
    assertEquals(1, audited(accountOf(l.email()), "backpack failed AUTHORIZATION_DENIED"));
  }

  @Test
  void theStateIsBoundToTheSessionAndUsedOnce() throws Exception {
    Learner a = learner();
    Learner b = learner();
    HttpResponse<String> page = exportTo(a, backpack.baseUrl().toString());
    String state = URLDecoder.decode(URI.create(Jsoup.parse(page.body()).getElementById("authorize").attr("href")).getRawQuery()
        .replaceAll(".*(?:^|&)state=([^&]*).*", "$1"), StandardCharsets.UTF_8);
    // another learner's browser brought to the callback with a's state (and a forged code)
    HttpResponse<String> forged = b.client().get(BackpackExports.CALLBACK_PATH + "?code=forged&state=" + state);
    assertEquals(422, forged.statusCode());
    assertTrue(PortalClient.text(forged).contains("The authorization with the backpack did not complete"));
    // a callback without any authorization in progress
    assertEquals(422, b.client().get(BackpackExports.CALLBACK_PATH + "?code=x&state=nothing").statusCode());
    // a's own flow still works once, and its replay is refused
    HttpResponse<String> ok = consentAndReturn(a, page, "approve");
    assertEquals(200, ok.statusCode(), PortalClient.text(ok));
    assertEquals(422, a.client().get(BackpackExports.CALLBACK_PATH + "?code=again&state=" + state).statusCode());
  }

  @Test
  void aBackpackThatIsDownIsExplained() throws Exception {
    Learner l = learner();
    int closed = PortalTestSupport.freePort();
    HttpResponse<String> r = exportTo(l, "http://127.0.0.1:" + closed);
    assertEquals(422, r.statusCode());
    assertTrue(PortalClient.text(r).contains("The backpack could not be reached"), PortalClient.text(r));
  }

  /**
   * A Badge Connect 2.1 backpack (the export module's provider, its OB 3.0 discovery hidden): the
   * learner authorizes as for OB 3.0, and the portal pushes the award's OB 2.0 hosted twin, which
   * verifies from the portal's own URLs, and is revoked there when the account is deleted.
   */
  @Test
  void anOb21OnlyBackpackGetsTheHostedOb20TwinOfTheAward() throws Exception {
    Learner l = learner();
    InMemoryBackpackStore store = new InMemoryBackpackStore();
    store.addVerifiedIdentity("learner-21", io.github.insignia.openbadges.export.provider.VerifiedIdentity.email(l.email()));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    BackpackProvider provider = BackpackProvider.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        req -> ConsentDecision.ask("learner-21")).name("Badge Connect Backpack").store(store).build();
    server.createContext("/", ex -> {
      io.github.insignia.openbadges.export.provider.HttpResponse res;
      if (ex.getRequestURI().getPath().startsWith("/ims/ob/v3p0")) {
        res = io.github.insignia.openbadges.export.provider.HttpResponse.empty(404); // OB 2.1 only
      } else {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        res = provider.handle(new io.github.insignia.openbadges.export.provider.HttpRequest(ex.getRequestMethod(),
            ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(), headers, ex.getRequestBody().readAllBytes()));
      }
      res.headers().forEach((k, v) -> ex.getResponseHeaders().put(k, v));
      byte[] body = res.body();
      ex.sendResponseHeaders(res.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
      ex.close();
    });
    server.start();
    try {
      String address = "http://127.0.0.1:" + server.getAddress().getPort();
      HttpResponse<String> page = exportTo(l, address);
      assertEquals(200, page.statusCode(), PortalClient.text(page));
      URI authorize = URI.create(Jsoup.parse(page.body()).getElementById("authorize").attr("href"));
      assertEquals(server.getAddress().getPort(), authorize.getPort());
      HttpResponse<String> back = answerConsent(l, authorize, "approve");
      assertEquals(200, back.statusCode(), PortalClient.text(back));
      assertTrue(PortalClient.text(back).contains("The badge was added to your backpack."), PortalClient.text(back));
      assertNotNull(Jsoup.parse(back.body()).getElementById("ob2-copy"), PortalClient.text(back));

      // the backpack holds the OB 2.0 assertion of the same award, hosted by the portal
      List<io.github.insignia.openbadges.export.provider.StoredBadge> held = store.list("learner-21", ApiVersion.BADGE_CONNECT_2_1);
      assertEquals(1, held.size());
      String assertionUrl = jdbc.sql("SELECT url FROM portal_ob2_document WHERE badge_id = ? AND credential_id IS NOT NULL")
          .param(l.badgeId()).query(String.class).single();
      assertTrue(assertionUrl.startsWith(BASE + Ob2Twins.PATH), assertionUrl);
      assertTrue(held.get(0).content().contains(assertionUrl), held.get(0).content());
      HttpResponse<String> hosted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(assertionUrl)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, hosted.statusCode());
      assertEquals("*", hosted.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      JsonNode assertion = json(hosted);
      // hosted verification ("HostedBadge", or its OB 2.0 short form "hosted")
      assertTrue(List.of("HostedBadge", "hosted").contains(assertion.at("/verification/type").asText()), assertion.toString());
      JsonNode credential = SafeJson.read(badgeStore.credentialJson(l.badgeId()).orElseThrow());
      assertEquals(Instant.parse(credential.path("validFrom").asText()), Instant.parse(assertion.path("issuedOn").asText()));
      BadgeVerifier verifier = BadgeVerifier.create(VerificationOptions.builder().allowPrivateNetwork(true).build());
      VerificationReport valid = verifier.verify(URI.create(assertionUrl),
          io.github.insignia.openbadges.validation.VerificationRequest.forRecipients(List.of(l.email())));
      assertEquals(io.github.insignia.openbadges.validation.Verdict.VALID, valid.verdict(), valid.summary());
      assertEquals(1, audited(accountOf(l.email()), "backpack 127.0.0.1 ADDED"));

      // deleting the account revokes the badge, and so its hosted twin
      assertEquals(302, l.client().submit("/account/delete", "/account/delete", "password", PASSWORD, "confirm", "yes").statusCode());
      HttpResponse<String> gone = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(assertionUrl)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(410, gone.statusCode());
      assertTrue(json(gone).path("revoked").asBoolean(), gone.body());
      assertFalse(json(gone).path("revocationReason").asText().isEmpty(), gone.body());
      assertEquals(io.github.insignia.openbadges.validation.Verdict.INVALID, verifier.verify(URI.create(assertionUrl)).verdict());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void notABackpackNotOwnedNoCsrfAndHostileAddresses() throws Exception {
    Learner l = learner();
    Learner other = learner();
    String details = "/my/badges/" + l.badgeId();
    // CSRF: a post without the form's token is refused
    assertEquals(403, l.client().post(details + "/backpack", Map.of("backpack", backpack.baseUrl().toString())).statusCode());
    assertEquals(403, l.client().post(details + "/wallet", Map.of()).statusCode());
    // another learner's badge does not exist for them
    String otherDetails = "/my/badges/" + other.badgeId();
    Map<String, String> withToken = Map.of("_csrf", l.client().csrf(details), "backpack", backpack.baseUrl().toString());
    assertEquals(404, l.client().post(otherDetails + "/backpack", withToken).statusCode());
    assertEquals(404, l.client().post(otherDetails + "/wallet", Map.of("_csrf", l.client().csrf(details))).statusCode());
    // the portal itself is no backpack
    HttpResponse<String> portal = exportTo(l, BASE);
    assertEquals(422, portal.statusCode());
    assertTrue(PortalClient.text(portal).contains("No backpack was found at this address"), PortalClient.text(portal));
    for (String bad : new String[] {"", "ftp://backpack.example", "https://user:pw@backpack.example", "https://backpack.example/?q=1", "javascript:alert(1)"}) {
      HttpResponse<String> r = exportTo(l, bad);
      assertEquals(422, r.statusCode(), bad);
      assertTrue(PortalClient.text(r).contains("The backpack address is not valid"), bad + ": " + PortalClient.text(r));
    }
  }

  /** Without the test property, the learner's address is fetched only when it is public. */
  @Test
  void privateAddressesAreNeverFetchedInProduction() throws Exception {
    Learner l = learner();
    long account = accountOf(l.email());
    BackpackExports production = new BackpackExports(props, tokenStore, jdbc, audit, clock,
        new PortalExportConfiguration.ExportSettings(false), twins);
    JsonNode credential = SafeJson.read("{}");
    int before = BACKPACK_STORE.list("learner-1", ApiVersion.OB_3_0).size();
    String loopback = "https://127.0.0.1:" + backpack.baseUrl().getPort();
    for (String address : new String[] {loopback, "localhost:" + backpack.baseUrl().getPort(), "https://10.0.0.1", "https://[::1]:1",
        "https://169.254.169.254"}) {
      BackpackExports.Result r = production.export(account, l.badgeId(), credential, address);
      assertEquals(BackpackExports.Kind.REFUSED, r.kind(), address);
      assertEquals("backpack.error.private", r.reason(), address);
    }
    // plain http is not accepted at all in production
    assertEquals("backpack.error.url", production.export(account, l.badgeId(), credential, backpack.baseUrl().toString()).reason());
    assertEquals(before, BACKPACK_STORE.list("learner-1", ApiVersion.OB_3_0).size());
  }

  // ------------------------------------------------------------------------------------ wallet

  /** The wallet offer page of a learner's badge, asked with or without a PIN. */
  static Document offerPage(Learner l, boolean pin) throws Exception {
    String details = "/my/badges/" + l.badgeId();
    HttpResponse<String> r = pin ? l.client().submit(details, details + "/wallet", "pin", "on") : l.client().submit(details, details + "/wallet");
    assertEquals(200, r.statusCode(), r.body());
    return Jsoup.parse(r.body());
  }

  static JsonNode json(HttpResponse<String> r) {
    return SafeJson.read(r.body());
  }

  static HttpResponse<String> post(String url, String contentType, String body, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void walletRedeemsTheOfferOnceOverHttpAndGetsAValidCopyOfThisBadge() throws Exception {
    Learner l = learner();
    Document page = offerPage(l, true);
    String offerUri = page.getElementById("offer-link").attr("href");
    assertTrue(offerUri.startsWith("openid-credential-offer://?credential_offer_uri="), offerUri);
    assertTrue(page.getElementById("offer-qr").attr("src").startsWith("data:image/svg+xml;base64,"));
    String pin = page.getElementById("pin").text();
    assertTrue(pin.matches("\\d{6}"), pin);
    assertTrue(page.getElementById("lcw-link").attr("href").startsWith("https://lcw.app/request.html?request="));
    assertTrue(page.getElementById("exchange-url").text().startsWith(BASE + "/wallet/exchanges/"));
    assertTrue(page.select("[style]").isEmpty() && page.select("script:not([src])").isEmpty(), "CSP: nothing inline");

    // the wallet's side, step by step
    HttpClient http = HttpClient.newHttpClient();
    String offerUrl = URLDecoder.decode(offerUri.substring(offerUri.indexOf('=') + 1), StandardCharsets.UTF_8);
    JsonNode offer = json(http.send(HttpRequest.newBuilder(URI.create(offerUrl)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    assertEquals(BASE + "/wallet", offer.path("credential_issuer").asText());
    JsonNode metadata = json(http.send(HttpRequest.newBuilder(URI.create(BASE + "/.well-known/openid-credential-issuer/wallet")).GET().build(),
        HttpResponse.BodyHandlers.ofString()));
    assertEquals(BASE + "/wallet/oid4vci/credential", metadata.path("credential_endpoint").asText());
    String code = offer.at("/grants/urn:ietf:params:oauth:grant-type:pre-authorized_code/pre-authorized_code").asText();
    String form = "grant_type=" + java.net.URLEncoder.encode("urn:ietf:params:oauth:grant-type:pre-authorized_code", StandardCharsets.UTF_8)
        + "&pre-authorized_code=" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8) + "&tx_code=" + pin;
    HttpResponse<String> token = post(BASE + "/wallet/oid4vci/token", "application/x-www-form-urlencoded", form, null);
    assertEquals(200, token.statusCode(), token.body());
    String access = json(token).path("access_token").asText();
    // single use: the same code again is refused
    HttpResponse<String> replay = post(BASE + "/wallet/oid4vci/token", "application/x-www-form-urlencoded", form, null);
    assertEquals(400, replay.statusCode());
    assertEquals("invalid_grant", json(replay).path("error").asText());

    String nonce = json(post(BASE + "/wallet/oid4vci/nonce", "application/json", "", null)).path("c_nonce").asText();
    SigningKey holder = SigningKey.generate(KeyType.ED25519);
    ObjectNode header = JsonNodeFactory.instance.objectNode().put("alg", "EdDSA").put("typ", "openid4vci-proof+jwt")
        .put("kid", holder.publicKey().didKeyVerificationMethod());
    ObjectNode claims = JsonNodeFactory.instance.objectNode().put("aud", BASE + "/wallet")
        .put("iat", Instant.now().getEpochSecond()).put("nonce", nonce);
    String input = b64(SafeJson.write(header)) + "." + b64(SafeJson.write(claims));
    String jwt = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(holder.sign(input.getBytes(StandardCharsets.US_ASCII)));
    ObjectNode request = JsonNodeFactory.instance.objectNode().put("credential_configuration_id", "OpenBadgeCredential_ldp_vc");
    request.putObject("proofs").putArray("jwt").add(jwt);
    HttpResponse<String> issued = post(BASE + "/wallet/oid4vci/credential", "application/json", SafeJson.write(request), access);
    assertEquals(200, issued.statusCode(), issued.body());
    JsonNode credential = json(issued).at("/credentials/0/credential");
    assertEquals(holder.publicKey().didKey(), credential.at("/credentialSubject/id").asText());
    assertEquals("Teaching with open data", credential.at("/credentialSubject/achievement/name").asText());
    assertValid(credential);
    // the copy expires with the badge it copies (not the portal's validity counted from redemption)
    JsonNode original = SafeJson.read(badgeStore.credentialJson(l.badgeId()).orElseThrow());
    assertTrue(original.path("validUntil").isTextual(), "the portal's badges expire");
    assertEquals(Instant.parse(original.path("validUntil").asText()), Instant.parse(credential.path("validUntil").asText()));
    long account = accountOf(l.email());
    assertTrue(audited(account, "wallet offer ") >= 1);
    // the copy is recorded against the account, and deleting the account revokes it with the original
    String copyId = credential.path("id").asText();
    assertEquals(1L, jdbc.sql("SELECT COUNT(*) FROM portal_wallet_copy WHERE credential_id = ? AND account_id = ?")
        .params(copyId, account).query(Long.class).single());
    assertEquals(1, audited(account, "wallet copy " + copyId));
    assertFalse(status.isRevoked(copyId));
    assertEquals(302, l.client().submit("/account/delete", "/account/delete", "password", PASSWORD, "confirm", "yes").statusCode());
    assertTrue(status.isRevoked(copyId));
    assertTrue(status.isRevoked("urn:uuid:" + l.badgeId()));
  }

  /** An offer made while the badge was valid is refused once the badge is revoked, at the token and at the exchange. */
  @Test
  void anOfferIsRefusedOnceItsBadgeIsRevoked() throws Exception {
    Learner l = learner();
    Document page = offerPage(l, false);
    String offerUri = page.getElementById("offer-link").attr("href");
    String exchangeUrl = page.getElementById("exchange-url").text();
    HttpClient http = HttpClient.newHttpClient();
    String offerUrl = URLDecoder.decode(offerUri.substring(offerUri.indexOf('=') + 1), StandardCharsets.UTF_8);
    JsonNode offer = json(http.send(HttpRequest.newBuilder(URI.create(offerUrl)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    String code = offer.at("/grants/urn:ietf:params:oauth:grant-type:pre-authorized_code/pre-authorized_code").asText();
    assertTrue(status.revoke("urn:uuid:" + l.badgeId(), "test"));
    HttpResponse<String> token = post(BASE + "/wallet/oid4vci/token", "application/x-www-form-urlencoded",
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Apre-authorized_code&pre-authorized_code="
            + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8), null);
    assertEquals(400, token.statusCode(), token.body());
    assertEquals("invalid_grant", json(token).path("error").asText());
    HttpResponse<String> exchange = post(exchangeUrl, "application/json", "{}", null);
    assertEquals(400, exchange.statusCode(), exchange.body());
    // a code nobody made passes to the wallet issuer, which refuses it as usual
    HttpResponse<String> unknown = post(BASE + "/wallet/oid4vci/token", "application/x-www-form-urlencoded",
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Apre-authorized_code&pre-authorized_code=nobody-made-this", null);
    assertEquals(400, unknown.statusCode());
    assertEquals("invalid_grant", json(unknown).path("error").asText());
  }

  static void assertValid(JsonNode credential) {
    // its status list is on the portal's loopback address
    VerificationReport report = BadgeVerifier.create(VerificationOptions.builder().allowPrivateNetwork(true).build())
        .verify(credential.isTextual() ? credential.asText() : credential.toString());
    assertTrue(report.valid(), report.summary());
  }

  @Test
  void exportsAreRateLimitedPerAccount() throws Exception {
    Learner l = learner();
    String details = "/my/badges/" + l.badgeId();
    String csrf = l.client().csrf(details);
    for (int i = 0; i < 10; i++) {
      assertEquals(200, l.client().post(details + "/wallet", Map.of("_csrf", csrf)).statusCode(), "offer " + i);
    }
    assertEquals(429, l.client().post(details + "/wallet", Map.of("_csrf", csrf)).statusCode());
    assertEquals(429, l.client().post(details + "/backpack", Map.of("_csrf", csrf, "backpack", backpack.baseUrl().toString())).statusCode());
  }

  @Test
  void aRevokedBadgeCannotBeOfferedNorSentToABackpack() throws Exception {
    Learner l = learner();
    assertTrue(status.revoke("urn:uuid:" + l.badgeId(), "test"));
    Document details = Jsoup.parse(l.client().get("/my/badges/" + l.badgeId()).body());
    assertTrue(details.select("form[action$=/wallet]").isEmpty(), "no export forms for a revoked badge");
    // the forms' posts are refused too (a page kept open from before the revocation)
    String csrf = l.client().csrf("/my");
    HttpResponse<String> wallet = l.client().post("/my/badges/" + l.badgeId() + "/wallet", Map.of("_csrf", csrf));
    assertEquals(422, wallet.statusCode());
    assertTrue(PortalClient.text(wallet).contains("Only a valid badge can be exported"));
    assertTrue(Jsoup.parse(wallet.body()).getElementById("offer-link") == null);
    HttpResponse<String> bp = l.client().post("/my/badges/" + l.badgeId() + "/backpack", Map.of("_csrf", csrf,
        "backpack", backpack.baseUrl().toString()));
    assertEquals(422, bp.statusCode());
  }

  /**
   * An independent wallet (the OpenWallet Foundation's {@code @openid4vc/openid4vci} under Node, the
   * wallet module's pinned client) redeems the offer the portal's page shows; the credential it gets
   * verifies VALID. Skipped with a printed reason where node or its modules are missing.
   */
  @Test
  void nodeWalletRedeemsThePortalsOffer() throws Exception {
    boolean node = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      node |= Files.isExecutable(Path.of(dir, "node"));
    }
    skipUnless(node, "SKIPPED PortalExportTest.nodeWalletRedeemsThePortalsOffer: node is not on the PATH");
    skipUnless(Files.isDirectory(NODE_DIR.resolve("node_modules/@openid4vc/openid4vci")), "SKIPPED PortalExportTest."
        + "nodeWalletRedeemsThePortalsOffer: " + NODE_DIR + "/node_modules is absent (the Maven profile node-interop runs npm ci)");
    Learner l = learner();
    Document page = offerPage(l, true);
    List<String> command = new ArrayList<>(List.of("node", "wallet.mjs", page.getElementById("offer-link").attr("href"),
        page.getElementById("pin").text(), "OpenBadgeCredential_ldp_vc"));
    Process p = new ProcessBuilder(command).directory(NODE_DIR.toFile()).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "node did not finish");
    assertEquals(0, p.exitValue(), "node failed: " + err);
    JsonNode received = SafeJson.read(new String(out, StandardCharsets.UTF_8).strip());
    JsonNode credential = received.get("credential");
    assertTrue(credential.at("/credentialSubject/id").asText().startsWith("did:jwk:"), credential.toString());
    assertValid(credential);
  }

  private static void skipUnless(boolean condition, String message) {
    if (!condition) {
      System.err.println(message);
    }
    Assumptions.assumeTrue(condition, message);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
