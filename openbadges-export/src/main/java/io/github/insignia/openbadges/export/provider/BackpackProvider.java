package io.github.insignia.openbadges.export.provider;

import io.github.insignia.openbadges.export.ExportErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.export.backpack.BackpackScopes;
import io.github.insignia.openbadges.export.internal.BadgeFields;
import io.github.insignia.openbadges.export.internal.OAuthServer;
import io.github.insignia.openbadges.export.internal.Percent;
import io.github.insignia.openbadges.export.internal.Tokens;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.RecipientIdentity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider (host, backpack) side of the OB 3.0 API and of Open Badges 2.1 Badge Connect, as a
 * function from {@link HttpRequest} to {@link HttpResponse}, so any server framework can host it.
 * Thread-safe. Under the public base URL it serves:
 *
 * <ul>
 *   <li>{@code GET /ims/ob/v3p0/discovery} (public service description), {@code GET|POST
 *       /ims/ob/v3p0/credentials}, {@code GET|PUT /ims/ob/v3p0/profile};
 *   <li>{@code GET /.well-known/badgeconnect.json}, {@code GET|POST /ims/ob/v2p1/assertions},
 *       {@code GET|POST /ims/ob/v2p1/profile};
 *   <li>{@code POST /oauth/register} (RFC 7591), {@code GET /oauth/authorize} (code + PKCE S256,
 *       consent from the host's {@link ConsentDecider}), {@code POST /oauth/token}, {@code POST
 *       /oauth/revoke}.
 * </ul>
 *
 * <p>OAuth state (clients, codes, tokens) is kept in memory as hashes; badges and profiles go to the
 * {@link BackpackStore}. Access tokens expire after one hour by the injected {@link Clock}; refresh
 * tokens rotate on use.
 */
public final class BackpackProvider {
  private static final System.Logger LOG = System.getLogger(BackpackProvider.class.getName());
  private static final String V3 = "/ims/ob/v3p0";
  private static final String V2 = "/ims/ob/v2p1";
  private static final String V2_CONTEXT = "https://purl.imsglobal.org/spec/ob/v2p1/ob_v2p1.jsonld";
  private static final int MAX_LIMIT = 1000;

  private final String base;
  private final String basePath;
  private final String name;
  private final URI termsOfService;
  private final URI privacyPolicy;
  private final URI image;
  private final BackpackStore store;
  private final IncomingBadgePolicy policy;
  private final Clock clock;
  private final JsonLimits limits;
  private final OAuthServer oauth;

  private BackpackProvider(Builder b) {
    String s = b.baseUrl.toString();
    this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    String p = b.baseUrl.getRawPath() == null ? "" : b.baseUrl.getRawPath();
    this.basePath = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    this.name = b.name;
    this.termsOfService = b.termsOfService == null ? URI.create(base + "/terms") : b.termsOfService;
    this.privacyPolicy = b.privacyPolicy == null ? URI.create(base + "/privacy") : b.privacyPolicy;
    this.image = b.image;
    this.store = b.store;
    this.policy = b.policy;
    this.clock = b.clock;
    this.limits = b.limits;
    List<String> offered = new ArrayList<>(BackpackScopes.V3_ALL);
    offered.addAll(BackpackScopes.V2_ALL);
    this.oauth = new OAuthServer(b.clock, b.consent, offered, b.accessTokenLifetime, b.refreshTokenLifetime,
        Duration.ofSeconds(600));
  }

  /** A builder for a provider published at {@code baseUrl} (for example {@code https://host/backpack}). */
  public static Builder builder(URI baseUrl, ConsentDecider consent) {
    return new Builder(baseUrl, consent);
  }

  /** The public base URL. */
  public URI baseUrl() {
    return URI.create(base);
  }

  /**
   * Answers one request. Never throws: unexpected failures become a 500 without details. Every
   * answer carries {@code X-Content-Type-Options: nosniff} and, unless it is a public document
   * (discovery, manifest), {@code Cache-Control: no-store}.
   */
  public HttpResponse handle(HttpRequest request) {
    HttpResponse response;
    try {
      response = route(request);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "backpack provider failed on " + request, e);
      boolean v2 = request.path().startsWith(basePath + V2);
      response = v2 ? v2Status(500, "BAD_REQUEST", "internal error") : imsx(500, "internal_server_error", "internal error");
    }
    return secured(response);
  }

  private static HttpResponse secured(HttpResponse r) {
    HttpResponse out = r.header("X-Content-Type-Options").isPresent() ? r : r.withHeader("X-Content-Type-Options", "nosniff");
    return out.header("Cache-Control").isPresent() ? out : out.withHeader("Cache-Control", "no-store");
  }

  private HttpResponse route(HttpRequest r) {
    if (!r.path().startsWith(basePath + "/")) {
      return HttpResponse.empty(404);
    }
    String path = r.path().substring(basePath.length());
    String m = r.method();
    switch (path) {
      case "/oauth/register":
        return m.equals("POST") ? oauth.register(r) : HttpResponse.empty(405).withHeader("Allow", "POST");
      case "/oauth/authorize":
        if (m.equals("POST")) {
          return oauth.answerConsent(r);
        }
        return m.equals("GET") ? oauth.authorize(r) : HttpResponse.empty(405).withHeader("Allow", "GET, POST");
      case "/oauth/token":
        return m.equals("POST") ? oauth.token(r) : HttpResponse.empty(405).withHeader("Allow", "POST");
      case "/oauth/revoke":
        return m.equals("POST") ? oauth.revoke(r) : HttpResponse.empty(405).withHeader("Allow", "POST");
      case "/.well-known/badgeconnect.json":
        return m.equals("GET") ? manifest() : v2Status(405, "METHOD_NOT_ALLOWED", "use GET");
      case V3 + "/discovery":
        return m.equals("GET") ? discovery() : imsx(405, "not_allowed", "use GET");
      case V3 + "/credentials":
        if (m.equals("GET")) {
          return withAccess(r, BackpackScopes.V3_CREDENTIAL_READONLY, false, user -> getCredentials(r, user));
        }
        if (m.equals("POST")) {
          return withAccess(r, BackpackScopes.V3_CREDENTIAL_UPSERT, false, user -> upsertCredential(r, user));
        }
        return imsx(405, "not_allowed", "use GET or POST");
      case V3 + "/profile":
        if (m.equals("GET")) {
          return withAccess(r, BackpackScopes.V3_PROFILE_READONLY, false, user -> store.profile(user, ApiVersion.OB_3_0)
              .map(p -> HttpResponse.json(200, p)).orElseGet(() -> imsx(404, "not_found", "no profile")));
        }
        if (m.equals("PUT")) {
          return withAccess(r, BackpackScopes.V3_PROFILE_UPDATE, false, user -> putProfile(r, user));
        }
        return imsx(405, "not_allowed", "use GET or PUT");
      case V2 + "/assertions":
        if (m.equals("GET")) {
          return withAccess(r, BackpackScopes.V2_ASSERTION_READONLY, true, user -> getAssertions(r, user));
        }
        if (m.equals("POST")) {
          return withAccess(r, BackpackScopes.V2_ASSERTION_CREATE, true, user -> postAssertion(r, user));
        }
        return v2Status(405, "METHOD_NOT_ALLOWED", "use GET or POST");
      case V2 + "/profile":
        if (m.equals("GET")) {
          return withAccess(r, BackpackScopes.V2_PROFILE_READONLY, true, user -> store.profile(user, ApiVersion.BADGE_CONNECT_2_1)
              .map(p -> v2Body(200, "profile", p)).orElseGet(() -> v2Status(404, "NOT_FOUND", "no profile")));
        }
        if (m.equals("POST")) {
          return withAccess(r, BackpackScopes.V2_PROFILE_UPDATE, true, user -> postProfile(r, user));
        }
        return v2Status(405, "METHOD_NOT_ALLOWED", "use GET or POST");
      default:
        return path.startsWith(V2) ? v2Status(404, "NOT_FOUND", "no such endpoint") : imsx(404, "not_found", "no such endpoint");
    }
  }

  private HttpResponse withAccess(HttpRequest r, String scope, boolean v2, java.util.function.Function<String, HttpResponse> then) {
    OAuthServer.Access access = oauth.check(r, scope);
    if (access.kind() == OAuthServer.Access.Kind.OK) {
      return then.apply(access.userId());
    }
    String challenge = OAuthServer.challenge(access, scope);
    if (access.kind() == OAuthServer.Access.Kind.INSUFFICIENT_SCOPE) {
      // Badge Connect answers 401 PERMISSION_DENIED; OB 3.0 answers 403.
      return (v2 ? v2Status(401, "PERMISSION_DENIED", "the token lacks the scope " + scope)
          : imsx(403, "forbidden", "the token lacks the scope " + scope)).withHeader("WWW-Authenticate", challenge);
    }
    String why = access.kind() == OAuthServer.Access.Kind.EXPIRED ? "the access token has expired"
        : access.kind() == OAuthServer.Access.Kind.MISSING ? "a bearer token is required" : "the access token is not valid";
    return (v2 ? v2Status(401, "UNAUTHENTICATED", why) : imsx(401, "unauthorizedrequest", why))
        .withHeader("WWW-Authenticate", challenge);
  }

  // ---- OB 3.0 -------------------------------------------------------------------------------

  private HttpResponse discovery() {
    ObjectNode sdd = SafeJson.nodeFactory().objectNode();
    sdd.put("openapi", "3.0.1");
    ObjectNode info = sdd.putObject("info");
    info.put("title", name);
    info.put("version", "3.0");
    info.put("termsOfService", termsOfService.toString());
    info.put("x-imssf-privacyPolicyUrl", privacyPolicy.toString());
    if (image != null) {
      info.put("x-imssf-image", image.toString());
    }
    sdd.putArray("servers").addObject().put("url", base + V3).put("description", name);
    ObjectNode paths = sdd.putObject("paths");
    operation(paths, "/credentials", "get", "getCredentials", BackpackScopes.V3_CREDENTIAL_READONLY);
    operation(paths, "/credentials", "post", "upsertCredential", BackpackScopes.V3_CREDENTIAL_UPSERT);
    operation(paths, "/profile", "get", "getProfile", BackpackScopes.V3_PROFILE_READONLY);
    operation(paths, "/profile", "put", "putProfile", BackpackScopes.V3_PROFILE_UPDATE);
    ((ObjectNode) paths.putObject("/discovery").putObject("get").put("operationId", "getServiceDescription")
        .putObject("responses")).putObject("200").put("description", "The service description");
    ObjectNode scheme = sdd.putObject("components").putObject("securitySchemes").putObject("OAuth2ACG");
    scheme.put("type", "oauth2");
    scheme.put("description", "OAuth 2.0 authorization code grant with PKCE S256");
    scheme.put("x-imssf-registrationUrl", base + "/oauth/register");
    ObjectNode flow = scheme.putObject("flows").putObject("authorizationCode");
    flow.put("authorizationUrl", base + "/oauth/authorize");
    flow.put("tokenUrl", base + "/oauth/token");
    flow.put("refreshUrl", base + "/oauth/token");
    ObjectNode scopes = flow.putObject("scopes");
    BackpackScopes.V3_ALL.forEach(s -> scopes.put(s, s.substring(s.lastIndexOf('/') + 1)));
    return HttpResponse.json(200, sdd).withHeader("Cache-Control", "public, max-age=3600");
  }

  private static void operation(ObjectNode paths, String path, String method, String id, String scope) {
    ObjectNode op = (paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path)).putObject(method);
    op.put("operationId", id);
    op.putObject("responses").putObject("200").put("description", "OK");
    op.putArray("security").addObject().putArray("OAuth2ACG").add(scope);
  }

  private HttpResponse getCredentials(HttpRequest r, String user) {
    Optional<Paging> paging = Paging.parse(r);
    if (paging.isEmpty()) {
      return imsx(400, "invalid_query_parameter", "limit must be 1.." + MAX_LIMIT + ", offset >= 0, since an ISO 8601 date-time");
    }
    List<StoredBadge> all = paging.get().filter(store.list(user, ApiVersion.OB_3_0));
    List<StoredBadge> page = paging.get().page(all);
    ObjectNode body = SafeJson.nodeFactory().objectNode();
    ArrayNode json = SafeJson.nodeFactory().arrayNode();
    ArrayNode jws = SafeJson.nodeFactory().arrayNode();
    for (StoredBadge b : page) {
      if (b.signed()) {
        jws.add(b.content());
      } else {
        json.add(SafeJson.read(b.content(), limits));
      }
    }
    if (!json.isEmpty()) {
      body.set("credential", json);
    }
    if (!jws.isEmpty()) {
      body.set("compactJwsString", jws);
    }
    return paging.get().headers(HttpResponse.json(200, body), base + V3 + "/credentials", all.size());
  }

  private HttpResponse upsertCredential(HttpRequest r, String user) {
    String type = r.mediaType();
    boolean signed;
    String content;
    JsonNode credential;
    Optional<String> jws = Optional.empty();
    try {
      if (type.equals("text/plain")) {
        signed = true;
        content = r.bodyText().strip();
        credential = decodeJws(content).orElse(null);
        if (credential == null) {
          return imsx(400, "invalid_data", "the body is not a compact JWS");
        }
        jws = Optional.of(content);
        if (credential.path("vc").isObject()) {
          credential = vcFromJwt(credential);
        }
      } else if (type.equals("application/json") || type.equals("application/vc+ld+json")
          || type.equals("application/ld+json")) {
        signed = false;
        content = r.bodyText();
        credential = SafeJson.read(r.body(), limits);
      } else {
        return imsx(400, "invalid_data", "Content-Type must be application/json, application/vc+ld+json or text/plain");
      }
    } catch (OpenBadgesException e) {
      return imsx(400, "invalid_data", e.getMessage());
    }
    String id = credential.path("id").asText("");
    JsonNode issuerNode = credential.path("issuer");
    String issuer = issuerNode.isTextual() ? issuerNode.asText() : issuerNode.path("id").asText("");
    if (!credential.isObject() || id.isEmpty() || issuer.isEmpty() || !credential.has("credentialSubject")) {
      return imsx(400, "invalid_data", "a credential needs id, issuer (with an id) and credentialSubject");
    }
    Instant validFrom;
    try {
      String vf = credential.path("validFrom").asText(credential.path("issuanceDate").asText(""));
      validFrom = vf.isEmpty() ? null : BadgeFields.parseDate("validFrom", vf);
    } catch (OpenBadgesException e) {
      return imsx(400, "invalid_data", e.getMessage());
    }
    Optional<String> rejected = policy.reject(ApiVersion.OB_3_0, user, credential, jws);
    if (rejected.isPresent()) {
      return imsx(400, "invalid_data", rejected.get());
    }
    StoredBadge badge = new StoredBadge(ApiVersion.OB_3_0, issuer + " " + id, validFrom, signed, content, clock.instant());
    StoredBadge.Outcome outcome = store.upsert(user, badge);
    if (outcome == StoredBadge.Outcome.NOT_MODIFIED) {
      return HttpResponse.empty(304);
    }
    int status = outcome == StoredBadge.Outcome.CREATED ? 201 : 200;
    return HttpResponse.of(status, signed ? "text/plain" : type, content.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse putProfile(HttpRequest r, String user) {
    JsonNode profile;
    try {
      profile = SafeJson.read(r.body(), limits);
    } catch (OpenBadgesException e) {
      return imsx(400, "invalid_data", e.getMessage());
    }
    if (!profile.isObject() || !profile.path("id").isTextual() || !profile.has("type")) {
      return imsx(400, "invalid_data", "a Profile needs id and type");
    }
    store.putProfile(user, ApiVersion.OB_3_0, profile);
    return HttpResponse.json(200, profile);
  }

  private static HttpResponse imsx(int status, String minor, String description) {
    ObjectNode s = SafeJson.nodeFactory().objectNode();
    s.put("imsx_codeMajor", "failure");
    s.put("imsx_severity", "error");
    s.put("imsx_description", description);
    ObjectNode field = s.putObject("imsx_codeMinor").putArray("imsx_codeMinorField").addObject();
    field.put("imsx_codeMinorFieldName", "TargetEndSystem");
    field.put("imsx_codeMinorFieldValue", minor);
    return HttpResponse.json(status, s);
  }

  // ---- Badge Connect 2.1 --------------------------------------------------------------------

  private HttpResponse manifest() {
    ObjectNode m = SafeJson.nodeFactory().objectNode();
    m.put("@context", V2_CONTEXT);
    m.put("id", base + "/.well-known/badgeconnect.json");
    m.put("type", "Manifest");
    ObjectNode api = m.putArray("badgeConnectAPI").addObject();
    api.put("type", "BadgeConnectAPI");
    api.put("name", name);
    if (image != null) {
      api.put("image", image.toString());
    }
    api.put("apiBase", base + V2);
    api.put("version", "v2p1");
    api.put("termsOfServiceUrl", termsOfService.toString());
    api.put("privacyPolicyUrl", privacyPolicy.toString());
    // The schema wants URIs here, so offline_access (accepted at authorize) is not listed.
    ArrayNode scopes = api.putArray("scopesOffered");
    BackpackScopes.V2_ALL.stream().filter(s -> s.contains(":")).forEach(scopes::add);
    api.put("registrationUrl", base + "/oauth/register");
    api.put("authorizationUrl", base + "/oauth/authorize");
    api.put("tokenUrl", base + "/oauth/token");
    api.put("tokenRevocationUrl", base + "/oauth/revoke");
    return HttpResponse.json(200, m).withHeader("Cache-Control", "public, max-age=3600");
  }

  private HttpResponse getAssertions(HttpRequest r, String user) {
    Optional<Paging> paging = Paging.parse(r);
    if (paging.isEmpty()) {
      return v2Status(400, "BAD_REQUEST", "limit must be 1.." + MAX_LIMIT + ", offset >= 0, since an ISO 8601 date-time");
    }
    List<StoredBadge> all = paging.get().filter(store.list(user, ApiVersion.BADGE_CONNECT_2_1));
    ObjectNode body = statusNode(200, "OK", null);
    ArrayNode json = body.putArray("assertions");
    ArrayNode jws = body.putArray("signedAssertions");
    for (StoredBadge b : paging.get().page(all)) {
      if (b.signed()) {
        jws.add(b.content());
      } else {
        json.add(SafeJson.read(b.content(), limits));
      }
    }
    return paging.get().headers(HttpResponse.json(200, body), base + V2 + "/assertions", all.size());
  }

  private HttpResponse postAssertion(HttpRequest r, String user) {
    JsonNode payload;
    try {
      payload = SafeJson.read(r.body(), limits);
    } catch (OpenBadgesException e) {
      return v2Status(400, "REQUEST_VALIDATION_ERROR", e.getMessage());
    }
    JsonNode signed = payload.path("signedAssertion");
    JsonNode assertion;
    String content;
    Optional<String> jws = Optional.empty();
    if (signed.isTextual()) {
      // The signed form wins when both are given.
      Optional<JsonNode> decoded = decodeJws(signed.asText());
      if (decoded.isEmpty()) {
        return v2Status(400, "REQUEST_VALIDATION_ERROR", "signedAssertion is not a compact JWS");
      }
      assertion = decoded.get();
      content = signed.asText().strip();
      jws = Optional.of(content);
    } else if (payload.path("assertion").isObject()) {
      assertion = payload.get("assertion");
      content = SafeJson.write(assertion);
    } else {
      return v2Status(400, "REQUEST_VALIDATION_ERROR", "give assertion (JSON) or signedAssertion (JWS)");
    }
    String id = assertion.path("id").asText("");
    if (id.isEmpty() || !assertion.has("recipient") || !assertion.has("badge")) {
      return v2Status(400, "INVALID_BADGE", "an assertion needs id, recipient and badge");
    }
    if (!recipientMatches(assertion.path("recipient"), store.verifiedIdentities(user))) {
      return v2Status(400, "RECIPIENT_PROFILE_MISMATCH",
          "the assertion's recipient is not an identity verified for the authenticated user");
    }
    Optional<String> rejected = policy.reject(ApiVersion.BADGE_CONNECT_2_1, user, assertion, jws);
    if (rejected.isPresent()) {
      return v2Status(400, "INVALID_BADGE", rejected.get());
    }
    store.upsert(user, new StoredBadge(ApiVersion.BADGE_CONNECT_2_1, id, null, jws.isPresent(), content, clock.instant()));
    return v2Status(200, "OK", null);
  }

  private HttpResponse postProfile(HttpRequest r, String user) {
    JsonNode update;
    try {
      update = SafeJson.read(r.body(), limits);
    } catch (OpenBadgesException e) {
      return v2Status(400, "REQUEST_VALIDATION_ERROR", e.getMessage());
    }
    if (!update.isObject() || !update.path("id").isTextual() || !update.has("type")) {
      return v2Status(400, "REQUEST_VALIDATION_ERROR", "a Profile needs id and type");
    }
    ObjectNode merged = store.profile(user, ApiVersion.BADGE_CONNECT_2_1)
        .filter(JsonNode::isObject).map(p -> (ObjectNode) p).orElseGet(() -> SafeJson.nodeFactory().objectNode());
    merged.setAll((ObjectNode) update);
    store.putProfile(user, ApiVersion.BADGE_CONNECT_2_1, merged);
    return v2Body(200, "profile", merged);
  }

  /**
   * OB 2.0 recipient against the identities the host verified for the user: the recipient's {@code
   * type} must be exactly {@code email}, {@code url} or {@code telephone} and only identities of that
   * type are tried; plaintext or hashed ({@code sha256$} / {@code md5$}, with the salt); emails
   * compare trimmed and case-insensitively, the others exactly. Anything else does not match.
   */
  static boolean recipientMatches(JsonNode recipient, List<VerifiedIdentity> verified) {
    JsonNode type = recipient.path("type");
    JsonNode identity = recipient.path("identity");
    JsonNode hashed = recipient.path("hashed");
    JsonNode salt = recipient.path("salt");
    if (!recipient.isObject() || !type.isTextual() || !VerifiedIdentity.TYPES.contains(type.asText())
        || !identity.isTextual() || identity.asText().isEmpty() || !(hashed.isMissingNode() || hashed.isBoolean())
        || !(salt.isMissingNode() || salt.isNull() || salt.isTextual())) {
      return false;
    }
    boolean email = type.asText().equals("email");
    Optional<String> saltText = salt.isTextual() ? Optional.of(salt.asText()) : Optional.empty();
    boolean found = false;
    for (VerifiedIdentity v : verified) {
      if (v.type().equals(type.asText())) {
        found |= RecipientIdentity.check(hashed.asBoolean(false), Optional.of(identity.asText()), saltText, v.value(), email);
      }
    }
    return found;
  }

  private static ObjectNode statusNode(int code, String text, String error) {
    ObjectNode body = SafeJson.nodeFactory().objectNode();
    ObjectNode status = body.putObject("status");
    if (error != null) {
      status.put("error", error);
    }
    status.put("statusCode", code);
    status.put("statusText", text);
    return body;
  }

  private static HttpResponse v2Status(int code, String text, String error) {
    return HttpResponse.json(code, statusNode(code, text, error));
  }

  private static HttpResponse v2Body(int code, String field, JsonNode value) {
    ObjectNode body = statusNode(code, "OK", null);
    body.set(field, value);
    return HttpResponse.json(code, body);
  }

  // ---- shared -------------------------------------------------------------------------------

  private Optional<JsonNode> decodeJws(String compact) {
    Optional<byte[]> payload = Tokens.jwsPayload(compact);
    if (payload.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode node = SafeJson.read(payload.get(), limits);
      return node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (OpenBadgesException e) {
      return Optional.empty();
    }
  }

  /** A VCDM 1.1 JWT: the credential is the {@code vc} claim; {@code jti}/{@code iss} stand for id/issuer. */
  private static JsonNode vcFromJwt(JsonNode claims) {
    ObjectNode vc = ((ObjectNode) claims.get("vc")).deepCopy();
    if (!vc.has("id") && claims.path("jti").isTextual()) {
      vc.put("id", claims.get("jti").asText());
    }
    if (!vc.has("issuer") && claims.path("iss").isTextual()) {
      vc.put("issuer", claims.get("iss").asText());
    }
    return vc;
  }

  /** limit / offset / since of the list endpoints, and the paging headers. */
  private record Paging(int limit, int offset, Instant since) {
    static Optional<Paging> parse(HttpRequest r) {
      try {
        int limit = r.queryParameter("limit").map(Integer::parseInt).orElse(100);
        int offset = r.queryParameter("offset").map(Integer::parseInt).orElse(0);
        Instant since = r.queryParameter("since").map(s -> BadgeFields.parseDate("since", s)).orElse(null);
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
          return Optional.empty();
        }
        return Optional.of(new Paging(limit, offset, since));
      } catch (NumberFormatException | OpenBadgesException e) {
        return Optional.empty();
      }
    }

    List<StoredBadge> filter(List<StoredBadge> all) {
      return since == null ? all : all.stream().filter(b -> b.updatedAt().isAfter(since)).toList();
    }

    List<StoredBadge> page(List<StoredBadge> all) {
      int from = Math.min(offset, all.size());
      return all.subList(from, (int) Math.min(all.size(), (long) from + limit));
    }

    HttpResponse headers(HttpResponse response, String url, int total) {
      List<String> links = new ArrayList<>();
      // In long arithmetic: an offset near Integer.MAX_VALUE must not wrap to a negative next offset.
      if ((long) offset + limit < total) {
        links.add(link(url, limit, offset + limit, "next"));
      }
      int lastOffset = total == 0 ? 0 : ((total - 1) / limit) * limit;
      links.add(link(url, limit, lastOffset, "last"));
      links.add(link(url, limit, 0, "first"));
      if (offset > 0) {
        links.add(link(url, limit, Math.max(0, offset - limit), "prev"));
      }
      return response.withHeader("X-Total-Count", Integer.toString(total)).withHeader("Link", String.join(", ", links));
    }

    private String link(String url, int limit, int offset, String rel) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("limit", Integer.toString(limit));
      q.put("offset", Integer.toString(offset));
      if (since != null) {
        q.put("since", since.toString());
      }
      return "<" + url + "?" + Percent.query(q) + ">; rel=\"" + rel + "\"";
    }
  }

  /** Builds {@link BackpackProvider}. */
  public static final class Builder {
    private final URI baseUrl;
    private final ConsentDecider consent;
    private String name = "Insignia backpack";
    private URI termsOfService;
    private URI privacyPolicy;
    private URI image;
    private BackpackStore store = new InMemoryBackpackStore();
    private IncomingBadgePolicy policy = IncomingBadgePolicy.acceptAll();
    private Clock clock = Clock.systemUTC();
    private Duration accessTokenLifetime = Duration.ofHours(1);
    private Duration refreshTokenLifetime = Duration.ofDays(90);
    private JsonLimits limits = JsonLimits.defaults();

    private Builder(URI baseUrl, ConsentDecider consent) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      this.consent = Objects.requireNonNull(consent, "consent");
      if (!baseUrl.isAbsolute() || baseUrl.getHost() == null || baseUrl.getRawQuery() != null) {
        throw new io.github.insignia.openbadges.ConfigurationException(ExportErrorCode.PROVIDER_BASE_URL_INVALID,
            "the provider base URL must be an absolute URL with a host and no query");
      }
    }

    /** The service name shown to users (discovery, manifest). */
    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    /** Terms of service URL (defaults to BASE/terms). */
    public Builder termsOfService(URI value) {
      this.termsOfService = value;
      return this;
    }

    /** Privacy policy URL (defaults to BASE/privacy). */
    public Builder privacyPolicy(URI value) {
      this.privacyPolicy = value;
      return this;
    }

    /** The service's image (optional). */
    public Builder image(URI value) {
      this.image = value;
      return this;
    }

    /** Where badges and profiles are kept (default in memory). */
    public Builder store(BackpackStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /** The check applied to posted badges (default: accept). */
    public Builder incomingBadgePolicy(IncomingBadgePolicy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    /** The clock for token and code expiry. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Access-token lifetime (default one hour, as the OB 3.0 API recommends). */
    public Builder accessTokenLifetime(Duration value) {
      this.accessTokenLifetime = Objects.requireNonNull(value, "accessTokenLifetime");
      return this;
    }

    /** Refresh-token lifetime (default 90 days). */
    public Builder refreshTokenLifetime(Duration value) {
      this.refreshTokenLifetime = Objects.requireNonNull(value, "refreshTokenLifetime");
      return this;
    }

    /** Limits for JSON bodies. */
    public Builder jsonLimits(JsonLimits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /** The provider. */
    public BackpackProvider build() {
      return new BackpackProvider(this);
    }
  }
}
