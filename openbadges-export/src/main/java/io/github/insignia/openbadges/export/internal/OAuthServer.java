package io.github.insignia.openbadges.export.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.export.provider.ConsentDecider;
import io.github.insignia.openbadges.export.provider.ConsentDecision;
import io.github.insignia.openbadges.export.provider.ConsentRequest;
import io.github.insignia.openbadges.export.provider.HttpRequest;
import io.github.insignia.openbadges.export.provider.HttpResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider's OAuth 2.0 authorization server: RFC 7591 registration, authorization code with
 * mandatory PKCE S256 and exact redirect URIs, token and refresh (rotating refresh tokens), RFC 7009
 * revocation, and bearer checks for the resource endpoints. Secrets and tokens are kept only as
 * SHA-256 hashes. State lives in memory.
 */
public final class OAuthServer {
  /** Result of a bearer-token check. */
  public record Access(Kind kind, String userId, Set<String> scopes) {
    /** What the check found. */
    public enum Kind { OK, MISSING, INVALID, EXPIRED, INSUFFICIENT_SCOPE }
  }

  private record Client(String id, String secretHash, String name, String uri, List<String> redirectUris, Set<String> scopes) {}

  private record Code(String clientId, String redirectUri, String challenge, String userId, Set<String> scopes,
      Instant expires, String grantId) {}

  private record Token(String clientId, String userId, Set<String> scopes, Instant expires, String grantId, boolean refresh) {}

  private static final int MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final ConsentDecider consent;
  private final List<String> offeredScopes;
  private final Duration accessTokenLifetime;
  private final Duration refreshTokenLifetime;
  private final Duration codeLifetime;
  private final Map<String, Client> clients = new ConcurrentHashMap<>();
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, String> usedCodes = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  public OAuthServer(Clock clock, ConsentDecider consent, List<String> offeredScopes, Duration accessTokenLifetime,
      Duration refreshTokenLifetime, Duration codeLifetime) {
    this.clock = clock;
    this.consent = consent;
    this.offeredScopes = List.copyOf(offeredScopes);
    this.accessTokenLifetime = accessTokenLifetime;
    this.refreshTokenLifetime = refreshTokenLifetime;
    this.codeLifetime = codeLifetime;
  }

  /** POST registration endpoint (RFC 7591). */
  public HttpResponse register(HttpRequest request) {
    JsonNode body;
    try {
      body = SafeJson.read(request.body(), JsonLimits.builder().maxDocumentBytes(64 * 1024).maxDepth(8).build());
    } catch (OpenBadgesException e) {
      return registrationError("invalid_client_metadata", "the body is not JSON: " + e.getMessage());
    }
    if (!body.isObject()) {
      return registrationError("invalid_client_metadata", "the body must be a JSON object");
    }
    String name = body.path("client_name").asText("");
    if (name.isBlank()) {
      return registrationError("invalid_client_metadata", "client_name is required");
    }
    List<String> redirects = new ArrayList<>();
    for (JsonNode r : body.path("redirect_uris")) {
      if (!r.isTextual() || !acceptableRedirect(r.asText())) {
        return registrationError("invalid_redirect_uri",
            "each redirect URI must be an absolute https URL (http only on a loopback address) without a fragment");
      }
      redirects.add(r.asText());
    }
    if (redirects.isEmpty()) {
      return registrationError("invalid_redirect_uri", "redirect_uris must list at least one URI");
    }
    String method = body.path("token_endpoint_auth_method").asText("client_secret_basic");
    if (!method.equals("client_secret_basic")) {
      return registrationError("invalid_client_metadata", "only token_endpoint_auth_method client_secret_basic is supported");
    }
    for (JsonNode g : body.path("grant_types")) {
      if (!Set.of("authorization_code", "refresh_token").contains(g.asText())) {
        return registrationError("invalid_client_metadata", "unsupported grant type " + Urls.abbreviate(g.asText()));
      }
    }
    for (JsonNode t : body.path("response_types")) {
      if (!t.asText().equals("code")) {
        return registrationError("invalid_client_metadata", "only response type code is supported");
      }
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String s : body.path("scope").asText("").split(" ")) {
      if (offeredScopes.contains(s)) {
        scopes.add(s);
      }
    }
    if (scopes.isEmpty()) {
      scopes.addAll(offeredScopes);
    }
    if (clients.size() >= MAX_ENTRIES) {
      return registrationError("temporarily_unavailable", "too many registered clients");
    }
    String id = Tokens.random();
    String secret = Tokens.random();
    clients.put(id, new Client(id, Tokens.hash(secret), name, body.path("client_uri").asText(null), redirects, scopes));
    ObjectNode out = ((ObjectNode) body).deepCopy();
    out.put("client_id", id);
    out.put("client_secret", secret);
    out.put("client_id_issued_at", clock.instant().getEpochSecond());
    out.put("client_secret_expires_at", 0);
    out.put("scope", String.join(" ", scopes));
    out.put("token_endpoint_auth_method", "client_secret_basic");
    return noStore(HttpResponse.json(201, out));
  }

  /** GET authorization endpoint. */
  public HttpResponse authorize(HttpRequest request) {
    Map<String, List<String>> q = request.query();
    for (Map.Entry<String, List<String>> e : q.entrySet()) {
      if (e.getValue().size() > 1) {
        return authorizePage("the parameter " + Urls.abbreviate(e.getKey()) + " is repeated");
      }
    }
    String clientId = first(q, "client_id");
    Client client = clientId == null ? null : clients.get(clientId);
    if (client == null) {
      return authorizePage("unknown client_id");
    }
    String redirect = first(q, "redirect_uri");
    if (redirect == null || !client.redirectUris().contains(redirect)) {
      // Never redirect to an unregistered URI: that would make us an open redirector.
      return authorizePage("redirect_uri is missing or not registered for this client");
    }
    String state = first(q, "state");
    if (!"code".equals(first(q, "response_type"))) {
      return redirectError(redirect, state, "unsupported_response_type", "response_type must be code");
    }
    if (state == null || state.isEmpty()) {
      return redirectError(redirect, null, "invalid_request", "state is required");
    }
    String challenge = first(q, "code_challenge");
    if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{43}") || !"S256".equals(first(q, "code_challenge_method"))) {
      return redirectError(redirect, state, "invalid_request", "PKCE with code_challenge_method S256 is required");
    }
    Set<String> scopes = new LinkedHashSet<>();
    String scopeParam = first(q, "scope");
    if (scopeParam == null || scopeParam.isBlank()) {
      scopes.addAll(client.scopes());
    } else {
      for (String s : scopeParam.strip().split(" +")) {
        if (!client.scopes().contains(s)) {
          return redirectError(redirect, state, "invalid_scope", "scope not offered or not registered: " + Urls.abbreviate(s));
        }
        scopes.add(s);
      }
    }
    ConsentDecision decision = consent.decide(new ConsentRequest(client.id(), client.name(), client.uri(), scopes, request));
    if (decision == null || !decision.granted()) {
      return redirectError(redirect, state, "access_denied", "the user refused access");
    }
    Set<String> granted = decision.scopes().map(s -> {
      Set<String> narrowed = new LinkedHashSet<>(scopes);
      narrowed.retainAll(s);
      return narrowed;
    }).orElse(scopes);
    purgeIfFull(codes);
    String code = Tokens.random();
    codes.put(Tokens.hash(code), new Code(client.id(), redirect, challenge, decision.userId().orElseThrow(),
        Set.copyOf(granted), clock.instant().plus(codeLifetime), Tokens.random()));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    params.put("state", state);
    return HttpResponse.redirect(appendQuery(redirect, params));
  }

  /** POST token endpoint: authorization_code and refresh_token grants. */
  public HttpResponse token(HttpRequest request) {
    Optional<String[]> basic = Tokens.parseBasic(request.header("Authorization").orElse(null));
    Client client = basic.map(b -> clients.get(b[0])).orElse(null);
    if (client == null || !Tokens.same(client.secretHash(), Tokens.hash(basic.get()[1]))) {
      return tokenError(401, "invalid_client", "client authentication failed (HTTP Basic with the registered secret)")
          .withHeader("WWW-Authenticate", "Basic realm=\"token\"");
    }
    if (!request.mediaType().equals("application/x-www-form-urlencoded")) {
      return tokenError(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
    }
    Map<String, List<String>> form = Percent.parseQuery(request.bodyText(), true);
    String grantType = first(form, "grant_type");
    if ("authorization_code".equals(grantType)) {
      return codeGrant(client, form);
    }
    if ("refresh_token".equals(grantType)) {
      return refreshGrant(client, form);
    }
    return tokenError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
  }

  private HttpResponse codeGrant(Client client, Map<String, List<String>> form) {
    String code = first(form, "code");
    if (code == null) {
      return tokenError(400, "invalid_request", "code is required");
    }
    String hash = Tokens.hash(code);
    Code c = codes.remove(hash);
    if (c == null) {
      String grant = usedCodes.get(hash);
      if (grant != null) {
        // A code used twice may have been stolen: revoke what the first use issued (RFC 6749 §4.1.2).
        tokens.values().removeIf(t -> t.grantId().equals(grant));
      }
      return tokenError(400, "invalid_grant", "the code is unknown, used or expired");
    }
    purgeIfFull(usedCodes);
    usedCodes.put(hash, c.grantId());
    if (!c.clientId().equals(client.id()) || !c.expires().isAfter(clock.instant())) {
      return tokenError(400, "invalid_grant", "the code is unknown, used or expired");
    }
    if (!c.redirectUri().equals(first(form, "redirect_uri"))) {
      return tokenError(400, "invalid_grant", "redirect_uri differs from the authorization request");
    }
    String verifier = first(form, "code_verifier");
    if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}") || !Tokens.same(Tokens.s256(verifier), c.challenge())) {
      return tokenError(400, "invalid_grant", "the PKCE code_verifier does not match the code_challenge");
    }
    return issue(client.id(), c.userId(), c.scopes(), c.grantId());
  }

  private HttpResponse refreshGrant(Client client, Map<String, List<String>> form) {
    String refresh = first(form, "refresh_token");
    Token t = refresh == null ? null : tokens.get(Tokens.hash(refresh));
    if (t == null || !t.refresh() || !t.clientId().equals(client.id()) || !t.expires().isAfter(clock.instant())) {
      return tokenError(400, "invalid_grant", "the refresh token is unknown, revoked or expired");
    }
    Set<String> scopes = t.scopes();
    String scopeParam = first(form, "scope");
    if (scopeParam != null && !scopeParam.isBlank()) {
      Set<String> asked = new LinkedHashSet<>(Arrays.asList(scopeParam.strip().split(" +")));
      if (!t.scopes().containsAll(asked)) {
        return tokenError(400, "invalid_scope", "a refresh cannot widen the scope");
      }
      scopes = asked;
    }
    tokens.remove(Tokens.hash(refresh));
    return issue(client.id(), t.userId(), scopes, t.grantId());
  }

  private HttpResponse issue(String clientId, String userId, Set<String> scopes, String grantId) {
    purgeIfFull(tokens);
    String access = Tokens.random();
    String refresh = Tokens.random();
    Instant now = clock.instant();
    tokens.put(Tokens.hash(access), new Token(clientId, userId, scopes, now.plus(accessTokenLifetime), grantId, false));
    tokens.put(Tokens.hash(refresh), new Token(clientId, userId, scopes, now.plus(refreshTokenLifetime), grantId, true));
    ObjectNode out = SafeJson.nodeFactory().objectNode();
    out.put("access_token", access);
    out.put("token_type", "Bearer");
    out.put("expires_in", accessTokenLifetime.toSeconds());
    out.put("refresh_token", refresh);
    out.put("scope", String.join(" ", scopes));
    return noStore(HttpResponse.json(200, out));
  }

  /** POST revocation endpoint (RFC 7009): 200 even for unknown tokens. */
  public HttpResponse revoke(HttpRequest request) {
    Optional<String[]> basic = Tokens.parseBasic(request.header("Authorization").orElse(null));
    Client client = basic.map(b -> clients.get(b[0])).orElse(null);
    if (client == null || !Tokens.same(client.secretHash(), Tokens.hash(basic.get()[1]))) {
      return tokenError(401, "invalid_client", "client authentication failed");
    }
    String token = first(Percent.parseQuery(request.bodyText(), true), "token");
    if (token != null) {
      Token t = tokens.get(Tokens.hash(token));
      if (t != null && t.clientId().equals(client.id())) {
        // Revoking either token of a grant ends the whole grant.
        tokens.values().removeIf(x -> x.grantId().equals(t.grantId()));
      }
    }
    return HttpResponse.empty(200);
  }

  /** Checks the request's bearer token for a scope. */
  public Access check(HttpRequest request, String scope) {
    String header = request.header("Authorization").orElse("");
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Access(Access.Kind.MISSING, null, Set.of());
    }
    Token t = tokens.get(Tokens.hash(header.substring(7).strip()));
    if (t == null || t.refresh()) {
      return new Access(Access.Kind.INVALID, null, Set.of());
    }
    if (!t.expires().isAfter(clock.instant())) {
      return new Access(Access.Kind.EXPIRED, null, Set.of());
    }
    if (!t.scopes().contains(scope)) {
      return new Access(Access.Kind.INSUFFICIENT_SCOPE, t.userId(), t.scopes());
    }
    return new Access(Access.Kind.OK, t.userId(), t.scopes());
  }

  /** The WWW-Authenticate value for a failed check. */
  public static String challenge(Access access, String scope) {
    return switch (access.kind()) {
      case MISSING -> "Bearer realm=\"openbadges\"";
      case INSUFFICIENT_SCOPE -> "Bearer realm=\"openbadges\", error=\"insufficient_scope\", scope=\"" + scope + "\"";
      default -> "Bearer realm=\"openbadges\", error=\"invalid_token\"";
    };
  }

  private void purgeIfFull(Map<String, ?> map) {
    if (map.size() < MAX_ENTRIES) {
      return;
    }
    Instant now = clock.instant();
    codes.values().removeIf(c -> !c.expires().isAfter(now));
    tokens.values().removeIf(t -> !t.expires().isAfter(now));
    if (map.size() >= MAX_ENTRIES) {
      map.clear();
    }
  }

  static boolean acceptableRedirect(String uri) {
    try {
      URI u = new URI(uri);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!u.isAbsolute() || u.getHost() == null || u.getRawFragment() != null) {
        return false;
      }
      return scheme.equals("https") || (scheme.equals("http") && Loopback.isLoopbackHost(u.getHost()));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String first(Map<String, List<String>> q, String name) {
    List<String> v = q.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static String appendQuery(String uri, Map<String, String> params) {
    return uri + (uri.contains("?") ? "&" : "?") + Percent.query(params);
  }

  private static HttpResponse redirectError(String redirect, String state, String error, String description) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", error);
    params.put("error_description", description);
    params.put("state", state);
    return HttpResponse.redirect(appendQuery(redirect, params));
  }

  private static HttpResponse authorizePage(String problem) {
    return HttpResponse.of(400, "text/plain; charset=utf-8",
        ("Authorization request refused: " + problem).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static HttpResponse registrationError(String error, String description) {
    ObjectNode out = SafeJson.nodeFactory().objectNode();
    out.put("error", error);
    out.put("error_description", description);
    return HttpResponse.json(400, out);
  }

  private static HttpResponse tokenError(int status, String error, String description) {
    ObjectNode out = SafeJson.nodeFactory().objectNode();
    out.put("error", error);
    out.put("error_description", description);
    return noStore(HttpResponse.json(status, out));
  }

  private static HttpResponse noStore(HttpResponse r) {
    return r.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
  }

}
