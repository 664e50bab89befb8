package io.github.insignia.openbadges.export.backpack;

import io.github.insignia.openbadges.export.ExportErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.export.internal.HttpTransport;
import io.github.insignia.openbadges.json.SafeJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Client of Open Badges 2.1 Badge Connect: the manifest at {@code /.well-known/badgeconnect.json},
 * then (through {@link BackpackClient}) registration and authorization, then {@code POST
 * /assertions}, {@code GET /assertions} with paging, {@code GET /profile} and {@code POST
 * /profile}.
 */
public final class BadgeConnectClient extends BackpackClient {
  /** Where the manifest lives under a host. */
  public static final String MANIFEST_PATH = "/.well-known/badgeconnect.json";

  private BadgeConnectClient(BackpackService service, BackpackClientOptions options, HttpTransport http) {
    super(service, options, http);
  }

  /** A client for an already discovered service. */
  public static BadgeConnectClient of(BackpackService service, BackpackClientOptions options) {
    return new BadgeConnectClient(service, options, new HttpTransport(options));
  }

  /**
   * Reads the manifest at {@code {baseUrl}/.well-known/badgeconnect.json} and builds the client. The
   * API base must be on the manifest's origin and the OAuth endpoints on the API base's (or on
   * origins the host trusts): {@code BACKPACK_ENDPOINT_UNTRUSTED} otherwise.
   */
  public static BadgeConnectClient discover(URI baseUrl, BackpackClientOptions options) {
    HttpTransport http = new HttpTransport(options);
    http.checkUrl(baseUrl);
    URI manifestUrl = HttpTransport.uri(Ob3BackpackClient.trimSlash(baseUrl.toString()) + MANIFEST_PATH);
    HttpTransport.Response r = http.send(HttpRequest.newBuilder(manifestUrl).header("Accept", "application/json").GET(), true);
    if (r.status() != 200) {
      throw HttpTransport.error(r, "Badge Connect manifest");
    }
    JsonNode manifest = http.json(r, "Badge Connect manifest");
    JsonNode api = null;
    for (JsonNode entry : manifest.path("badgeConnectAPI")) {
      if (api == null || "v2p1".equals(entry.path("version").asText())) {
        api = entry;
      }
    }
    if (api == null || !api.isObject()) {
      throw new BackpackException(ExportErrorCode.BACKPACK_DISCOVERY_INVALID, "the manifest lists no badgeConnectAPI entry");
    }
    List<String> scopes = new ArrayList<>();
    api.path("scopesOffered").forEach(s -> scopes.add(s.asText()));
    BackpackService service = new BackpackService(api.path("name").asText(""),
        HttpTransport.uri(Ob3BackpackClient.trimSlash(Ob3BackpackClient.resolve(manifestUrl, api.path("apiBase").asText(null), "apiBase").toString())),
        Ob3BackpackClient.resolve(manifestUrl, api.path("registrationUrl").asText(null), "registrationUrl"),
        Ob3BackpackClient.resolve(manifestUrl, api.path("authorizationUrl").asText(null), "authorizationUrl"),
        Ob3BackpackClient.resolve(manifestUrl, api.path("tokenUrl").asText(null), "tokenUrl"),
        Ob3BackpackClient.optional(manifestUrl, api.path("tokenRevocationUrl").asText(null)),
        scopes,
        Ob3BackpackClient.optional(manifestUrl, api.path("termsOfServiceUrl").asText(null)),
        Ob3BackpackClient.optional(manifestUrl, api.path("privacyPolicyUrl").asText(null)));
    requireTrusted(service.apiBase(), manifestUrl, options, "apiBase");
    return new BadgeConnectClient(service, options, http);
  }

  /** POSTs an unsigned OB 2.0 assertion. */
  public void postAssertion(JsonNode assertion) {
    ObjectNode payload = SafeJson.nodeFactory().objectNode();
    payload.set("assertion", assertion);
    post(payload);
  }

  /** POSTs a signed OB 2.0 assertion (compact JWS). */
  public void postSignedAssertion(String compactJws) {
    ObjectNode payload = SafeJson.nodeFactory().objectNode();
    payload.put("signedAssertion", compactJws.strip());
    post(payload);
  }

  private void post(ObjectNode payload) {
    HttpTransport.Response r = authorized(URI.create(service.apiBase() + "/assertions"),
        b -> b.header("Content-Type", "application/json").header("Accept", "application/json")
            .POST(utf8(SafeJson.write(payload))), false, "POST assertions");
    if (r.status() != 200 && r.status() != 201) {
      throw HttpTransport.error(r, "POST assertions");
    }
  }

  /** One page of the user's assertions, newest first ({@code since} may be null). */
  public BackpackPage getAssertions(int limit, int offset, Instant since) {
    return getAssertions(URI.create(service.apiBase() + "/assertions?" + query(limit, offset, since)));
  }

  /** The page at a {@link BackpackPage#nextPage()} URL. */
  public BackpackPage getAssertions(URI pageUrl) {
    HttpTransport.Response r = authorized(pageUrl, b -> b.header("Accept", "application/json").GET(), true, "GET assertions");
    if (r.status() != 200) {
      throw HttpTransport.error(r, "GET assertions");
    }
    JsonNode body = http.json(r, "GET assertions");
    List<JsonNode> json = new ArrayList<>();
    body.path("assertions").forEach(json::add);
    List<String> signed = new ArrayList<>();
    body.path("signedAssertions").forEach(s -> signed.add(s.asText()));
    return page(r, json, signed);
  }

  /** The user's OB 2.0 profile; empty on 404. */
  public Optional<JsonNode> getProfile() {
    HttpTransport.Response r = authorized(URI.create(service.apiBase() + "/profile"),
        b -> b.header("Accept", "application/json").GET(), true, "GET profile");
    if (r.status() == 404) {
      return Optional.empty();
    }
    if (r.status() != 200) {
      throw HttpTransport.error(r, "GET profile");
    }
    JsonNode profile = http.json(r, "GET profile").path("profile");
    return profile.isObject() ? Optional.of(profile) : Optional.empty();
  }

  /** POSTs identifier properties to add to the profile; returns the updated profile when sent back. */
  public Optional<JsonNode> postProfile(JsonNode profile) {
    HttpTransport.Response r = authorized(URI.create(service.apiBase() + "/profile"),
        b -> b.header("Content-Type", "application/json").header("Accept", "application/json")
            .POST(utf8(SafeJson.write(profile))), false, "POST profile");
    if (r.status() != 200) {
      throw HttpTransport.error(r, "POST profile");
    }
    JsonNode p = http.json(r, "POST profile").path("profile");
    return p.isObject() ? Optional.of(p) : Optional.empty();
  }
}
