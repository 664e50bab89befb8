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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * mandatory PKCE S256 and exact redirect URIs, a consent page when the host asks the person, token
 * and refresh (rotating refresh tokens with reuse detection), RFC 7009 revocation, and bearer checks
 * for the resource endpoints. Secrets and tokens are kept only as SHA-256 hashes. State lives in
 * memory.
 *
 * <p>Tokens belong to grants (one per successful code exchange). Storage is bounded per user and
 * per client: a new grant beyond {@link #MAX_GRANTS_PER_USER} or {@link #MAX_GRANTS_PER_CLIENT}
 * evicts the oldest grant of that user or client, never anyone else's; beyond {@link #MAX_GRANTS}
 * in all, new grants are refused ({@code temporarily_unavailable}) rather than anything cleared.
 * Refreshing rotates both tokens of the grant in place (one refresh cannot grow the store); a
 * rotated refresh token presented again revokes its whole grant (OAuth 2.0 Security BCP 4.14).
 */
public final class OAuthServer {
  private static final System.Logger LOG = System.getLogger(OAuthServer.class.getName());
  /** Result of a bearer-token check. */
  public record Access(Kind kind, String userId, Set<String> scopes) {
    /** What the check found. */
    public enum Kind { OK, MISSING, INVALID, EXPIRED, INSUFFICIENT_SCOPE }
  }

  private record Client(String id, String secretHash, String name, String uri, List<String> redirectUris, Set<String> scopes) {}

  private record Code(String clientId, String redirectUri, String challenge, String userId, Set<String> scopes,
      Instant expires, String grantId) {}

  /** A consent page shown and not yet answered; its id is the form's anti-CSRF token. */
  private record PendingConsent(String clientId, String redirectUri, String state, String challenge, String userId,
      Set<String> scopes, Instant expires) {}

  /** The tokens of one grant; mutated only under the server's lock. */
  private static final class Grant {
    final String id;
    final String clientId;
    final String userId;
    Set<String> scopes;
    String accessHash;
    Instant accessExpires;
    String refreshHash;
    Instant refreshExpires;
    /** Refresh tokens rotated out, newest last (bounded): presenting one again is reuse. */
    final ArrayDeque<String> spent = new ArrayDeque<>();

    Grant(String id, String clientId, String userId) {
      this.id = id;
      this.clientId = clientId;
      this.userId = userId;
    }
  }

  /** Live grants per user; a new one beyond this evicts that user's oldest. */
  public static final int MAX_GRANTS_PER_USER = 100;
  /** Live grants per client; a new one beyond this evicts that client's oldest. */
  public static final int MAX_GRANTS_PER_CLIENT = 50_000;
  /** Live grants in all; beyond, new grants are refused (nothing is cleared). */
  public static final int MAX_GRANTS = 500_000;
  /** Rotated refresh tokens remembered per grant for reuse detection. */
  static final int MAX_SPENT_PER_GRANT = 32;
  /** Codes (and remembered used codes) per client; beyond, that client's oldest goes. */
  static final int MAX_CODES_PER_CLIENT = 1_000;
  /** Unanswered consent pages per user; beyond, that user's oldest goes. */
  static final int MAX_CONSENTS_PER_USER = 20;
  private static final int MAX_ENTRIES = 100_000;
  private static final int MAX_NAME = 100;
  private static final int MAX_URI = 2_000;

  private final Clock clock;
  private final ConsentDecider consent;
  private final List<String> offeredScopes;
  private final Duration accessTokenLifetime;
  private final Duration refreshTokenLifetime;
  private final Duration codeLifetime;
  private final Map<String, Client> clients = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private final Map<String, Code> codes = new HashMap<>();
  private final Map<String, LinkedHashMap<String, Code>> codesByClient = new HashMap<>();
  private final Map<String, LinkedHashMap<String, String>> usedCodesByClient = new HashMap<>();
  private final Map<String, PendingConsent> consents = new HashMap<>();
  private final Map<String, LinkedHashSet<String>> consentsByUser = new HashMap<>();
  private final Map<String, Grant> grants = new HashMap<>();
  private final Map<String, LinkedHashSet<String>> grantsByClient = new HashMap<>();
  private final Map<String, LinkedHashSet<String>> grantsByUser = new HashMap<>();
  /** Live token hash to its grant; a refresh token's hash maps to the grant too (the grant says which). */
  private final Map<String, Grant> tokens = new HashMap<>();
  /** Rotated refresh-token hash to grant id. */
  private final Map<String, String> spentRefresh = new HashMap<>();

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
      return registrationError("invalid_client_metadata", "the body is not JSON (" + e.code() + ")");
    }
    if (!body.isObject()) {
      return registrationError("invalid_client_metadata", "the body must be a JSON object");
    }
    String name = body.path("client_name").isTextual() ? body.get("client_name").asText().strip() : "";
    if (name.isEmpty() || name.length() > MAX_NAME || !printable(name)) {
      return registrationError("invalid_client_metadata",
          "client_name is required: 1.." + MAX_NAME + " characters without control or formatting characters");
    }
    // Shown to people on the consent page: only https URLs, bounded, nothing invisible.
    for (String field : List.of("client_uri", "logo_uri", "tos_uri", "policy_uri")) {
      JsonNode v = body.get(field);
      if (v != null && !v.isNull() && (!v.isTextual() || !acceptableMetadataUri(v.asText()))) {
        return registrationError("invalid_client_metadata",
            field + " must be an absolute https URL of at most " + MAX_URI + " characters");
      }
    }
    List<String> redirects = new ArrayList<>();
    for (JsonNode r : body.path("redirect_uris")) {
      if (!r.isTextual() || r.asText().length() > MAX_URI || !acceptableRedirect(r.asText())) {
        return registrationError("invalid_redirect_uri",
            "each redirect URI must be an absolute https URL (http only on a loopback address) without a fragment");
      }
      redirects.add(r.asText());
    }
    if (redirects.isEmpty() || redirects.size() > 20) {
      return registrationError("invalid_redirect_uri", "redirect_uris must list 1..20 URIs");
    }
    String method = body.path("token_endpoint_auth_method").asText("client_secret_basic");
    if (!method.equals("client_secret_basic")) {
      return registrationError("invalid_client_metadata", "only token_endpoint_auth_method client_secret_basic is supported");
    }
    for (JsonNode g : body.path("grant_types")) {
      if (!Set.of("authorization_code", "refresh_token").contains(g.asText())) {
        return registrationError("invalid_client_metadata", "unsupported grant type");
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
    String clientUri = body.path("client_uri").isTextual() ? body.get("client_uri").asText() : null;
    clients.put(id, new Client(id, Tokens.hash(secret), name, clientUri, redirects, scopes));
    ObjectNode out = ((ObjectNode) body).deepCopy();
    out.put("client_name", name);
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
        return authorizePage("a parameter is repeated");
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
          return redirectError(redirect, state, "invalid_scope", "scope not offered or not registered");
        }
        scopes.add(s);
      }
    }
    ConsentDecision decision = consent.decide(new ConsentRequest(client.id(), client.name(), client.uri(), scopes, request));
    if (decision != null && decision.asks()) {
      return consentPage(client, redirect, state, challenge, decision.userId().orElseThrow(), narrow(scopes, decision));
    }
    if (decision == null || !decision.granted()) {
      return redirectError(redirect, state, "access_denied", "the user refused access");
    }
    return codeRedirect(client, redirect, state, challenge, decision.userId().orElseThrow(), narrow(scopes, decision));
  }

  /**
   * POST authorization endpoint: the person's answer on the consent page. The form's {@code
   * consent} token must be one this server rendered (single use, ten minutes), and the host's
   * decider must name the same user for this request (a token lifted from one session is useless
   * in another).
   */
  public HttpResponse answerConsent(HttpRequest request) {
    if (!request.mediaType().equals("application/x-www-form-urlencoded")) {
      return consentProblem(400, "the consent form must be posted as application/x-www-form-urlencoded");
    }
    Map<String, List<String>> form = Percent.parseQuery(request.bodyText(), true);
    String token = first(form, "consent");
    String answer = first(form, "decision");
    PendingConsent pending;
    synchronized (lock) {
      pending = token == null ? null : consents.remove(Tokens.hash(token));
      if (pending != null) {
        LinkedHashSet<String> mine = consentsByUser.get(pending.userId());
        if (mine != null) {
          mine.remove(Tokens.hash(token));
        }
      }
    }
    if (pending == null || !pending.expires().isAfter(clock.instant())) {
      return consentProblem(400, "this consent form is unknown, used or expired; start again from the application");
    }
    Client client = clients.get(pending.clientId());
    if (client == null) {
      return consentProblem(400, "the application is no longer registered");
    }
    ConsentDecision who = consent.decide(new ConsentRequest(client.id(), client.name(), client.uri(), pending.scopes(), request));
    if (who == null || who.userId().isEmpty() || !who.userId().get().equals(pending.userId())) {
      // Cross-site request forgery, or another person's session: never turn it into a grant.
      return consentProblem(403, "this consent form was not issued to the signed-in person");
    }
    if (!"approve".equals(answer)) {
      return redirectError(pending.redirectUri(), pending.state(), "access_denied", "the user refused access");
    }
    return codeRedirect(client, pending.redirectUri(), pending.state(), pending.challenge(), pending.userId(),
        narrow(pending.scopes(), who));
  }

  private static Set<String> narrow(Set<String> asked, ConsentDecision decision) {
    return decision.scopes().map(s -> {
      Set<String> narrowed = new LinkedHashSet<>(asked);
      narrowed.retainAll(s);
      return (Set<String>) narrowed;
    }).orElse(asked);
  }

  private HttpResponse codeRedirect(Client client, String redirect, String state, String challenge, String userId,
      Set<String> scopes) {
    String code = Tokens.random();
    String hash = Tokens.hash(code);
    Code c = new Code(client.id(), redirect, challenge, userId, Set.copyOf(scopes), clock.instant().plus(codeLifetime),
        Tokens.random());
    synchronized (lock) {
      if (codes.size() >= MAX_ENTRIES) {
        Instant now = clock.instant();
        codes.values().removeIf(x -> !x.expires().isAfter(now));
        codesByClient.values().forEach(m -> m.values().removeIf(x -> !x.expires().isAfter(now)));
      }
      if (codes.size() >= MAX_ENTRIES) {
        return redirectError(redirect, state, "temporarily_unavailable", "too many authorizations in progress");
      }
      LinkedHashMap<String, Code> mine = codesByClient.computeIfAbsent(client.id(), k -> new LinkedHashMap<>());
      if (mine.size() >= MAX_CODES_PER_CLIENT) {
        String oldest = mine.keySet().iterator().next();
        mine.remove(oldest);
        codes.remove(oldest);
      }
      mine.put(hash, c);
      codes.put(hash, c);
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    params.put("state", state);
    return HttpResponse.redirect(appendQuery(redirect, params));
  }

  private HttpResponse consentPage(Client client, String redirect, String state, String challenge, String userId,
      Set<String> scopes) {
    String token = Tokens.random();
    String hash = Tokens.hash(token);
    synchronized (lock) {
      if (consents.size() >= MAX_ENTRIES) {
        Instant now = clock.instant();
        consents.values().removeIf(x -> !x.expires().isAfter(now));
        consentsByUser.values().forEach(set -> set.removeIf(h -> !consents.containsKey(h)));
      }
      if (consents.size() >= MAX_ENTRIES) {
        return redirectError(redirect, state, "temporarily_unavailable", "too many authorizations in progress");
      }
      LinkedHashSet<String> mine = consentsByUser.computeIfAbsent(userId, k -> new LinkedHashSet<>());
      if (mine.size() >= MAX_CONSENTS_PER_USER) {
        String oldest = mine.iterator().next();
        mine.remove(oldest);
        consents.remove(oldest);
      }
      mine.add(hash);
      consents.put(hash, new PendingConsent(client.id(), redirect, state, challenge, userId, Set.copyOf(scopes),
          clock.instant().plus(codeLifetime)));
    }
    return ConsentPage.render(client.name(), client.uri(), redirect, scopes, token);
  }

  /** POST token endpoint: authorization_code and refresh_token grants. */
  public HttpResponse token(HttpRequest request) {
    Client client = authenticate(request);
    if (client == null) {
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

  private Client authenticate(HttpRequest request) {
    Optional<String[]> basic = Tokens.parseBasic(request.header("Authorization").orElse(null));
    Client client = basic.map(b -> clients.get(b[0])).orElse(null);
    return client != null && Tokens.same(client.secretHash(), Tokens.hash(basic.get()[1])) ? client : null;
  }

  private HttpResponse codeGrant(Client client, Map<String, List<String>> form) {
    String code = first(form, "code");
    if (code == null) {
      return tokenError(400, "invalid_request", "code is required");
    }
    String hash = Tokens.hash(code);
    Code c;
    synchronized (lock) {
      c = codes.remove(hash);
      if (c == null) {
        for (LinkedHashMap<String, String> used : usedCodesByClient.values()) {
          String grant = used.get(hash);
          if (grant != null) {
            // A code used twice may have been stolen: revoke what the first use issued (RFC 6749 §4.1.2).
            revokeGrant(grant);
          }
        }
        return tokenError(400, "invalid_grant", "the code is unknown, used or expired");
      }
      LinkedHashMap<String, Code> pending = codesByClient.get(c.clientId());
      if (pending != null) {
        pending.remove(hash);
      }
      LinkedHashMap<String, String> used = usedCodesByClient.computeIfAbsent(c.clientId(), k -> new LinkedHashMap<>());
      if (used.size() >= MAX_CODES_PER_CLIENT) {
        used.remove(used.keySet().iterator().next());
      }
      used.put(hash, c.grantId());
    }
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
    synchronized (lock) {
      if (grants.size() >= MAX_GRANTS) {
        purgeExpiredGrants();
      }
      if (grants.size() >= MAX_GRANTS) {
        return tokenError(503, "temporarily_unavailable", "too many live grants; try again later");
      }
      Grant g = new Grant(c.grantId(), client.id(), c.userId());
      admit(g, grantsByUser, g.userId, MAX_GRANTS_PER_USER);
      admit(g, grantsByClient, g.clientId, MAX_GRANTS_PER_CLIENT);
      grants.put(g.id, g);
      return rotate(g, c.scopes());
    }
  }

  /** Indexes a new grant under its user or client, evicting that owner's oldest grant when full. */
  private void admit(Grant g, Map<String, LinkedHashSet<String>> index, String owner, int max) {
    LinkedHashSet<String> mine = index.computeIfAbsent(owner, k -> new LinkedHashSet<>());
    if (mine.size() >= max) {
      Instant now = clock.instant();
      for (String id : List.copyOf(mine)) {
        Grant old = grants.get(id);
        if (old == null || !old.refreshExpires.isAfter(now)) {
          revokeGrant(id);
        }
      }
    }
    while (mine.size() >= max) {
      revokeGrant(mine.iterator().next());
    }
    mine.add(g.id);
  }

  private HttpResponse refreshGrant(Client client, Map<String, List<String>> form) {
    String refresh = first(form, "refresh_token");
    if (refresh == null) {
      return tokenError(400, "invalid_request", "refresh_token is required");
    }
    String hash = Tokens.hash(refresh);
    synchronized (lock) {
      Grant g = tokens.get(hash);
      if (g == null || !hash.equals(g.refreshHash)) {
        String reused = spentRefresh.get(hash);
        if (reused != null) {
          Grant family = grants.get(reused);
          if (family != null && family.clientId.equals(client.id())) {
            // A rotated refresh token came back: one of the two holders stole it. End the grant.
            LOG.log(System.Logger.Level.WARNING, "refresh token reuse detected; the grant is revoked");
            revokeGrant(reused);
          }
        }
        return tokenError(400, "invalid_grant", "the refresh token is unknown, revoked or expired");
      }
      if (!g.clientId.equals(client.id()) || !g.refreshExpires.isAfter(clock.instant())) {
        return tokenError(400, "invalid_grant", "the refresh token is unknown, revoked or expired");
      }
      Set<String> scopes = g.scopes;
      String scopeParam = first(form, "scope");
      if (scopeParam != null && !scopeParam.isBlank()) {
        Set<String> asked = new LinkedHashSet<>(Arrays.asList(scopeParam.strip().split(" +")));
        if (!g.scopes.containsAll(asked)) {
          return tokenError(400, "invalid_scope", "a refresh cannot widen the scope");
        }
        scopes = asked;
      }
      return rotate(g, scopes);
    }
  }

  /** Replaces the grant's tokens with new ones (the old refresh token is remembered as spent). Under the lock. */
  private HttpResponse rotate(Grant g, Set<String> scopes) {
    if (g.accessHash != null) {
      tokens.remove(g.accessHash);
    }
    if (g.refreshHash != null) {
      tokens.remove(g.refreshHash);
      g.spent.addLast(g.refreshHash);
      spentRefresh.put(g.refreshHash, g.id);
      if (g.spent.size() > MAX_SPENT_PER_GRANT) {
        spentRefresh.remove(g.spent.removeFirst());
      }
    }
    String access = Tokens.random();
    String refresh = Tokens.random();
    Instant now = clock.instant();
    g.scopes = Set.copyOf(scopes);
    g.accessHash = Tokens.hash(access);
    g.accessExpires = now.plus(accessTokenLifetime);
    g.refreshHash = Tokens.hash(refresh);
    g.refreshExpires = now.plus(refreshTokenLifetime);
    tokens.put(g.accessHash, g);
    tokens.put(g.refreshHash, g);
    ObjectNode out = SafeJson.nodeFactory().objectNode();
    out.put("access_token", access);
    out.put("token_type", "Bearer");
    out.put("expires_in", accessTokenLifetime.toSeconds());
    out.put("refresh_token", refresh);
    out.put("scope", String.join(" ", scopes));
    return noStore(HttpResponse.json(200, out));
  }

  /** Forgets a grant, its tokens and its spent refresh tokens. Under the lock. */
  private void revokeGrant(String grantId) {
    Grant g = grants.remove(grantId);
    if (g == null) {
      return;
    }
    if (g.accessHash != null) {
      tokens.remove(g.accessHash);
    }
    if (g.refreshHash != null) {
      tokens.remove(g.refreshHash);
    }
    g.spent.forEach(spentRefresh::remove);
    removeFrom(grantsByUser, g.userId, grantId);
    removeFrom(grantsByClient, g.clientId, grantId);
  }

  private static void removeFrom(Map<String, LinkedHashSet<String>> index, String owner, String grantId) {
    LinkedHashSet<String> set = index.get(owner);
    if (set != null) {
      set.remove(grantId);
      if (set.isEmpty()) {
        index.remove(owner);
      }
    }
  }

  private void purgeExpiredGrants() {
    Instant now = clock.instant();
    for (Grant g : List.copyOf(grants.values())) {
      if (!g.refreshExpires.isAfter(now)) {
        revokeGrant(g.id);
      }
    }
  }

  /** The number of live grants of a user (for tests and monitoring). */
  public int grantCount(String userId) {
    synchronized (lock) {
      return grantsByUser.getOrDefault(userId, new LinkedHashSet<>()).size();
    }
  }

  /** POST revocation endpoint (RFC 7009): 200 even for unknown tokens. */
  public HttpResponse revoke(HttpRequest request) {
    Client client = authenticate(request);
    if (client == null) {
      return tokenError(401, "invalid_client", "client authentication failed");
    }
    String token = first(Percent.parseQuery(request.bodyText(), true), "token");
    if (token != null) {
      synchronized (lock) {
        Grant g = tokens.get(Tokens.hash(token));
        if (g != null && g.clientId.equals(client.id())) {
          // Revoking either token of a grant ends the whole grant.
          revokeGrant(g.id);
        }
      }
    }
    return noStore(HttpResponse.empty(200));
  }

  /** Checks the request's bearer token for a scope. */
  public Access check(HttpRequest request, String scope) {
    String header = request.header("Authorization").orElse("");
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Access(Access.Kind.MISSING, null, Set.of());
    }
    String hash = Tokens.hash(header.substring(7).strip());
    String userId;
    Set<String> scopes;
    Instant expires;
    synchronized (lock) {
      Grant g = tokens.get(hash);
      if (g == null || !hash.equals(g.accessHash)) {
        return new Access(Access.Kind.INVALID, null, Set.of());
      }
      userId = g.userId;
      scopes = g.scopes;
      expires = g.accessExpires;
    }
    if (!expires.isAfter(clock.instant())) {
      return new Access(Access.Kind.EXPIRED, null, Set.of());
    }
    if (!scopes.contains(scope)) {
      return new Access(Access.Kind.INSUFFICIENT_SCOPE, userId, scopes);
    }
    return new Access(Access.Kind.OK, userId, scopes);
  }

  /** The WWW-Authenticate value for a failed check. */
  public static String challenge(Access access, String scope) {
    return switch (access.kind()) {
      case MISSING -> "Bearer realm=\"openbadges\"";
      case INSUFFICIENT_SCOPE -> "Bearer realm=\"openbadges\", error=\"insufficient_scope\", scope=\"" + scope + "\"";
      default -> "Bearer realm=\"openbadges\", error=\"invalid_token\"";
    };
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

  /** An absolute https URL with a host, bounded, without whitespace or control characters. */
  static boolean acceptableMetadataUri(String uri) {
    if (uri.isEmpty() || uri.length() > MAX_URI || !uri.matches("[\\x21-\\x7E]+")) {
      return false;
    }
    try {
      URI u = new URI(uri);
      return u.isAbsolute() && "https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** No control, formatting (bidi overrides, zero-width) or line/paragraph separator characters. */
  static boolean printable(String s) {
    return s.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
        || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
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

  private static HttpResponse consentProblem(int status, String problem) {
    return HttpResponse.of(status, "text/plain; charset=utf-8",
        ("Consent refused: " + problem).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
