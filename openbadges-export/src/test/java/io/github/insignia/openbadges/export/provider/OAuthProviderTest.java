package io.github.insignia.openbadges.export.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.export.backpack.BackpackScopes;
import io.github.insignia.openbadges.export.internal.Percent;
import io.github.insignia.openbadges.export.internal.Tokens;
import io.github.insignia.openbadges.json.SafeJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider's OAuth endpoints, called directly (no network). */
class OAuthProviderTest {
  static final String REDIRECT = "https://client.example/cb";
  final BackpackProvider provider =
      BackpackProvider.builder(URI.create("https://backpack.example/bp"), r -> ConsentDecision.grant("u1")).build();

  JsonNode register(String redirect) {
    HttpResponse r = provider.handle(HttpRequest.of("POST", "/bp/oauth/register").withHeader("Content-Type", "application/json")
        .withBody(("{\"client_name\":\"C\",\"redirect_uris\":[\"" + redirect + "\"],\"scope\":\""
            + String.join(" ", BackpackScopes.V3_ALL) + "\"}").getBytes(StandardCharsets.UTF_8)));
    return ((com.fasterxml.jackson.databind.node.ObjectNode) SafeJson.read(r.body())).put("status", r.status());
  }

  HttpResponse authorize(Map<String, String> q) {
    return provider.handle(HttpRequest.of("GET", "/bp/oauth/authorize?" + Percent.query(q)));
  }

  Map<String, String> authorizeQuery(String clientId, String verifier) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", clientId);
    q.put("redirect_uri", REDIRECT);
    q.put("scope", BackpackScopes.V3_CREDENTIAL_READONLY);
    q.put("state", "st");
    q.put("code_challenge", Tokens.s256(verifier));
    q.put("code_challenge_method", "S256");
    return q;
  }

  static Map<String, List<String>> redirectQuery(HttpResponse r) {
    assertEquals(302, r.status(), r.bodyText());
    return Percent.parseQuery(URI.create(r.header("Location").orElseThrow()).getRawQuery(), true);
  }

  HttpResponse token(JsonNode client, String secret, Map<String, String> form) {
    return provider.handle(HttpRequest.of("POST", "/bp/oauth/token")
        .withHeader("Authorization", Tokens.basic(client.path("client_id").asText(), secret))
        .withHeader("Content-Type", "application/x-www-form-urlencoded")
        .withBody(Percent.query(form).getBytes(StandardCharsets.UTF_8)));
  }

  Map<String, String> codeForm(String code, String verifier) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("grant_type", "authorization_code");
    f.put("code", code);
    f.put("redirect_uri", REDIRECT);
    f.put("code_verifier", verifier);
    return f;
  }

  @Test
  void registrationRefusesUnsafeRedirects() {
    assertEquals(201, register(REDIRECT).path("status").asInt());
    assertEquals(201, register("http://127.0.0.1:8080/cb").path("status").asInt());
    for (String bad : new String[] {"http://client.example/cb", "https://client.example/cb#frag", "javascript:x", "/relative"}) {
      JsonNode r = register(bad);
      assertEquals(400, r.path("status").asInt(), bad);
      assertEquals("invalid_redirect_uri", r.path("error").asText());
    }
    JsonNode ok = register(REDIRECT);
    assertEquals(0, ok.path("client_secret_expires_at").asInt());
    assertTrue(ok.path("client_id_issued_at").asLong() > 0);
  }

  @Test
  void unregisteredRedirectIsNeverFollowed() {
    JsonNode c = register(REDIRECT);
    Map<String, String> q = authorizeQuery(c.path("client_id").asText(), Tokens.random());
    q.put("redirect_uri", "https://evil.example/cb");
    HttpResponse r = authorize(q);
    assertEquals(400, r.status());
    assertTrue(r.header("Location").isEmpty());
  }

  @Test
  void pkceIsMandatoryAndChecked() {
    JsonNode c = register(REDIRECT);
    String id = c.path("client_id").asText();
    Map<String, String> q = authorizeQuery(id, Tokens.random());
    q.remove("code_challenge");
    assertEquals(List.of("invalid_request"), redirectQuery(authorize(q)).get("error"));
    q = authorizeQuery(id, Tokens.random());
    q.put("code_challenge_method", "plain");
    assertEquals(List.of("invalid_request"), redirectQuery(authorize(q)).get("error"));

    String verifier = Tokens.random();
    Map<String, List<String>> back = redirectQuery(authorize(authorizeQuery(id, verifier)));
    assertEquals(List.of("st"), back.get("state"));
    String code = back.get("code").get(0);
    HttpResponse wrong = token(c, c.path("client_secret").asText(), codeForm(code, Tokens.random()));
    assertEquals(400, wrong.status());
    assertEquals("invalid_grant", SafeJson.read(wrong.body()).path("error").asText());
    // The failed attempt used the code up.
    assertEquals(400, token(c, c.path("client_secret").asText(), codeForm(code, verifier)).status());
  }

  @Test
  void wrongSecretIsInvalidClient() {
    JsonNode c = register(REDIRECT);
    String verifier = Tokens.random();
    String code = redirectQuery(authorize(authorizeQuery(c.path("client_id").asText(), verifier))).get("code").get(0);
    HttpResponse r = token(c, "not-the-secret", codeForm(code, verifier));
    assertEquals(401, r.status());
    assertEquals("invalid_client", SafeJson.read(r.body()).path("error").asText());
    assertEquals("no-store", r.header("Cache-Control").orElseThrow());
  }

  @Test
  void codeReplayRevokesWhatTheFirstUseIssued() {
    JsonNode c = register(REDIRECT);
    String verifier = Tokens.random();
    String code = redirectQuery(authorize(authorizeQuery(c.path("client_id").asText(), verifier))).get("code").get(0);
    HttpResponse first = token(c, c.path("client_secret").asText(), codeForm(code, verifier));
    assertEquals(200, first.status());
    JsonNode tokens = SafeJson.read(first.body());
    assertEquals("Bearer", tokens.path("token_type").asText());
    assertEquals(3600, tokens.path("expires_in").asInt());
    String access = tokens.path("access_token").asText();
    HttpRequest get = HttpRequest.of("GET", "/bp/ims/ob/v3p0/credentials").withHeader("Authorization", "Bearer " + access);
    assertEquals(200, provider.handle(get).status());
    assertEquals(400, token(c, c.path("client_secret").asText(), codeForm(code, verifier)).status());
    HttpResponse after = provider.handle(get);
    assertEquals(401, after.status());
    assertTrue(after.header("WWW-Authenticate").orElseThrow().contains("invalid_token"));
  }

  @Test
  void scopeOutsideTheRegistrationIsInvalidScope() {
    JsonNode c = register(REDIRECT);
    Map<String, String> q = authorizeQuery(c.path("client_id").asText(), Tokens.random());
    q.put("scope", BackpackScopes.V2_ASSERTION_CREATE);
    assertEquals(List.of("invalid_scope"), redirectQuery(authorize(q)).get("error"));
  }

  @Test
  void unknownPathsAndHostileBodiesDoNotCrash() {
    assertEquals(404, provider.handle(HttpRequest.of("GET", "/elsewhere")).status());
    HttpResponse r = provider.handle(HttpRequest.of("POST", "/bp/oauth/register").withBody("[[[[[[[[[[[[".getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, r.status());
    assertFalse(r.bodyText().isEmpty());
  }
}
