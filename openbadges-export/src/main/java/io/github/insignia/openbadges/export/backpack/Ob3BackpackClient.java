package io.github.insignia.openbadges.export.backpack;

import io.github.insignia.openbadges.export.ExportErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.export.internal.HttpTransport;
import io.github.insignia.openbadges.json.SafeJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client of the Open Badges 3.0 API ({@code {base}/ims/ob/v3p0}): discovery, then (through {@link
 * BackpackClient}) registration and authorization, then {@code upsertCredential}, {@code
 * getCredentials} with paging, {@code getProfile} and {@code putProfile}.
 *
 * <pre>{@code
 * Ob3BackpackClient client = Ob3BackpackClient.discover(URI.create("https://wallet.example"), options);
 * client.ensureRegistered(metadata);
 * PendingAuthorization p = client.beginAuthorization(redirect, BackpackScopes.V3_ALL);
 * // ... the user's browser visits p.authorizationUri() and comes back to the redirect URI ...
 * client.completeAuthorization(p, redirectWithCode);
 * client.upsertCredential(credentialJson);
 * }</pre>
 */
public final class Ob3BackpackClient extends BackpackClient {
  /** The API path under a service's base URL. */
  public static final String API_PATH = "/ims/ob/v3p0";

  private Ob3BackpackClient(BackpackService service, BackpackClientOptions options, HttpTransport http) {
    super(service, options, http);
  }

  /** A client for an already discovered (for example cached) service. */
  public static Ob3BackpackClient of(BackpackService service, BackpackClientOptions options) {
    return new Ob3BackpackClient(service, options, new HttpTransport(options));
  }

  /**
   * Reads {@code GET {baseUrl}/ims/ob/v3p0/discovery} and builds the client. The API base the
   * document names must be on the discovery URL's origin, and the OAuth endpoints on the API base's
   * (or on origins the host trusts): {@code BACKPACK_ENDPOINT_UNTRUSTED} otherwise.
   */
  public static Ob3BackpackClient discover(URI baseUrl, BackpackClientOptions options) {
    HttpTransport http = new HttpTransport(options);
    http.checkUrl(baseUrl);
    String base = trimSlash(baseUrl.toString());
    String apiBase = base.endsWith(API_PATH) ? base : base + API_PATH;
    URI discovery = HttpTransport.uri(apiBase + "/discovery");
    HttpTransport.Response r = http.send(HttpRequest.newBuilder(discovery).header("Accept", "application/json").GET(), true);
    if (r.status() != 200) {
      throw HttpTransport.error(r, "OB 3.0 discovery");
    }
    BackpackService service = parseDescription(http.json(r, "OB 3.0 discovery"), discovery, apiBase);
    requireTrusted(service.apiBase(), discovery, options, "API base (servers[0].url)");
    return new Ob3BackpackClient(service, options, http);
  }

  static BackpackService parseDescription(JsonNode sdd, URI discovery, String defaultApiBase) {
    JsonNode scheme = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = sdd.path("components").path("securitySchemes").fields(); it.hasNext(); ) {
      JsonNode s = it.next().getValue();
      if ("oauth2".equals(s.path("type").asText()) && s.path("flows").path("authorizationCode").isObject()) {
        scheme = s;
        break;
      }
    }
    if (scheme == null) {
      throw new BackpackException(ExportErrorCode.BACKPACK_DISCOVERY_INVALID,
          "the service description has no oauth2 security scheme with an authorizationCode flow");
    }
    JsonNode flow = scheme.path("flows").path("authorizationCode");
    List<String> scopes = new ArrayList<>();
    flow.path("scopes").fieldNames().forEachRemaining(scopes::add);
    String server = sdd.path("servers").path(0).path("url").asText(defaultApiBase);
    return new BackpackService(sdd.path("info").path("title").asText(""),
        resolve(discovery, server, "servers[0].url"),
        resolve(discovery, scheme.path("x-imssf-registrationUrl").asText(null), "x-imssf-registrationUrl"),
        resolve(discovery, flow.path("authorizationUrl").asText(null), "authorizationUrl"),
        resolve(discovery, flow.path("tokenUrl").asText(null), "tokenUrl"),
        null, scopes,
        optional(discovery, sdd.path("info").path("termsOfService").asText(null)),
        optional(discovery, sdd.path("info").path("x-imssf-privacyPolicyUrl").asText(null)));
  }

  /** POSTs a JSON credential; 201 inserted, 200 replaced, 304 not modified. */
  public UpsertResult upsertCredential(JsonNode credential) {
    return upsert(SafeJson.write(credential), "application/json");
  }

  /** POSTs a credential as a compact JWS (VC-JWT), as {@code text/plain}. */
  public UpsertResult upsertCredential(String compactJws) {
    return upsert(compactJws.strip(), "text/plain");
  }

  private UpsertResult upsert(String body, String type) {
    HttpTransport.Response r = authorized(URI.create(service.apiBase() + "/credentials"),
        b -> b.header("Content-Type", type).header("Accept", type).POST(utf8(body)), false, "upsertCredential");
    return switch (r.status()) {
      case 201 -> new UpsertResult(UpsertResult.Outcome.CREATED, r.text());
      case 200 -> new UpsertResult(UpsertResult.Outcome.REPLACED, r.text());
      case 304 -> new UpsertResult(UpsertResult.Outcome.NOT_MODIFIED, null);
      default -> throw HttpTransport.error(r, "upsertCredential");
    };
  }

  /** One page of the user's credentials, newest first ({@code since} may be null). */
  public BackpackPage getCredentials(int limit, int offset, Instant since) {
    return getCredentials(URI.create(service.apiBase() + "/credentials?" + query(limit, offset, since)));
  }

  /** The page at a {@link BackpackPage#nextPage()} URL. */
  public BackpackPage getCredentials(URI pageUrl) {
    HttpTransport.Response r = authorized(pageUrl, b -> b.header("Accept", "application/json").GET(), true, "getCredentials");
    if (r.status() != 200) {
      throw HttpTransport.error(r, "getCredentials");
    }
    JsonNode body = http.json(r, "getCredentials");
    List<JsonNode> json = new ArrayList<>();
    JsonNode cred = body.path("credential");
    if (cred.isArray()) {
      cred.forEach(json::add);
    } else if (cred.isObject()) {
      json.add(cred);
    }
    List<String> signed = new ArrayList<>();
    // The schema says compactJwsString; the spec's example says compactJwsStrings: accept both.
    for (String field : List.of("compactJwsString", "compactJwsStrings")) {
      JsonNode jws = body.path(field);
      if (jws.isTextual()) {
        signed.add(jws.asText());
      }
      jws.forEach(j -> signed.add(j.asText()));
    }
    return page(r, json, signed);
  }

  /** The user's OB 3.0 profile; empty on 404. */
  public Optional<JsonNode> getProfile() {
    HttpTransport.Response r = authorized(URI.create(service.apiBase() + "/profile"),
        b -> b.header("Accept", "application/json").GET(), true, "getProfile");
    if (r.status() == 404) {
      return Optional.empty();
    }
    if (r.status() != 200) {
      throw HttpTransport.error(r, "getProfile");
    }
    return Optional.of(http.json(r, "getProfile"));
  }

  /** PUTs the whole profile; returns what the backpack answered (empty on 202 Accepted). */
  public Optional<JsonNode> putProfile(JsonNode profile) {
    HttpTransport.Response r = authorized(URI.create(service.apiBase() + "/profile"),
        b -> b.header("Content-Type", "application/json").header("Accept", "application/json")
            .PUT(utf8(SafeJson.write(profile))), false, "putProfile");
    if (r.status() == 202) {
      return Optional.empty();
    }
    if (r.status() != 200) {
      throw HttpTransport.error(r, "putProfile");
    }
    return Optional.of(http.json(r, "putProfile"));
  }

  static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  static URI resolve(URI base, String value, String what) {
    if (value == null || value.isBlank()) {
      throw new BackpackException(ExportErrorCode.BACKPACK_DISCOVERY_INVALID, "the discovery document has no " + what);
    }
    try {
      return base.resolve(value.strip());
    } catch (IllegalArgumentException e) {
      throw new BackpackException(ExportErrorCode.BACKPACK_DISCOVERY_INVALID, "the discovery document's " + what + " is not a URL", e);
    }
  }

  static URI optional(URI base, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return base.resolve(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
