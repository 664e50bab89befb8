package io.github.insignia.openbadges.export.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.export.backpack.BackpackScopes;
import io.github.insignia.openbadges.export.internal.Percent;
import io.github.insignia.openbadges.export.internal.Tokens;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.HashAlgorithm;
import io.github.insignia.openbadges.model.IdentityHash;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, provider side, through {@link BackpackProvider#handle}: bounded token storage with
 * rotation and reuse detection, "ask the person" consent, registration metadata, recipient checks
 * against verified identities, security headers and paging arithmetic.
 */
class ProviderHardeningTest {
  static final String REDIRECT = "https://client.example/cb";
  static final String ALL = String.join(" ", BackpackScopes.V2_ALL) + " " + String.join(" ", BackpackScopes.V3_ALL);

  final InMemoryBackpackStore store = new InMemoryBackpackStore();
  /** The "session": the user named by the Cookie header; self-registered clients are asked about. */
  final BackpackProvider provider = BackpackProvider.builder(URI.create("https://backpack.example/bp"), r ->
      r.request().header("Cookie").map(c -> c.startsWith("ask=") ? ConsentDecision.ask(c.substring(4))
          : ConsentDecision.grant(c.substring(5))).orElse(ConsentDecision.refuse())).store(store).build();

  HttpResponse call(HttpRequest r) {
    return provider.handle(r);
  }

  HttpResponse register(String json) {
    return call(HttpRequest.of("POST", "/bp/oauth/register").withHeader("Content-Type", "application/json")
        .withBody(json.getBytes(StandardCharsets.UTF_8)));
  }

  String[] client(String name) {
    JsonNode c = SafeJson.read(register("{\"client_name\":" + SafeJson.write(SafeJson.nodeFactory().textNode(name))
        + ",\"redirect_uris\":[\"" + REDIRECT + "\"],\"scope\":\"" + ALL + "\"}").body());
    return new String[] {c.path("client_id").asText(), c.path("client_secret").asText()};
  }

  HttpRequest authorizeRequest(String clientId, String verifier, String cookie) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", clientId);
    q.put("redirect_uri", REDIRECT);
    q.put("scope", ALL);
    q.put("state", "st");
    q.put("code_challenge", Tokens.s256(verifier));
    q.put("code_challenge_method", "S256");
    return HttpRequest.of("GET", "/bp/oauth/authorize?" + Percent.query(q)).withHeader("Cookie", cookie);
  }

  static String param(String location, String name) {
    return Percent.parseQuery(URI.create(location).getRawQuery(), true).getOrDefault(name, List.of("")).get(0);
  }

  JsonNode token(String[] client, Map<String, String> form) {
    HttpResponse r = call(HttpRequest.of("POST", "/bp/oauth/token")
        .withHeader("Authorization", Tokens.basic(client[0], client[1]))
        .withHeader("Content-Type", "application/x-www-form-urlencoded")
        .withBody(Percent.query(form).getBytes(StandardCharsets.UTF_8)));
    return ((ObjectNode) SafeJson.read(r.body())).put("status", r.status());
  }

  JsonNode exchange(String[] client, String location, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", param(location, "code"));
    form.put("redirect_uri", REDIRECT);
    form.put("code_verifier", verifier);
    return token(client, form);
  }

  /** Tokens for {@code user}, granted without a page. */
  JsonNode grant(String[] client, String user) {
    String verifier = Tokens.random();
    HttpResponse r = call(authorizeRequest(client[0], verifier, "user=" + user));
    assertEquals(302, r.status(), r.bodyText());
    return exchange(client, r.header("Location").orElseThrow(), verifier);
  }

  JsonNode refresh(String[] client, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return token(client, form);
  }

  int profileStatus(JsonNode tokens) {
    return call(HttpRequest.of("GET", "/bp/ims/ob/v3p0/credentials")
        .withHeader("Authorization", "Bearer " + tokens.path("access_token").asText())).status();
  }

  @Test
  void oneClientRefreshingForeverSignsNobodyOut() {
    String[] mallory = client("Mallory");
    String[] good = client("Good app");
    JsonNode alice = grant(good, "alice");
    JsonNode m = grant(mallory, "mallory");
    for (int i = 0; i < 3_000; i++) {
      m = refresh(mallory, m.path("refresh_token").asText());
      assertEquals(200, m.path("status").asInt());
    }
    // Many grants by one user evict only that user's oldest.
    JsonNode first = grant(mallory, "mallory");
    for (int i = 0; i < 150; i++) {
      grant(mallory, "mallory");
    }
    assertEquals(401, profileStatus(first), "the user's oldest grant was evicted");
    assertEquals(200, profileStatus(alice), "another user of another client is still signed in");
    assertEquals(200, refresh(good, alice.path("refresh_token").asText()).path("status").asInt());
  }

  @Test
  void aReusedRotatedRefreshTokenRevokesTheFamily() {
    String[] app = client("App");
    JsonNode t1 = grant(app, "alice");
    JsonNode t2 = refresh(app, t1.path("refresh_token").asText());
    assertEquals(200, t2.path("status").asInt());
    assertEquals(401, profileStatus(t1), "the rotated access token is gone too");
    assertEquals(200, profileStatus(t2));
    JsonNode replay = refresh(app, t1.path("refresh_token").asText());
    assertEquals(400, replay.path("status").asInt());
    assertEquals("invalid_grant", replay.path("error").asText());
    assertEquals(401, profileStatus(t2), "reuse revoked the family's current access token");
    assertEquals(400, refresh(app, t2.path("refresh_token").asText()).path("status").asInt(),
        "and its current refresh token");
  }

  static final Pattern CONSENT = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");

  HttpResponse answer(String cookie, String consent, String decision) {
    return call(HttpRequest.of("POST", "/bp/oauth/authorize").withHeader("Cookie", cookie)
        .withHeader("Content-Type", "application/x-www-form-urlencoded")
        .withBody(("consent=" + Percent.encode(consent) + "&decision=" + decision).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void askThePersonShowsAnEscapedConsentPageAndHonoursOnlyTheirAnswer() {
    String[] app = client("<img src=x onerror=alert(1)> & \"Friends\"");
    String verifier = Tokens.random();
    HttpResponse page = call(authorizeRequest(app[0], verifier, "ask=alice"));
    assertEquals(200, page.status());
    String html = page.bodyText();
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Friends&quot;"), html);
    assertFalse(html.contains("<img"), html);
    assertTrue(html.contains("add or replace credentials in your backpack"), html);
    assertTrue(html.contains("https://client.example"), html);
    assertEquals("DENY", page.header("X-Frame-Options").orElseThrow());
    assertTrue(page.header("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
    assertEquals("no-store", page.header("Cache-Control").orElseThrow());
    Matcher m = CONSENT.matcher(html);
    assertTrue(m.find());
    String consent = m.group(1);

    // Another session (a forged cross-site post, or a token lifted from the page) gets nothing.
    assertEquals(403, answer("ask=mallory", consent, "approve").status());
    // The token was spent by that attempt: single use.
    assertEquals(400, answer("ask=alice", consent, "approve").status());
    assertEquals(400, answer("ask=alice", "made-up", "approve").status());

    Matcher again = CONSENT.matcher(call(authorizeRequest(app[0], verifier, "ask=alice")).bodyText());
    assertTrue(again.find());
    HttpResponse approved = answer("ask=alice", again.group(1), "approve");
    assertEquals(302, approved.status());
    String location = approved.header("Location").orElseThrow();
    assertTrue(location.startsWith(REDIRECT + "?code="), location);
    assertEquals("st", param(location, "state"));
    assertEquals(200, exchange(app, location, verifier).path("status").asInt());

    Matcher third = CONSENT.matcher(call(authorizeRequest(app[0], verifier, "ask=alice")).bodyText());
    assertTrue(third.find());
    HttpResponse denied = answer("ask=alice", third.group(1), "deny");
    assertEquals("access_denied", param(denied.header("Location").orElseThrow(), "error"));
  }

  @Test
  void registrationMetadataIsValidated() {
    String ok = "\"redirect_uris\":[\"" + REDIRECT + "\"]";
    assertEquals(201, register("{\"client_name\":\"Fine\",\"client_uri\":\"https://fine.example/\","
        + "\"logo_uri\":\"https://fine.example/logo.png\"," + ok + "}").status());
    for (String bad : List.of(
        "{\"client_name\":\"x\",\"client_uri\":\"javascript:alert(1)\"," + ok + "}",
        "{\"client_name\":\"x\",\"logo_uri\":\"http://tracker.example/p.gif\"," + ok + "}",
        "{\"client_name\":\"x\",\"client_uri\":\"https://a.example/ b\"," + ok + "}",
        "{\"client_name\":\"x\",\"client_uri\":\"https://a.example/" + "a".repeat(2100) + "\"," + ok + "}",
        "{\"client_name\":\"x\",\"client_uri\":42," + ok + "}",
        "{\"client_name\":\"Good\\u202Elivap\"," + ok + "}",
        "{\"client_name\":\"line\\nbreak\"," + ok + "}",
        "{\"client_name\":\"" + "n".repeat(101) + "\"," + ok + "}",
        "{\"client_name\":\"   \"," + ok + "}")) {
      HttpResponse r = register(bad);
      assertEquals(400, r.status(), bad);
      assertEquals("invalid_client_metadata", SafeJson.read(r.body()).path("error").asText(), bad);
    }
  }

  String postAssertion(String token, String recipient) {
    String body = "{\"assertion\":{\"id\":\"https://example.org/a/" + Tokens.random() + "\",\"badge\":\"https://example.org/b\","
        + "\"recipient\":" + recipient + "}}";
    HttpResponse r = call(HttpRequest.of("POST", "/bp/ims/ob/v2p1/assertions").withHeader("Authorization", "Bearer " + token)
        .withHeader("Content-Type", "application/json").withBody(body.getBytes(StandardCharsets.UTF_8)));
    return SafeJson.read(r.body()).path("status").path("statusText").asText();
  }

  @Test
  void recipientsMatchOnlyVerifiedIdentitiesOfTheirExactType() {
    store.addVerifiedIdentity("alice", VerifiedIdentity.email("Alice@Example.org"));
    store.addVerifiedIdentity("alice", new VerifiedIdentity("url", "https://alice.example/"));
    store.addVerifiedIdentity("alice", new VerifiedIdentity("telephone", "+34600000001"));
    String token = grant(client("App"), "alice").path("access_token").asText();
    String sha = IdentityHash.compute(HashAlgorithm.SHA256, "alice@example.org", "pepper").toString();
    String md5 = IdentityHash.compute(HashAlgorithm.MD5, "+34600000001", "s").toString();
    for (String ok : List.of(
        "{\"type\":\"email\",\"hashed\":false,\"identity\":\"alice@example.org\"}",
        "{\"type\":\"email\",\"identity\":\" ALICE@example.ORG \"}",
        "{\"type\":\"email\",\"hashed\":true,\"salt\":\"pepper\",\"identity\":\"" + sha + "\"}",
        "{\"type\":\"email\",\"hashed\":true,\"salt\":\"pepper\",\"identity\":\"" + sha.toUpperCase().replace("SHA256", "sha256") + "\"}",
        "{\"type\":\"url\",\"identity\":\"https://alice.example/\"}",
        "{\"type\":\"telephone\",\"hashed\":true,\"salt\":\"s\",\"identity\":\"" + md5 + "\"}")) {
      assertEquals("OK", postAssertion(token, ok), ok);
    }
    for (String bad : List.of(
        "{\"type\":\"Email\",\"identity\":\"alice@example.org\"}",
        "{\"type\":\"url\",\"identity\":\"https://bob.example/\"}",
        "{\"type\":\"telephone\",\"identity\":\"+34600000002\"}",
        "{\"type\":\"url\",\"identity\":\"alice@example.org\"}",
        "{\"type\":\"url\",\"identity\":\"HTTPS://ALICE.EXAMPLE/\"}",
        "{\"type\":\"email\",\"identity\":\"bob@example.org\"}",
        "{\"type\":\"email\",\"hashed\":true,\"salt\":\"other\",\"identity\":\"" + sha + "\"}",
        "{\"type\":\"email\",\"hashed\":\"true\",\"salt\":\"pepper\",\"identity\":\"" + sha + "\"}",
        "{\"type\":\"email\",\"hashed\":true,\"identity\":\"alice@example.org\"}",
        "{\"identity\":\"alice@example.org\"}",
        "\"alice@example.org\"")) {
      assertEquals("RECIPIENT_PROFILE_MISMATCH", postAssertion(token, bad), bad);
    }
    // A user with no verified identity (whatever their profile says) cannot post anyone's badge.
    String bobToken = grant(client("App"), "bob").path("access_token").asText();
    call(HttpRequest.of("POST", "/bp/ims/ob/v2p1/profile").withHeader("Authorization", "Bearer " + bobToken)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"_:b\",\"type\":\"Profile\",\"email\":\"alice@example.org\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("RECIPIENT_PROFILE_MISMATCH",
        postAssertion(bobToken, "{\"type\":\"email\",\"identity\":\"alice@example.org\"}"));
  }

  @Test
  void everyAnswerCarriesSecurityHeaders() {
    String token = grant(client("App"), "alice").path("access_token").asText();
    for (HttpRequest r : List.of(
        HttpRequest.of("GET", "/bp/nowhere"),
        HttpRequest.of("GET", "/elsewhere"),
        HttpRequest.of("GET", "/bp/ims/ob/v3p0/credentials"),
        HttpRequest.of("GET", "/bp/ims/ob/v3p0/credentials").withHeader("Authorization", "Bearer " + token),
        HttpRequest.of("GET", "/bp/ims/ob/v2p1/assertions?limit=x").withHeader("Authorization", "Bearer " + token),
        HttpRequest.of("POST", "/bp/oauth/token"),
        HttpRequest.of("POST", "/bp/oauth/revoke"),
        HttpRequest.of("POST", "/bp/oauth/register"),
        HttpRequest.of("GET", "/bp/oauth/authorize"),
        HttpRequest.of("DELETE", "/bp/oauth/authorize"),
        HttpRequest.of("GET", "/bp/ims/ob/v3p0/discovery"))) {
      HttpResponse a = call(r);
      assertEquals("nosniff", a.header("X-Content-Type-Options").orElse(null), r + " -> " + a);
      assertTrue(a.header("Cache-Control").isPresent(), r + " -> " + a);
      if (!r.path().endsWith("/discovery")) {
        assertEquals("no-store", a.header("Cache-Control").orElseThrow(), r + " -> " + a);
      }
    }
  }

  @Test
  void pagingNearIntegerMaxDoesNotWrap() {
    String token = grant(client("App"), "alice").path("access_token").asText();
    HttpResponse r = call(HttpRequest.of("GET", "/bp/ims/ob/v3p0/credentials?limit=1000&offset=" + Integer.MAX_VALUE)
        .withHeader("Authorization", "Bearer " + token));
    assertEquals(200, r.status(), r.bodyText());
    String links = r.header("Link").orElseThrow();
    assertFalse(links.contains("offset=-"), links);
    assertFalse(links.contains("rel=\"next\""), links);
  }
}
