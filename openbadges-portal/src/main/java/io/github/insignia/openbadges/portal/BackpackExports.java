package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.export.ExportErrorCode;
import io.github.insignia.openbadges.export.backpack.BackpackClient;
import io.github.insignia.openbadges.export.backpack.BackpackClientOptions;
import io.github.insignia.openbadges.export.backpack.BackpackException;
import io.github.insignia.openbadges.export.backpack.BackpackScopes;
import io.github.insignia.openbadges.export.backpack.BadgeConnectClient;
import io.github.insignia.openbadges.export.backpack.ClientMetadata;
import io.github.insignia.openbadges.export.backpack.Ob3BackpackClient;
import io.github.insignia.openbadges.export.backpack.PendingAuthorization;
import io.github.insignia.openbadges.export.backpack.TokenStore;
import io.github.insignia.openbadges.export.backpack.UpsertResult;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.FetchProblem;
import io.github.insignia.openbadges.validation.fetch.FetchedResource;
import io.github.insignia.openbadges.validation.fetch.HttpResourceFetcher;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Export to a backpack: discovery (the OB 3.0 API's service description, else the OB 2.1 Badge
 * Connect manifest), dynamic registration, the authorization-code flow with PKCE, and the push,
 * through the export module's clients: the OB 3.0 credential to an OB 3.0 backpack, its OB 2.0
 * hosted twin ({@link Ob2Twins}) to a Badge Connect one. Tokens are kept per account in the {@link TokenStore} bean,
 * so a second export to the same backpack needs no new authorization until the token (and its
 * refresh) is gone.
 *
 * <p>The backpack's address is the learner's to choose, so it is first fetched through the
 * validation module's guarded fetcher (public addresses only, every redirect hop checked, bounded
 * size and time); the clients then talk only to that origin (they refuse OAuth endpoints and API
 * bases on any other, and follow no redirect). Residual risk, as for imports: DNS could answer a
 * public address to the check and a private one to the client a moment later (Java 17 has no hook
 * to pin the address).
 */
@Service
class BackpackExports {
  /** The path the backpack sends the learner back to. */
  static final String CALLBACK_PATH = "/my/backpack/callback";
  /** An authorization left unfinished longer than this is forgotten. */
  static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);
  private static final System.Logger LOG = System.getLogger(BackpackExports.class.getName());
  private static final List<String> SCOPES = List.of(BackpackScopes.V3_CREDENTIAL_UPSERT);
  private static final List<String> SCOPES_OB21 = List.of(BackpackScopes.V2_ASSERTION_CREATE);

  /** The two backpack APIs. */
  enum Api { OB30, OB21 }

  /**
   * An authorization in progress, kept in the learner's session (never sent to the browser but
   * the state in the URL): the PKCE verifier, the state, and what to push when the backpack answers.
   */
  record Pending(long accountId, String badgeId, String backpack, String authorizationUri, String redirectUri,
      String state, String codeVerifier, String scope, Instant startedAt) implements Serializable {
    private static final long serialVersionUID = 1L;

    PendingAuthorization authorization() {
      return new PendingAuthorization(URI.create(authorizationUri), URI.create(redirectUri), state, codeVerifier, scope);
    }
  }

  /**
   * What an export came to.
   *
   * @param kind added, updated, already there, to authorize (then {@code pending} says where), or refused
   * @param reason the message key of a refusal
   * @param detail the backpack's own words about a refusal, when it gave any (shown quoted)
   * @param backpackName the backpack's name from its discovery document
   * @param pending the authorization to start, for {@link Kind#AUTHORIZE}
   */
  record Result(Kind kind, String reason, String detail, String backpackName, Pending pending) {
    static Result refused(String reason) {
      return new Result(Kind.REFUSED, reason, null, null, null);
    }
  }

  /** The kinds of {@link Result}; {@code ADDED_OB2}: the OB 2.0 hosted twin was added to a Badge Connect backpack. */
  enum Kind { ADDED, ADDED_OB2, UPDATED, ALREADY_THERE, AUTHORIZE, REFUSED }

  /** Thrown inside this class to stop with a refusal. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String reason;

    Refusal(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }
  }

  private record Discovered(Api api, BackpackClient client) {}

  private final PortalProperties props;
  private final TokenStore tokens;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final boolean allowPrivate;
  private final HttpResourceFetcher guard;
  private final Ob2Twins twins;

  BackpackExports(PortalProperties props, TokenStore tokens, JdbcClient jdbc, AuditLog audit, Clock clock,
      PortalExportConfiguration.ExportSettings settings, Ob2Twins twins) {
    this.twins = twins;
    this.props = props;
    this.tokens = tokens;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.allowPrivate = settings.allowPrivateNetwork();
    this.guard = HttpResourceFetcher.builder().allowPrivateNetwork(allowPrivate)
        .connectTimeout(Duration.ofSeconds(5)).totalTimeout(Duration.ofSeconds(10)).maxBytes(256 * 1024).build();
  }

  /**
   * Exports a badge to the backpack at this address: pushes it at once when the account holds a
   * token there, otherwise answers the authorization to start.
   */
  Result export(long accountId, String badgeId, JsonNode credential, String address) {
    URI base;
    Discovered d;
    try {
      base = parseAddress(address);
      d = discover(base, accountId);
    } catch (Refusal r) {
      audit.record(AuditLog.Action.EXPORT, accountId, badgeId, "backpack refused " + r.reason);
      return Result.refused(r.reason);
    } catch (BackpackException e) {
      // discovery failed after the guard's check: whatever the backpack answered, it is no usable backpack
      return failure(accountId, badgeId, null, e, true);
    }
    String name = d.client().service().name();
    try {
      d.client().ensureRegistered(metadata(d.api()));
      if (d.client().isAuthorized()) {
        try {
          return push(accountId, badgeId, credential, d, name);
        } catch (BackpackException e) {
          if (!needsAuthorization(e)) {
            throw e;
          }
          // the token expired and could not be refreshed, or the backpack forgot it: ask again
          tokens.deleteTokens(d.client().service().apiBase().toString(), account(accountId));
        }
      }
      PendingAuthorization p = d.client().beginAuthorization(URI.create(props.base() + CALLBACK_PATH), scopes(d.api()));
      Pending pending = new Pending(accountId, badgeId, base.toString(), p.authorizationUri().toString(),
          p.redirectUri().toString(), p.state(), p.codeVerifier(), p.scope(), clock.instant());
      return new Result(Kind.AUTHORIZE, null, null, name, pending);
    } catch (BackpackException e) {
      return failure(accountId, badgeId, name, e, false);
    }
  }

  /**
   * Finishes an authorization with the backpack's redirect (its query string) and pushes the badge.
   * The pending authorization must belong to the signed-in account and be fresh.
   */
  Result complete(Pending pending, long accountId, JsonNode credential, String callbackQuery) {
    if (pending.accountId() != accountId || pending.startedAt().plus(PENDING_LIFETIME).isBefore(clock.instant())) {
      return Result.refused("backpack.error.authorization");
    }
    String name = null;
    try {
      Discovered d = discover(URI.create(pending.backpack()), accountId);
      name = d.client().service().name();
      URI redirect = URI.create(pending.redirectUri() + (callbackQuery == null ? "" : "?" + callbackQuery));
      d.client().completeAuthorization(pending.authorization(), redirect);
      // the tokens are stored now: list the backpack for the account even if the push fails
      remember(accountId, d);
      return push(accountId, pending.badgeId(), credential, d, name);
    } catch (Refusal r) {
      audit.record(AuditLog.Action.EXPORT, accountId, pending.badgeId(), "backpack refused " + r.reason);
      return Result.refused(r.reason);
    } catch (BackpackException | IllegalArgumentException e) {
      BackpackException be = e instanceof BackpackException b ? b
          : new BackpackException(ExportErrorCode.AUTHORIZATION_FAILED, "the callback is not a URL");
      return failure(accountId, pending.badgeId(), name, be, false);
    }
  }

  /** Forgets the account's backpack tokens (at account deletion; the rows listing them go with the account). */
  void forgetAccount(long accountId) {
    List<String> services = jdbc.sql("SELECT service FROM portal_backpack WHERE account_id = ?")
        .param(accountId).query(String.class).list();
    for (String service : services) {
      tokens.deleteTokens(service, account(accountId));
    }
  }

  private Result push(long accountId, String badgeId, JsonNode credential, Discovered d, String name) {
    Kind kind;
    if (d.client() instanceof BadgeConnectClient bc) {
      // Badge Connect carries OB 2.0 assertions: the award's hosted twin, made at its first such export
      Optional<com.fasterxml.jackson.databind.node.ObjectNode> assertion = twins.assertion(badgeId);
      if (assertion.isEmpty()) {
        return Result.refused("backpack.error.notValid");
      }
      bc.postAssertion(assertion.get());
      kind = Kind.ADDED_OB2;
    } else {
      UpsertResult r = ((Ob3BackpackClient) d.client()).upsertCredential(credential);
      kind = switch (r.outcome()) {
        case CREATED -> Kind.ADDED;
        case REPLACED -> Kind.UPDATED;
        case NOT_MODIFIED -> Kind.ALREADY_THERE;
      };
    }
    remember(accountId, d);
    audit.record(AuditLog.Action.EXPORT, accountId, badgeId, "backpack " + host(d) + " " + kind);
    return new Result(kind, null, null, name, null);
  }

  private void remember(long accountId, Discovered d) {
    String service = d.client().service().apiBase().toString();
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    int updated = jdbc.sql("UPDATE portal_backpack SET last_export_at = ?, api_version = ? WHERE account_id = ? AND service = ?")
        .params(now, d.api().name(), accountId, service).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO portal_backpack (account_id, service, api_version, last_export_at) VALUES (?, ?, ?, ?)")
          .params(accountId, service, d.api().name(), now).update();
    }
  }

  private Result failure(long accountId, String badgeId, String name, BackpackException e, boolean discovering) {
    ExportErrorCode code = e.errorCode() instanceof ExportErrorCode c ? c : ExportErrorCode.BACKPACK_HTTP_ERROR;
    String reason = reason(code);
    if (discovering && !reason.equals("backpack.error.down")) {
      reason = "backpack.error.notBackpack";
    }
    LOG.log(System.Logger.Level.INFO, "backpack export failed: {0}: {1}", code, e.getMessage());
    audit.record(AuditLog.Action.EXPORT, accountId, badgeId, "backpack failed " + code.name());
    String detail = reason.equals("backpack.result.refused") ? e.serverMessage().orElse(null) : null;
    return new Result(Kind.REFUSED, reason, detail, name, null);
  }

  /** The learner's explanation of a failure (a message key). */
  static String reason(ExportErrorCode code) {
    return switch (code) {
      case AUTHORIZATION_DENIED -> "backpack.result.denied";
      case BACKPACK_CONNECTION_FAILED, BACKPACK_TIMEOUT, BACKPACK_UNAVAILABLE, BACKPACK_SERVER_ERROR,
          BACKPACK_RATE_LIMITED, BACKPACK_INTERRUPTED -> "backpack.error.down";
      case BACKPACK_BAD_REQUEST, BACKPACK_FORBIDDEN, BACKPACK_HTTP_ERROR, BACKPACK_NOT_FOUND,
          BACKPACK_METHOD_NOT_ALLOWED -> "backpack.result.refused";
      case AUTHORIZATION_FAILED, AUTHORIZATION_STATE_MISMATCH, TOKEN_REQUEST_FAILED, TOKEN_REFRESH_FAILED,
          REGISTRATION_FAILED, NOT_AUTHORIZED, BACKPACK_UNAUTHORIZED, BACKPACK_TOKEN_INVALID,
          CLIENT_NOT_REGISTERED -> "backpack.error.authorization";
      default -> "backpack.error.notBackpack";
    };
  }

  private static boolean needsAuthorization(BackpackException e) {
    return e.errorCode() == ExportErrorCode.NOT_AUTHORIZED || e.errorCode() == ExportErrorCode.TOKEN_REFRESH_FAILED
        || e.errorCode() == ExportErrorCode.BACKPACK_UNAUTHORIZED || e.errorCode() == ExportErrorCode.BACKPACK_TOKEN_INVALID;
  }

  /**
   * The address as the learner typed it, made a base URL: {@code https://} added when no scheme was
   * given; only http(s), a host, no user info, query or fragment; plain http only when private
   * addresses are allowed (tests).
   */
  URI parseAddress(String address) {
    String a = address == null ? "" : address.strip();
    if (a.isEmpty() || a.length() > 2000) {
      throw new Refusal("backpack.error.url");
    }
    if (!a.contains("://")) {
      a = "https://" + a;
    }
    URI u;
    try {
      u = new URI(a);
    } catch (URISyntaxException e) {
      throw new Refusal("backpack.error.url");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    boolean http = scheme.equals("http") && allowPrivate;
    if (!(scheme.equals("https") || http) || u.getHost() == null || u.getRawUserInfo() != null
        || u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new Refusal("backpack.error.url");
    }
    String s = u.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return URI.create(s);
  }

  /**
   * Finds the backpack's API: its OB 3.0 service description, else its Badge Connect manifest, each
   * first fetched through the guard (a private address is refused before the client sends anything).
   */
  private Discovered discover(URI base, long accountId) {
    BackpackClientOptions options = BackpackClientOptions.builder()
        .tokenStore(tokens)
        .account(account(accountId))
        .clock(clock)
        .allowHttpOnLoopback(allowPrivate)
        .connectTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(15))
        .maxRetries(1)
        .userAgent("insignia-portal")
        .build();
    String b = base.toString();
    String apiBase = b.endsWith(Ob3BackpackClient.API_PATH) ? b : b + Ob3BackpackClient.API_PATH;
    if (guardedFetch(URI.create(apiBase + "/discovery"))) {
      return new Discovered(Api.OB30, Ob3BackpackClient.discover(base, options));
    }
    if (guardedFetch(URI.create(b + BadgeConnectClient.MANIFEST_PATH))) {
      return new Discovered(Api.OB21, BadgeConnectClient.discover(base, options));
    }
    throw new Refusal("backpack.error.notBackpack");
  }

  /** Whether the document is there (200); a private address, or a host that does not answer, stops the export. */
  private boolean guardedFetch(URI url) {
    try {
      // a JSON document at that very URL: a login page a redirect leads to is no backpack
      FetchedResource r = guard.fetch(url).requireSuccess().requireJson();
      return r.finalUrl().equals(url);
    } catch (FetchException e) {
      FetchProblem p = e.problem();
      if (p == FetchProblem.PRIVATE_ADDRESS || p == FetchProblem.UNSUPPORTED_URL) {
        throw new Refusal("backpack.error.private");
      }
      if (p == FetchProblem.CONNECTION_FAILED || p == FetchProblem.TIMEOUT || p == FetchProblem.TLS_FAILURE
          || e.status() >= 500) {
        throw new Refusal("backpack.error.down");
      }
      return false;
    }
  }

  /**
   * What the portal registers at a backpack. Backpacks show the client's home page on their consent
   * page and accept only https there: a portal served over plain http (a local trial) names its
   * issuer's web site instead when that is https.
   */
  private ClientMetadata metadata(Api api) {
    URI home = URI.create(props.base() + "/");
    if (!"https".equals(home.getScheme()) && props.issuerUrl() != null && props.issuerUrl().startsWith("https://")) {
      home = URI.create(props.issuerUrl());
    }
    return ClientMetadata.builder(props.issuerName(), home)
        .softwareId("io.github.insignia.portal")
        .redirectUri(URI.create(props.base() + CALLBACK_PATH))
        .scopes(scopes(api))
        .build();
  }

  private static List<String> scopes(Api api) {
    return api == Api.OB21 ? SCOPES_OB21 : SCOPES;
  }

  static String account(long accountId) {
    return "portal-account-" + accountId;
  }

  private static String host(Discovered d) {
    return Optional.ofNullable(d.client().service().apiBase().getHost()).orElse("?");
  }
}
