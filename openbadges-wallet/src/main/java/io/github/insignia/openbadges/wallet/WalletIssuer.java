package io.github.insignia.openbadges.wallet;

import io.github.insignia.openbadges.issuing.http.ServiceRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.AwardRequest;
import io.github.insignia.openbadges.issuing.ExpiryPolicy;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.Recipient;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import io.github.insignia.openbadges.wallet.internal.Endpoints;
import io.github.insignia.openbadges.wallet.internal.Grant;
import io.github.insignia.openbadges.wallet.internal.HolderProofs;
import io.github.insignia.openbadges.wallet.internal.Secrets;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The wallet-facing issuer, framework-neutral: {@link #handle} answers every request of the
 * OpenID4VCI 1.0 pre-authorized code flow and of a VC-API exchange, and issues through the host's
 * {@link BadgeIssuer} (never signing by hand). Endpoints, relative to the credential issuer URL:
 *
 * <ul>
 *   <li>{@code GET /.well-known/openid-credential-issuer} and {@code /.well-known/oauth-authorization-server}
 *       (also at the host root with the issuer path appended, as RFC 8414 places them);
 *   <li>{@code GET /oid4vci/offers/{id}} (offer by reference), {@code POST /oid4vci/token},
 *       {@code POST /oid4vci/nonce}, {@code POST /oid4vci/credential};
 *   <li>{@code POST /exchanges/{id}} (VC-API).
 * </ul>
 *
 * <p>Security: pre-authorized codes are single use (taken atomically from the store; a replay is
 * {@code invalid_grant}); a transaction code allows 5 wrong tries, then the code is gone; access
 * tokens are 256 random bits, stored as their SHA-256, live {@link Builder#tokenLifetime} (default
 * 5 minutes) and never beyond the offer's expiry, and grant only the offered configurations, each
 * once; a {@code c_nonce} is single use and lives {@link Builder#nonceLifetime}; a proof must be
 * signed by the key it names, that key bound to the holder's DID by the signing module, for this
 * issuer's identifier, with a fresh {@code iat}. Immutable and thread-safe.
 */
public final class WalletIssuer {
  private static final Logger LOG = System.getLogger(WalletIssuer.class.getName());
  private static final JsonLimits BODY_LIMITS = JsonLimits.builder().maxDepth(32).maxDocumentBytes(256 * 1024).build();
  private static final int MAX_TX_CODE_ATTEMPTS = 5;
  private static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";

  private final Endpoints endpoints;
  private final BadgeIssuer issuer;
  private final WalletStore store;
  private final Clock clock;
  private final Duration tokenLifetime;
  private final Duration nonceLifetime;
  private final Duration proofMaxAge;
  private final Duration skew;
  private final String displayName;
  private final HolderProofs proofs;
  private final DataIntegrity dataIntegrity;
  private final Set<WalletFormat> formats;

  private WalletIssuer(Builder b) {
    this.endpoints = Endpoints.of(b.issuerUrl);
    this.issuer = b.issuer;
    this.store = b.store;
    this.clock = b.clock;
    this.tokenLifetime = b.tokenLifetime;
    this.nonceLifetime = b.nonceLifetime;
    this.proofMaxAge = b.proofMaxAge;
    this.skew = b.skew;
    this.displayName = b.displayName;
    VerificationPolicy policy = b.policy != null ? b.policy
        : VerificationPolicy.builder().clock(b.clock).skew(b.skew).build();
    this.proofs = new HolderProofs(b.keys, policy);
    this.dataIntegrity = b.dataIntegrity != null ? b.dataIntegrity : DataIntegrity.create();
    Set<WalletFormat> f = new LinkedHashSet<>();
    if (issuer.formats().contains(BadgeFormat.OB3_DATA_INTEGRITY)) {
      f.add(WalletFormat.LDP_VC);
    }
    if (issuer.formats().contains(BadgeFormat.OB3_JWT)) {
      f.add(WalletFormat.JWT_VC_JSON);
    }
    this.formats = Set.copyOf(f);
  }

  /**
   * A builder.
   *
   * @param issuerUrl the credential issuer identifier (https; http only on loopback), where the endpoints live
   * @param issuer the badge issuer that awards and signs (its {@code OB3_DATA_INTEGRITY} gives {@code
   *     ldp_vc}, its {@code OB3_JWT} gives {@code jwt_vc_json})
   * @return the builder
   */
  public static Builder builder(URI issuerUrl, BadgeIssuer issuer) {
    return new Builder(issuerUrl, issuer);
  }

  /** The credential issuer identifier (the issuer URL without a trailing slash). */
  public String credentialIssuer() {
    return endpoints.issuer();
  }

  /** The formats this issuer delivers (from the badge issuer's formats). */
  public Set<WalletFormat> formats() {
    return formats;
  }

  /** An offer maker over the same issuer URL, store and clock. */
  public WalletOffers offers() {
    return WalletOffers.create(URI.create(endpoints.issuer()), store, clock);
  }

  /**
   * Answers one wallet request. Never throws for anything a client sends: every refusal is the
   * protocol's JSON error with its status.
   *
   * @param request the request
   * @return the response ({@code not_found} 404 for a path that is none of the endpoints)
   */
  public WalletResponse handle(ServiceRequest request) {
    try {
      return route(request);
    } catch (WalletException e) {
      if (e.errorCode() == WalletErrorCode.WALLET_STORE_FULL) {
        return error(WalletProtocolError.TEMPORARILY_UNAVAILABLE, "the issuer is busy; try again later").withHeader("Retry-After", "60");
      }
      LOG.log(Level.WARNING, "wallet store failure", e);
      return WalletResponse.json(500, "{\"error\":\"server_error\"}");
    } catch (RuntimeException e) {
      // A bug or a failing host component: the wallet gets a plain 500, the host's log the cause.
      LOG.log(Level.ERROR, "wallet request failed", e);
      return WalletResponse.json(500, "{\"error\":\"server_error\"}");
    }
  }

  private WalletResponse route(ServiceRequest request) {
    String path = request.path();
    String local = path.startsWith(endpoints.path()) ? path.substring(endpoints.path().length()) : null;
    String method = request.method();
    if (path.equals(Endpoints.ISSUER_METADATA + endpoints.path()) || Endpoints.ISSUER_METADATA.equals(local)) {
      return method.equals("GET") ? ok(issuerMetadata()) : notAllowed("GET");
    }
    if (path.equals(Endpoints.AS_METADATA + endpoints.path()) || Endpoints.AS_METADATA.equals(local)) {
      return method.equals("GET") ? ok(authorizationServerMetadata()) : notAllowed("GET");
    }
    if (local == null) {
      return error(WalletProtocolError.NOT_FOUND, "no such endpoint");
    }
    if (local.startsWith(Endpoints.OFFERS)) {
      return method.equals("GET") ? offerByReference(local.substring(Endpoints.OFFERS.length())) : notAllowed("GET");
    }
    if (local.startsWith(Endpoints.EXCHANGES)) {
      return method.equals("POST") ? exchange(local.substring(Endpoints.EXCHANGES.length()), request) : notAllowed("POST");
    }
    switch (local) {
      case Endpoints.TOKEN:
        return method.equals("POST") ? token(request) : notAllowed("POST");
      case Endpoints.NONCE:
        return method.equals("POST") ? nonce() : notAllowed("POST");
      case Endpoints.CREDENTIAL:
        return method.equals("POST") ? credential(request) : notAllowed("POST");
      default:
        return error(WalletProtocolError.NOT_FOUND, "no such endpoint");
    }
  }

  // ------------------------------------------------------------------ metadata

  /** The credential issuer metadata (OpenID4VCI 1.0 §12.2). */
  public String issuerMetadata() {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("credential_issuer", endpoints.issuer());
    m.put("credential_endpoint", endpoints.url(Endpoints.CREDENTIAL));
    m.put("nonce_endpoint", endpoints.url(Endpoints.NONCE));
    m.putArray("display").addObject().put("name", displayName).put("locale", "en");
    ObjectNode configs = m.putObject("credential_configurations_supported");
    for (WalletFormat f : WalletFormat.values()) {
      if (!formats.contains(f)) {
        continue;
      }
      ObjectNode c = configs.putObject(f.configurationId());
      c.put("format", f.format());
      c.put("scope", f.configurationId());
      ArrayNode binding = c.putArray("cryptographic_binding_methods_supported");
      binding.add("did:key").add("did:jwk");
      ArrayNode algs = c.putArray("credential_signing_alg_values_supported");
      if (f == WalletFormat.LDP_VC) {
        algs.add("eddsa-rdfc-2022").add("ecdsa-rdfc-2019");
      } else {
        algs.add("EdDSA").add("ES256").add("RS256");
      }
      c.putObject("proof_types_supported").putObject("jwt").putArray("proof_signing_alg_values_supported")
          .add("EdDSA").add("ES256");
      ObjectNode def = c.putObject("credential_definition");
      if (f == WalletFormat.LDP_VC) {
        def.putArray("@context").add(VC_V2).add(BadgeIssuer.OB3_CONTEXT);
      }
      def.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
      c.putObject("credential_metadata").putArray("display").addObject().put("name", "Open Badge").put("locale", "en");
    }
    return SafeJson.write(m);
  }

  /** The authorization server metadata (RFC 8414): this issuer is its own authorization server. */
  public String authorizationServerMetadata() {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("issuer", endpoints.issuer());
    m.put("token_endpoint", endpoints.url(Endpoints.TOKEN));
    m.putArray("response_types_supported");
    m.putArray("grant_types_supported").add(WalletOffers.PRE_AUTHORIZED_GRANT);
    m.putArray("token_endpoint_auth_methods_supported").add("none");
    m.put("pre-authorized_grant_anonymous_access_supported", true);
    return SafeJson.write(m);
  }

  private WalletResponse offerByReference(String id) {
    Optional<String> offer = WalletStore.validKey(id) ? store.get(WalletStore.Kind.OFFER, id, clock.instant()) : Optional.empty();
    return offer.map(WalletIssuer::ok).orElseGet(() -> error(WalletProtocolError.NOT_FOUND, "no such offer (expired or redeemed)"));
  }

  // ------------------------------------------------------------------ token

  private WalletResponse token(ServiceRequest request) {
    if (request.bodyTooLarge()) {
      return error(WalletProtocolError.INVALID_REQUEST, "the request body is too large");
    }
    Map<String, String> form = form(request);
    if (form == null) {
      return error(WalletProtocolError.INVALID_REQUEST, "the token request is application/x-www-form-urlencoded without repeated parameters");
    }
    String grantType = form.get("grant_type");
    if (grantType == null) {
      return error(WalletProtocolError.INVALID_REQUEST, "grant_type is missing");
    }
    if (!grantType.equals(WalletOffers.PRE_AUTHORIZED_GRANT)) {
      return error(WalletProtocolError.UNSUPPORTED_GRANT_TYPE, "only the pre-authorized code grant is supported");
    }
    String code = form.get("pre-authorized_code");
    if (code == null || code.isEmpty()) {
      return error(WalletProtocolError.INVALID_REQUEST, "pre-authorized_code is missing");
    }
    Instant now = clock.instant();
    String key = Secrets.sha256(code);
    Optional<String> stored = store.take(WalletStore.Kind.PRE_AUTHORIZED_CODE, key, now);
    if (stored.isEmpty()) {
      return error(WalletProtocolError.INVALID_GRANT, "the pre-authorized code is unknown, expired or already used");
    }
    Grant grant = Grant.fromJson(stored.get());
    String txCode = form.get("tx_code");
    if (grant.txCodeDigest().isPresent()) {
      if (txCode == null || !Secrets.same(grant.txCodeDigest().get(), WalletOffers.txCodeDigest(code, txCode))) {
        Grant failed = grant.failedAttempt();
        if (failed.attempts() < MAX_TX_CODE_ATTEMPTS) {
          store.put(WalletStore.Kind.PRE_AUTHORIZED_CODE, key, failed.toJson(), grant.expires());
        } else {
          store.take(WalletStore.Kind.OFFER, grant.offerId(), now);
        }
        return txCode == null
            ? error(WalletProtocolError.INVALID_REQUEST, "this offer needs its transaction code (tx_code)")
            : error(WalletProtocolError.INVALID_GRANT, "the transaction code is wrong");
      }
    } else if (txCode != null) {
      store.put(WalletStore.Kind.PRE_AUTHORIZED_CODE, key, grant.toJson(), grant.expires());
      return error(WalletProtocolError.INVALID_REQUEST, "this offer has no transaction code, but tx_code was sent");
    }
    store.take(WalletStore.Kind.OFFER, grant.offerId(), now);
    String token = Secrets.token();
    Instant expires = now.plus(tokenLifetime);
    if (expires.isAfter(grant.expires().plus(tokenLifetime))) {
      expires = grant.expires().plus(tokenLifetime);
    }
    store.put(WalletStore.Kind.ACCESS_TOKEN, Secrets.sha256(token), grant.until(expires).toJson(), expires);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("access_token", token);
    out.put("token_type", "Bearer");
    out.put("expires_in", Math.max(1, Duration.between(now, expires).toSeconds()));
    ArrayNode details = out.putArray("authorization_details");
    for (String id : grant.configurations()) {
      details.addObject().put("type", "openid_credential").put("credential_configuration_id", id);
    }
    return ok(SafeJson.write(out));
  }

  /** The form parameters, or null for a body that is not a form or repeats a parameter. */
  private static Map<String, String> form(ServiceRequest request) {
    String type = request.header("Content-Type").orElse("");
    if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return null;
    }
    Map<String, String> out = new HashMap<>();
    String body = new String(request.body(), StandardCharsets.UTF_8);
    if (body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&", 64)) {
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (out.put(name, value) != null) {
          return null;
        }
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ nonce

  private WalletResponse nonce() {
    String nonce = Secrets.token();
    store.put(WalletStore.Kind.NONCE, nonce, "1", clock.instant().plus(nonceLifetime));
    return ok(SafeJson.write(JsonNodeFactory.instance.objectNode().put("c_nonce", nonce)));
  }

  private boolean takeNonce(String nonce) {
    return WalletStore.validKey(nonce) && store.take(WalletStore.Kind.NONCE, nonce, clock.instant()).isPresent();
  }

  // ------------------------------------------------------------------ credential

  private WalletResponse credential(ServiceRequest request) {
    String auth = request.header("Authorization").orElse("");
    if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return invalidToken("a Bearer access token is required");
    }
    String token = auth.substring(7).strip();
    Instant now = clock.instant();
    String tokenKey = Secrets.sha256(token);
    Optional<String> stored = store.get(WalletStore.Kind.ACCESS_TOKEN, tokenKey, now);
    if (stored.isEmpty()) {
      return invalidToken("the access token is unknown, expired or used up");
    }
    Grant grant = Grant.fromJson(stored.get());
    JsonNode body = json(request);
    if (body == null || !body.isObject()) {
      return error(WalletProtocolError.INVALID_CREDENTIAL_REQUEST, "the credential request is not a JSON object");
    }
    if (body.has("credential_identifier")) {
      return error(WalletProtocolError.UNKNOWN_CREDENTIAL_IDENTIFIER, "this issuer grants credential configurations, not identifiers");
    }
    JsonNode configNode = body.get("credential_configuration_id");
    if (configNode == null || !configNode.isTextual()) {
      return error(WalletProtocolError.INVALID_CREDENTIAL_REQUEST, "credential_configuration_id is missing");
    }
    String configId = configNode.asText();
    Optional<WalletFormat> format = WalletFormat.ofConfigurationId(configId).filter(formats::contains);
    if (format.isEmpty() || !grant.configurations().contains(configId)) {
      return error(WalletProtocolError.UNKNOWN_CREDENTIAL_CONFIGURATION, "the configuration " + configId + " is not granted by this token");
    }
    List<String> jwts = new ArrayList<>();
    JsonNode proofsNode = body.get("proofs");
    JsonNode proofNode = body.get("proof");
    if (proofsNode != null && proofNode != null) {
      return error(WalletProtocolError.INVALID_CREDENTIAL_REQUEST, "send proofs or proof, not both");
    }
    if (proofsNode != null) {
      if (!proofsNode.isObject() || proofsNode.size() != 1 || !proofsNode.path("jwt").isArray()) {
        return error(WalletProtocolError.INVALID_PROOF, "only the jwt proof type is supported");
      }
      proofsNode.get("jwt").forEach(n -> jwts.add(n.isTextual() ? n.asText() : ""));
    } else if (proofNode != null) {
      if (!"jwt".equals(proofNode.path("proof_type").asText(null)) || !proofNode.path("jwt").isTextual()) {
        return error(WalletProtocolError.INVALID_PROOF, "only the jwt proof type is supported");
      }
      jwts.add(proofNode.get("jwt").asText());
    }
    if (jwts.isEmpty()) {
      return error(WalletProtocolError.INVALID_PROOF, "a jwt proof of possession is required");
    }
    if (jwts.size() > 1) {
      return error(WalletProtocolError.INVALID_CREDENTIAL_REQUEST, "batch issuance is not supported: send one proof");
    }
    String holder;
    try {
      holder = proofs.checkJwt(jwts.get(0), endpoints.issuer(), now, proofMaxAge, skew, this::takeNonce);
    } catch (HolderProofs.Refused e) {
      return error(e.nonce() ? WalletProtocolError.INVALID_NONCE : WalletProtocolError.INVALID_PROOF, e.getMessage());
    }
    // The token grants each configuration once: take it, put back what remains.
    Optional<String> taken = store.take(WalletStore.Kind.ACCESS_TOKEN, tokenKey, now);
    if (taken.isEmpty()) {
      return invalidToken("the access token was used up meanwhile");
    }
    Grant current = Grant.fromJson(taken.get());
    if (!current.configurations().contains(configId)) {
      return invalidToken("the access token was used up meanwhile");
    }
    List<String> remaining = new ArrayList<>(current.configurations());
    remaining.remove(configId);
    if (!remaining.isEmpty()) {
      store.put(WalletStore.Kind.ACCESS_TOKEN, tokenKey, current.withConfigurations(remaining).toJson(), current.expires());
    }
    Optional<JsonNode> credential = issue(grant, holder, format.get());
    if (credential.isEmpty()) {
      return error(WalletProtocolError.CREDENTIAL_REQUEST_DENIED, "the issuer could not issue this credential");
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.putArray("credentials").addObject().set("credential", credential.get());
    return ok(SafeJson.write(out));
  }

  /** Awards through the badge issuer, the holder's DID as the subject; empty when the award fails. */
  private Optional<JsonNode> issue(Grant grant, String holderDid, WalletFormat format) {
    try {
      Recipient recipient = Recipient.subjectId(holderDid);
      if (grant.name().isPresent()) {
        recipient = recipient.withName(grant.name().get());
      }
      AwardRequest.Builder award = AwardRequest.builder(grant.achievement(), recipient);
      grant.narrative().ifPresent(award::narrative);
      // a copy of a badge the learner holds expires with it, not a validity period after redemption
      grant.validUntil().ifPresent(until -> award.expiry(ExpiryPolicy.at(until)));
      Award result = issuer.award(award.build());
      if (format == WalletFormat.LDP_VC) {
        return result.credential().map(JsonNode.class::cast);
      }
      return result.jwt().map(JsonNodeFactory.instance::textNode);
    } catch (OpenBadgesException e) {
      LOG.log(Level.WARNING, "wallet issuance failed: " + e.code() + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static JsonNode json(ServiceRequest request) {
    if (request.bodyTooLarge()) {
      return null;
    }
    try {
      return SafeJson.read(request.body(), BODY_LIMITS);
    } catch (OpenBadgesException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ VC-API exchange

  private WalletResponse exchange(String id, ServiceRequest request) {
    Instant now = clock.instant();
    Optional<String> stored = WalletStore.validKey(id) ? store.get(WalletStore.Kind.EXCHANGE, id, now) : Optional.empty();
    if (stored.isEmpty()) {
      return error(WalletProtocolError.NOT_FOUND, "no such exchange (expired or completed)");
    }
    Grant grant = Grant.fromJson(stored.get());
    JsonNode body = request.body().length == 0 ? JsonNodeFactory.instance.objectNode() : json(request);
    if (body == null || !body.isObject()) {
      return error(WalletProtocolError.INVALID_REQUEST, "the exchange request is not a JSON object");
    }
    String challenge = grant.challenge().orElse("");
    String domain = endpoints.authority();
    JsonNode vp = body.get("verifiablePresentation");
    if (vp == null) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      ObjectNode vpr = out.putObject("verifiablePresentationRequest");
      ObjectNode query = vpr.putArray("query").addObject();
      query.put("type", "DIDAuthentication");
      query.putArray("acceptedMethods").add(JsonNodeFactory.instance.objectNode().put("method", "key"))
          .add(JsonNodeFactory.instance.objectNode().put("method", "jwk"));
      query.putArray("acceptedCryptosuites").add(JsonNodeFactory.instance.objectNode().put("cryptosuite", "eddsa-rdfc-2022"))
          .add(JsonNodeFactory.instance.objectNode().put("cryptosuite", "Ed25519Signature2020"));
      vpr.put("challenge", challenge);
      vpr.put("domain", domain);
      return ok(SafeJson.write(out));
    }
    String holder;
    try {
      holder = proofs.checkPresentation(vp, challenge, domain, dataIntegrity, now);
    } catch (HolderProofs.Refused e) {
      return error(WalletProtocolError.INVALID_PROOF, e.getMessage());
    }
    if (store.take(WalletStore.Kind.EXCHANGE, id, now).isEmpty()) {
      return error(WalletProtocolError.NOT_FOUND, "the exchange was completed meanwhile");
    }
    if (!formats.contains(WalletFormat.LDP_VC)) {
      return error(WalletProtocolError.CREDENTIAL_REQUEST_DENIED, "this issuer does not sign Data Integrity credentials");
    }
    Optional<JsonNode> credential = issue(grant, holder, WalletFormat.LDP_VC);
    if (credential.isEmpty()) {
      return error(WalletProtocolError.CREDENTIAL_REQUEST_DENIED, "the issuer could not issue this credential");
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode presentation = out.putObject("verifiablePresentation");
    presentation.putArray("@context").add(VC_V2);
    presentation.putArray("type").add("VerifiablePresentation");
    presentation.putArray("verifiableCredential").add(credential.get());
    return ok(SafeJson.write(out));
  }

  // ------------------------------------------------------------------ answers

  private static WalletResponse ok(String json) {
    return WalletResponse.json(200, json);
  }

  private static WalletResponse error(WalletProtocolError error, String description) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("error", error.wire());
    o.put("error_description", description);
    return WalletResponse.json(error.httpStatus(), SafeJson.write(o));
  }

  private static WalletResponse invalidToken(String description) {
    return error(WalletProtocolError.INVALID_TOKEN, description)
        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  }

  private static WalletResponse notAllowed(String allowed) {
    return WalletResponse.json(405, "{\"error\":\"invalid_request\",\"error_description\":\"method not allowed\"}")
        .withHeader("Allow", allowed);
  }

  /** Builds a {@link WalletIssuer}. */
  public static final class Builder {
    private final URI issuerUrl;
    private final BadgeIssuer issuer;
    private WalletStore store;
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = Duration.ofMinutes(5);
    private Duration nonceLifetime = Duration.ofMinutes(5);
    private Duration proofMaxAge = Duration.ofMinutes(5);
    private Duration skew = Duration.ofSeconds(60);
    private String displayName = "Open Badges issuer";
    private IssuerKeys keys = IssuerKeys.offline();
    private VerificationPolicy policy;
    private DataIntegrity dataIntegrity;

    private Builder(URI issuerUrl, BadgeIssuer issuer) {
      this.issuerUrl = Objects.requireNonNull(issuerUrl, "issuerUrl");
      this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /**
     * The state store (default: a new {@link InMemoryWalletStore}); share it with the {@link WalletOffers}.
     *
     * @param value the store
     * @return this builder
     */
    public Builder store(WalletStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /**
     * The clock of every expiry and of proof freshness.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How long an access token lives (default 5 minutes, at most 1 hour).
     *
     * @param value the lifetime
     * @return this builder
     */
    public Builder tokenLifetime(Duration value) {
      this.tokenLifetime = bounded(value, Duration.ofHours(1), "tokenLifetime");
      return this;
    }

    /**
     * How long a {@code c_nonce} lives (default 5 minutes, at most 1 hour).
     *
     * @param value the lifetime
     * @return this builder
     */
    public Builder nonceLifetime(Duration value) {
      this.nonceLifetime = bounded(value, Duration.ofHours(1), "nonceLifetime");
      return this;
    }

    /**
     * How old a proof's {@code iat} may be (default 5 minutes, at most 1 hour).
     *
     * @param value the age
     * @return this builder
     */
    public Builder proofMaxAge(Duration value) {
      this.proofMaxAge = bounded(value, Duration.ofHours(1), "proofMaxAge");
      return this;
    }

    /**
     * The issuer's display name in the metadata (default "Open Badges issuer").
     *
     * @param value the name
     * @return this builder
     */
    public Builder displayName(String value) {
      this.displayName = Objects.requireNonNull(value, "displayName");
      return this;
    }

    /**
     * How holder DIDs are resolved to keys (default {@link IssuerKeys#offline()}: did:key and did:jwk only).
     *
     * @param value the resolver
     * @return this builder
     */
    public Builder holderKeys(IssuerKeys value) {
      this.keys = Objects.requireNonNull(value, "holderKeys");
      return this;
    }

    /**
     * The policy holder proofs are judged by (default: the signing module's defaults on this clock).
     *
     * @param value the policy
     * @return this builder
     */
    public Builder policy(VerificationPolicy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    /**
     * The Data Integrity engine the VC-API presentations are checked with (share the host's one:
     * its pinned contexts are loaded once).
     *
     * @param value the engine
     * @return this builder
     */
    public Builder dataIntegrity(DataIntegrity value) {
      this.dataIntegrity = Objects.requireNonNull(value, "dataIntegrity");
      return this;
    }

    private static Duration bounded(Duration value, Duration max, String what) {
      if (value == null || value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(what + " must be more than 0 and at most " + max);
      }
      return value;
    }

    /**
     * The issuer.
     *
     * @throws io.github.insignia.openbadges.ConfigurationException {@link WalletErrorCode#WALLET_ISSUER_URL_INVALID}
     */
    public WalletIssuer build() {
      if (store == null) {
        store = InMemoryWalletStore.create();
      }
      return new WalletIssuer(this);
    }
  }
}
