package io.github.insignia.openbadges.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.export.internal.Percent;
import io.github.insignia.openbadges.export.internal.Tokens;
import io.github.insignia.openbadges.export.provider.BackpackProvider;
import io.github.insignia.openbadges.export.provider.HttpRequest;
import io.github.insignia.openbadges.export.provider.HttpResponse;
import io.github.insignia.openbadges.json.SafeJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs the OAuth flow against a provider in process, for benchmarks that need a token. */
final class BenchmarkOAuth {
  private BenchmarkOAuth() {}

  static String accessToken(BackpackProvider provider) {
    HttpResponse reg = provider.handle(HttpRequest.of("POST", "/oauth/register").withHeader("Content-Type", "application/json")
        .withBody("{\"client_name\":\"bench\",\"redirect_uris\":[\"https://c.example/cb\"]}".getBytes(StandardCharsets.UTF_8)));
    JsonNode client = SafeJson.read(reg.body());
    String verifier = Tokens.random();
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", client.path("client_id").asText());
    q.put("redirect_uri", "https://c.example/cb");
    q.put("state", "s");
    q.put("code_challenge", Tokens.s256(verifier));
    q.put("code_challenge_method", "S256");
    HttpResponse auth = provider.handle(HttpRequest.of("GET", "/oauth/authorize?" + Percent.query(q)));
    String code = Percent.parseQuery(URI.create(auth.header("Location").orElseThrow()).getRawQuery(), true).get("code").get(0);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", "https://c.example/cb");
    form.put("code_verifier", verifier);
    HttpResponse token = provider.handle(HttpRequest.of("POST", "/oauth/token")
        .withHeader("Authorization", Tokens.basic(client.path("client_id").asText(), client.path("client_secret").asText()))
        .withHeader("Content-Type", "application/x-www-form-urlencoded").withBody(Percent.query(form).getBytes(StandardCharsets.UTF_8)));
    return SafeJson.read(token.body()).path("access_token").asText();
  }
}
