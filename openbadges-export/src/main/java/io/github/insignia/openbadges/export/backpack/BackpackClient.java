package io.github.insignia.openbadges.export.backpack;

import io.github.insignia.openbadges.export.ExportErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.export.internal.HttpTransport;
import io.github.insignia.openbadges.export.internal.Percent;
import io.github.insignia.openbadges.export.internal.Tokens;
import io.github.insignia.openbadges.export.internal.Urls;
import io.github.insignia.openbadges.json.SafeJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What both backpack clients share: dynamic registration, the authorization-code flow with PKCE
 * S256, token refresh and revocation, and authorized calls that refresh an expired token once.
 * Thread-safe. The user-agent step is the host's: {@link #beginAuthorization} gives the URL to open,
 * {@link #completeAuthorization} takes the redirect that comes back.
 *
 * <p>Every endpoint is bound to the backpack: the OAuth endpoints must sit on the API base's origin
 * (or one the host trusts, {@link BackpackClientOptions.Builder#trustEndpointOrigin}), else the
 * client is refused with {@code BACKPACK_ENDPOINT_UNTRUSTED}; the client secret and refresh tokens
 * go only to the token endpoint recorded with the registration ({@code BACKPACK_ENDPOINT_MISMATCH}
 * otherwise, before anything is sent). Every failure is a {@link BackpackException}.
 */
public abstract sealed class BackpackClient permits Ob3BackpackClient, BadgeConnectClient {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*?rel=\"?([^\",;]+)\"?");
  /** Tokens are refreshed this many seconds before they expire. */
  private static final long SKEW_SECONDS = 30;
  /** What a token may hold: visible ASCII (RFC 6749 appendix A), bounded. */
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,4096}");

  final BackpackService service;
  final BackpackClientOptions options;
  final HttpTransport http;
  private final String serviceKey;

  BackpackClient(BackpackService service, BackpackClientOptions options, HttpTransport http) {
    this.service = Objects.requireNonNull(service, "service");
    this.options = Objects.requireNonNull(options, "options");
    this.http = http;
    http.checkUrl(service.apiBase());
    http.checkUrl(service.registrationUrl());
    http.checkUrl(service.authorizationUrl());
    http.checkUrl(service.tokenUrl());
    service.revocation().ifPresent(http::checkUrl);
    requireTrusted(service.registrationUrl(), service.apiBase(), options, "registrationUrl");
    requireTrusted(service.authorizationUrl(), service.apiBase(), options, "authorizationUrl");
    requireTrusted(service.tokenUrl(), service.apiBase(), options, "tokenUrl");
    service.revocation().ifPresent(u -> requireTrusted(u, service.apiBase(), options, "revocationUrl"));
    this.serviceKey = service.apiBase().toString();
  }

  /** What discovery found. */
  public BackpackService service() {
    return service;
  }

  /** The stored registration, if this host registered at the backpack before. */
  public Optional<ClientRegistration> registration() {
    return options.tokenStore().loadClient(serviceKey);
  }

  /**
   * Registers this client (RFC 7591) and stores the id and secret with the token endpoint they are
   * for (the only endpoint the secret will ever be sent to).
   */
  public ClientRegistration register(ClientMetadata metadata) {
    HttpTransport.Response r = http.send(HttpRequest.newBuilder(service.registrationUrl())
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(SafeJson.write(metadata.toJson()))), false);
    if (r.status() != 201 && r.status() != 200) {
      throw relabel(HttpTransport.error(r, "client registration"), ExportErrorCode.REGISTRATION_FAILED);
    }
    JsonNode body = http.json(r, "client registration");
    String id = body.path("client_id").asText("");
    String secret = body.path("client_secret").asText("");
    if (id.isEmpty() || secret.isEmpty()) {
      throw new BackpackException(ExportErrorCode.REGISTRATION_FAILED, "the registration answer has no client_id or client_secret");
    }
    if (!TOKEN.matcher(id).matches() || !TOKEN.matcher(secret).matches()) {
      throw new BackpackException(ExportErrorCode.REGISTRATION_FAILED, "the registration answer's client_id or client_secret is not visible ASCII");
    }
    ClientRegistration reg = new ClientRegistration(id, secret, body.path("client_secret_expires_at").asLong(0),
        body.path("scope").asText(String.join(" ", metadata.scopes())), service.tokenUrl());
    options.tokenStore().saveClient(serviceKey, reg);
    return reg;
  }

  /** The stored registration, or a new one. */
  public ClientRegistration ensureRegistered(ClientMetadata metadata) {
    return registration().orElseGet(() -> register(metadata));
  }

  /**
   * Starts the authorization-code flow with PKCE S256: open {@link
   * PendingAuthorization#authorizationUri()} in the user's browser.
   */
  public PendingAuthorization beginAuthorization(URI redirectUri, Collection<String> scopes) {
    ClientRegistration reg = requireRegistration();
    String verifier = Tokens.random();
    String state = Tokens.random();
    String scope = String.join(" ", scopes);
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", reg.clientId());
    q.put("redirect_uri", redirectUri.toString());
    q.put("scope", scope);
    q.put("state", state);
    q.put("code_challenge", Tokens.s256(verifier));
    q.put("code_challenge_method", "S256");
    String base = service.authorizationUrl().toString();
    URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + Percent.query(q));
    return new PendingAuthorization(uri, redirectUri, state, verifier, scope);
  }

  /**
   * Finishes the flow with the redirect the backpack sent the user to: checks the state, turns an
   * {@code error} into {@code AUTHORIZATION_DENIED} / {@code AUTHORIZATION_FAILED}, exchanges the
   * code (with the PKCE verifier) and stores the tokens.
   */
  public TokenSet completeAuthorization(PendingAuthorization pending, URI redirect) {
    URI expected = pending.redirectUri();
    if (!Objects.equals(redirect.getScheme(), expected.getScheme()) || !Objects.equals(redirect.getHost(), expected.getHost())
        || redirect.getPort() != expected.getPort() || !Objects.equals(redirect.getRawPath(), expected.getRawPath())) {
      throw new BackpackException(ExportErrorCode.AUTHORIZATION_FAILED, "the redirect does not go to the registered redirect URI");
    }
    Map<String, List<String>> q = Percent.parseQuery(redirect.getRawQuery(), true);
    String state = first(q, "state");
    if (!Tokens.same(state, pending.state())) {
      throw new BackpackException(ExportErrorCode.AUTHORIZATION_STATE_MISMATCH,
          "the redirect's state does not match the request (possible cross-site request forgery)");
    }
    String error = first(q, "error");
    if (error != null) {
      String description = Optional.ofNullable(first(q, "error_description")).orElse(error);
      // The redirect is attacker-reachable: the message carries a summary, not the text.
      throw new BackpackException(error.equals("access_denied") ? ExportErrorCode.AUTHORIZATION_DENIED : ExportErrorCode.AUTHORIZATION_FAILED,
          "the backpack did not authorize: " + HttpTransport.summaryCode(error), 0, HttpTransport.summaryCode(error),
          HttpTransport.summaryText(description), null, null);
    }
    String code = first(q, "code");
    if (code == null || code.isEmpty()) {
      throw new BackpackException(ExportErrorCode.AUTHORIZATION_FAILED, "the redirect carries neither a code nor an error");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", expected.toString());
    form.put("scope", pending.scope());
    form.put("code_verifier", pending.codeVerifier());
    return tokenRequest(form, ExportErrorCode.TOKEN_REQUEST_FAILED, null);
  }

  /** Whether tokens are stored for the account. */
  public boolean isAuthorized() {
    return options.tokenStore().loadTokens(serviceKey, options.account()).isPresent();
  }

  /** Refreshes the access token now (RFC 6749 §6). */
  public synchronized TokenSet refresh() {
    TokenSet current = options.tokenStore().loadTokens(serviceKey, options.account())
        .orElseThrow(() -> new BackpackException(ExportErrorCode.NOT_AUTHORIZED, "no tokens for this account; authorize first"));
    String refresh = current.refresh().orElseThrow(() -> new BackpackException(ExportErrorCode.TOKEN_REFRESH_FAILED,
        "the access token expired and the backpack gave no refresh token; authorize again"));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refresh);
    return tokenRequest(form, ExportErrorCode.TOKEN_REFRESH_FAILED, current);
  }

  /** Revokes the tokens at the backpack (RFC 7009) when it offers revocation, and forgets them. */
  public void revoke() {
    Optional<TokenSet> tokens = options.tokenStore().loadTokens(serviceKey, options.account());
    options.tokenStore().deleteTokens(serviceKey, options.account());
    if (tokens.isEmpty() || service.revocation().isEmpty()) {
      return;
    }
    ClientRegistration reg = requireRegistration();
    URI tokenEndpoint = boundTokenEndpoint(reg);
    if (!sameOrigin(service.revocationUrl(), tokenEndpoint)) {
      throw new BackpackException(ExportErrorCode.BACKPACK_ENDPOINT_MISMATCH, "the revocation endpoint is not on the origin of the token"
          + " endpoint that issued the tokens; nothing was sent");
    }
    String token = tokens.get().refresh().orElse(tokens.get().accessToken());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token);
    form.put("token_type_hint", tokens.get().refresh().isPresent() ? "refresh_token" : "access_token");
    HttpTransport.Response r = http.send(HttpRequest.newBuilder(service.revocationUrl())
        .header("Authorization", Tokens.basic(reg.clientId(), reg.clientSecret()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(Percent.query(form))), false);
    if (r.status() != 200) {
      throw HttpTransport.error(r, "token revocation");
    }
  }

  private TokenSet tokenRequest(Map<String, String> form, ExportErrorCode failureCode, TokenSet previous) {
    ClientRegistration reg = requireRegistration();
    HttpTransport.Response r = http.send(HttpRequest.newBuilder(boundTokenEndpoint(reg))
        .header("Authorization", Tokens.basic(reg.clientId(), reg.clientSecret()))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Percent.query(form))), false);
    if (r.status() != 200) {
      BackpackException e = relabel(HttpTransport.error(r, "token request"), failureCode);
      if (previous != null && r.status() == 400) {
        // The refresh token is dead: forget it so the host knows to authorize again.
        options.tokenStore().deleteTokens(serviceKey, options.account());
      }
      throw e;
    }
    JsonNode body = http.json(r, "token request");
    String access = body.path("access_token").asText("");
    if (access.isEmpty() || !body.path("token_type").asText("").equalsIgnoreCase("bearer")) {
      throw new BackpackException(failureCode, "the token answer has no bearer access_token");
    }
    String refresh = body.path("refresh_token").isTextual() ? body.get("refresh_token").asText()
        : previous == null ? null : previous.refreshToken();
    if (!TOKEN.matcher(access).matches() || (refresh != null && !TOKEN.matcher(refresh).matches())) {
      // A CR/LF or other control character would otherwise break (or split) the next request's headers.
      throw new BackpackException(ExportErrorCode.BACKPACK_TOKEN_INVALID, "the token answer holds a token that is not visible ASCII"
          + " (or is longer than 4096 characters)");
    }
    long expiresIn = Math.max(0, Math.min(body.path("expires_in").asLong(0), 10L * 365 * 24 * 3600));
    TokenSet tokens = new TokenSet(access, refresh,
        expiresIn > 0 ? options.clock().instant().plusSeconds(expiresIn) : null,
        body.path("scope").asText(previous == null ? form.getOrDefault("scope", "") : previous.scope()));
    options.tokenStore().saveTokens(serviceKey, options.account(), tokens);
    return tokens;
  }

  /**
   * Sends an authorized request to a URL under the API base: refreshes a token that is about to
   * expire, and on a 401 refreshes once and tries again.
   */
  HttpTransport.Response authorized(URI url, java.util.function.Function<HttpRequest.Builder, HttpRequest.Builder> method,
      boolean idempotent, String what) {
    if (!sameOrigin(url, service.apiBase())) {
      throw new BackpackException(ExportErrorCode.BACKPACK_INSECURE_URL, what + ": refusing to send the token outside the API: " + url);
    }
    TokenSet tokens = currentTokens();
    HttpTransport.Response r = http.send(method.apply(HttpRequest.newBuilder(url))
        .header("Authorization", bearer(tokens)), idempotent);
    if (r.status() == 401 && tokens.refresh().isPresent()) {
      tokens = refresh();
      r = http.send(method.apply(HttpRequest.newBuilder(url)).header("Authorization", bearer(tokens)), idempotent);
    }
    return r;
  }

  private synchronized TokenSet currentTokens() {
    TokenSet tokens = options.tokenStore().loadTokens(serviceKey, options.account())
        .orElseThrow(() -> new BackpackException(ExportErrorCode.NOT_AUTHORIZED, "no tokens for this account; authorize first"));
    if (tokens.expiredAt(options.clock().instant(), SKEW_SECONDS)) {
      return refresh();
    }
    return tokens;
  }

  private static String bearer(TokenSet tokens) {
    if (!TOKEN.matcher(tokens.accessToken()).matches()) {
      throw new BackpackException(ExportErrorCode.BACKPACK_TOKEN_INVALID, "the stored access token is not visible ASCII; authorize again");
    }
    return "Bearer " + tokens.accessToken();
  }

  /**
   * The token endpoint the registration's secret was issued for; refuses (before sending anything)
   * when discovery now names another one.
   */
  private URI boundTokenEndpoint(ClientRegistration reg) {
    URI bound = reg.tokenEndpoint().orElse(null);
    if (bound == null) {
      // Recorded by an earlier version: only the API's own origin is trusted with the secret.
      if (!sameOrigin(service.tokenUrl(), service.apiBase())) {
        throw new BackpackException(ExportErrorCode.BACKPACK_ENDPOINT_MISMATCH, "the token endpoint is not on the API's origin and the"
            + " registration records no token endpoint; register again; nothing was sent");
      }
      return service.tokenUrl();
    }
    if (!bound.equals(service.tokenUrl())) {
      throw new BackpackException(ExportErrorCode.BACKPACK_ENDPOINT_MISMATCH, "the token endpoint " + Urls.abbreviate(service.tokenUrl()
          .toString()) + " is not the one that issued this client's secret (" + Urls.abbreviate(bound.toString())
          + "); nothing was sent");
    }
    return bound;
  }

  /**
   * Refuses an endpoint that is neither on the anchor's origin nor on an origin the host trusts.
   */
  static void requireTrusted(URI url, URI anchor, BackpackClientOptions options, String what) {
    if (url.getHost() == null || !(sameOrigin(url, anchor)
        || options.trustedEndpointOrigins().contains(BackpackClientOptions.origin(url)))) {
      throw new BackpackException(ExportErrorCode.BACKPACK_ENDPOINT_UNTRUSTED, "the discovered " + what + " ("
          + Urls.abbreviate(String.valueOf(url)) + ") is not on the origin of " + Urls.abbreviate(anchor.toString())
          + " nor on an origin the host trusts");
    }
  }

  private ClientRegistration requireRegistration() {
    return registration().orElseThrow(() -> new BackpackException(ExportErrorCode.CLIENT_NOT_REGISTERED,
        "this client is not registered at " + service.apiBase() + "; register first"));
  }

  /** The page's items and its paging headers. */
  BackpackPage page(HttpTransport.Response r, List<JsonNode> json, List<String> signed) {
    OptionalLong total = r.header("X-Total-Count").filter(s -> s.matches("\\d{1,18}"))
        .map(s -> OptionalLong.of(Long.parseLong(s))).orElse(OptionalLong.empty());
    URI next = null;
    for (String link : r.headers().allValues("Link")) {
      Matcher m = LINK.matcher(link);
      while (m.find()) {
        if (m.group(2).equals("next")) {
          try {
            URI candidate = service.apiBase().resolve(m.group(1));
            next = sameOrigin(candidate, service.apiBase()) ? candidate : null;
          } catch (IllegalArgumentException e) {
            next = null;
          }
        }
      }
    }
    return new BackpackPage(json, signed, total, next);
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  static String query(int limit, int offset, java.time.Instant since) {
    if (limit < 1 || offset < 0) {
      throw new BackpackException(ExportErrorCode.BACKPACK_PAGING_INVALID, "limit must be at least 1 and offset at least 0");
    }
    Map<String, String> q = new LinkedHashMap<>();
    q.put("limit", Integer.toString(limit));
    q.put("offset", Integer.toString(offset));
    q.put("since", since == null ? null : since.toString());
    return Percent.query(q);
  }

  static BackpackException relabel(BackpackException e, ExportErrorCode code) {
    return new BackpackException(code, e.getMessage(), e.httpStatus().orElse(0), e.serverCode().orElse(null),
        e.serverMessage().orElse(null), e.retryAfter().orElse(null), e);
  }

  static HttpRequest.BodyPublisher utf8(String s) {
    return HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8);
  }

  private static String first(Map<String, List<String>> q, String name) {
    List<String> v = q.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
