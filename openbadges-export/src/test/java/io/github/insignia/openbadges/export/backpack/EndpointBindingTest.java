package io.github.insignia.openbadges.export.backpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.export.ExportErrorCode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two loopback servers: the real backpack (the provider) and an attacker that serves hostile
 * discovery documents and records every request it gets. The client must never hand the attacker a
 * client secret, an access token or a refresh token.
 */
class EndpointBindingTest {
  /** One request the attacker received. */
  record Seen(String method, String path, String authorization, String body) {}

  LoopbackBackpack real;
  HttpServer attacker;
  URI attackerBase;
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  volatile Function<String, String> attackerAnswers = path -> "{}";

  @BeforeEach
  void start() throws IOException {
    real = new LoopbackBackpack();
    attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    attacker.createContext("/", ex -> {
      try (ex) {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(),
            ex.getRequestHeaders().getFirst("Authorization"), body));
        byte[] out = attackerAnswers.apply(ex.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, out.length);
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    });
    attacker.start();
    attackerBase = URI.create("http://127.0.0.1:" + attacker.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    attacker.stop(0);
    real.close();
  }

  /** An OB 3.0 discovery document naming the real API base and the attacker's token endpoint. */
  String hostileDiscovery() {
    String realApi = real.base() + "/ims/ob/v3p0";
    return "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"evil\"},\"servers\":[{\"url\":\"" + realApi + "\"}],"
        + "\"components\":{\"securitySchemes\":{\"x\":{\"type\":\"oauth2\",\"x-imssf-registrationUrl\":\""
        + real.base() + "/oauth/register\",\"flows\":{\"authorizationCode\":{\"authorizationUrl\":\""
        + real.base() + "/oauth/authorize\",\"tokenUrl\":\"" + attackerBase + "/token\",\"scopes\":{}}}}}}}";
  }

  /** Registers and authorizes at the real backpack, with the same token store the host keeps. */
  Ob3BackpackClient authorizedAtTheRealBackpack() throws Exception {
    Ob3BackpackClient client = Ob3BackpackClient.discover(real.base(), real.options());
    LoopbackBackpack.authorize(client, BackpackScopes.V3_ALL);
    return client;
  }

  void assertAttackerGotNoSecret() {
    for (Seen s : seen) {
      assertEquals(null, s.authorization(), "the attacker received credentials: " + s);
      assertFalse(s.body().contains("refresh_token"), "the attacker received a refresh token: " + s);
    }
    String secret = real.tokens.loadClient(real.base() + "/ims/ob/v3p0").orElseThrow().clientSecret();
    String refresh = real.tokens.loadTokens(real.base() + "/ims/ob/v3p0", "default").orElseThrow().refreshToken();
    for (Seen s : seen) {
      assertFalse(s.body().contains(secret) || s.body().contains(refresh), "a secret leaked: " + s);
    }
  }

  @Test
  void hostileDiscoveryNamingTheRealApiButItsOwnTokenUrlIsRefused() throws Exception {
    authorizedAtTheRealBackpack();
    attackerAnswers = path -> hostileDiscovery();
    BackpackException e = assertThrows(BackpackException.class,
        () -> Ob3BackpackClient.discover(attackerBase, real.options()));
    assertEquals(ExportErrorCode.BACKPACK_ENDPOINT_UNTRUSTED, e.errorCode());
    assertEquals(1, seen.size(), "only the discovery document was fetched");
    assertAttackerGotNoSecret();
  }

  @Test
  void evenATrustedForeignTokenUrlNeverGetsASecretIssuedElsewhere() throws Exception {
    Ob3BackpackClient honest = authorizedAtTheRealBackpack();
    BackpackService s = honest.service();
    // The host trusts the attacker's origin (a too-wide allow-list) and builds a client from a
    // tampered cached service: the registration still binds the secret to the real token endpoint.
    BackpackService tampered = new BackpackService(s.name(), s.apiBase(), s.registrationUrl(), s.authorizationUrl(),
        URI.create(attackerBase + "/token"), URI.create(attackerBase + "/revoke"), s.scopesOffered(), null, null);
    BackpackClientOptions trusting = BackpackClientOptions.builder().tokenStore(real.tokens).clock(real.clientClock)
        .allowHttpOnLoopback(true).trustEndpointOrigin(attackerBase).build();
    Ob3BackpackClient client = Ob3BackpackClient.of(tampered, trusting);
    assertEquals(ExportErrorCode.BACKPACK_ENDPOINT_MISMATCH, assertThrows(BackpackException.class, client::refresh).errorCode());
    // An access token that expires makes every call refresh first: still nothing is sent.
    real.clientClock.advance(Duration.ofHours(2));
    assertEquals(ExportErrorCode.BACKPACK_ENDPOINT_MISMATCH, assertThrows(BackpackException.class, client::getProfile).errorCode());
    assertAttackerGotNoSecret();
    assertTrue(seen.isEmpty(), "the attacker was not contacted at all: " + seen);
    // The honest client, with the real endpoints, still refreshes at the real backpack.
    assertTrue(honest.refresh().refresh().isPresent());
  }

  @Test
  void hostileBadgeConnectManifestIsRefused() throws Exception {
    BadgeConnectClient client = BadgeConnectClient.discover(real.base(), real.options());
    LoopbackBackpack.authorize(client, BackpackScopes.V2_ALL);
    String realApi = real.base() + "/ims/ob/v2p1";
    attackerAnswers = path -> "{\"badgeConnectAPI\":[{\"name\":\"evil\",\"version\":\"v2p1\",\"apiBase\":\"" + realApi
        + "\",\"registrationUrl\":\"" + real.base() + "/oauth/register\",\"authorizationUrl\":\"" + real.base()
        + "/oauth/authorize\",\"tokenUrl\":\"" + attackerBase + "/token\",\"tokenRevocationUrl\":\"" + attackerBase
        + "/revoke\"}]}";
    assertEquals(ExportErrorCode.BACKPACK_ENDPOINT_UNTRUSTED, assertThrows(BackpackException.class,
        () -> BadgeConnectClient.discover(attackerBase, real.options())).errorCode());
    // Served from the attacker's own origin, an API base elsewhere is refused as well.
    attackerAnswers = path -> "{\"badgeConnectAPI\":[{\"name\":\"evil\",\"version\":\"v2p1\",\"apiBase\":\"" + realApi
        + "\",\"registrationUrl\":\"" + realApi + "/r\",\"authorizationUrl\":\"" + realApi + "/a\",\"tokenUrl\":\""
        + realApi + "/t\"}]}";
    assertEquals(ExportErrorCode.BACKPACK_ENDPOINT_UNTRUSTED, assertThrows(BackpackException.class,
        () -> BadgeConnectClient.discover(attackerBase, real.options())).errorCode());
    for (Seen s : seen) {
      assertEquals(null, s.authorization());
    }
  }

  @Test
  void loopbackHttpIsOffByDefault() {
    assertEquals(ExportErrorCode.BACKPACK_INSECURE_URL, assertThrows(BackpackException.class,
        () -> Ob3BackpackClient.discover(real.base(), BackpackClientOptions.defaults())).errorCode());
    assertTrue(seen.isEmpty());
  }

  /** A stub backpack on the attacker server whose token endpoint answers what the test says. */
  Ob3BackpackClient stubClient(InMemoryTokenStore store, TokenSet tokens) {
    URI api = URI.create(attackerBase + "/ims/ob/v3p0");
    URI token = URI.create(attackerBase + "/token");
    store.saveClient(api.toString(), new ClientRegistration("id", "secret", 0, "", token));
    store.saveTokens(api.toString(), "default", tokens);
    BackpackService service = new BackpackService("stub", api, URI.create(attackerBase + "/register"),
        URI.create(attackerBase + "/authorize"), token, null, List.of(), null, null);
    return Ob3BackpackClient.of(service, BackpackClientOptions.builder().tokenStore(store).allowHttpOnLoopback(true)
        .maxRetries(0).build());
  }

  @Test
  void aTokenWithCrLfIsATypedFailure() {
    attackerAnswers = path -> "{\"access_token\":\"abc\\r\\nX-Injected: 1\",\"token_type\":\"Bearer\",\"expires_in\":60}";
    InMemoryTokenStore store = new InMemoryTokenStore();
    Ob3BackpackClient client = stubClient(store, new TokenSet("old", "refresh", Instant.parse("2000-01-01T00:00:00Z"), ""));
    assertEquals(ExportErrorCode.BACKPACK_TOKEN_INVALID, assertThrows(BackpackException.class, client::refresh).errorCode());
    // A host store that hands back such a token: typed too, nothing sent with it.
    Ob3BackpackClient stored = stubClient(new InMemoryTokenStore(),
        new TokenSet("bad\r\ntoken", null, Instant.parse("2999-01-01T00:00:00Z"), ""));
    int before = seen.size();
    assertEquals(ExportErrorCode.BACKPACK_TOKEN_INVALID, assertThrows(BackpackException.class, stored::getProfile).errorCode());
    assertEquals(before, seen.size());
  }

  @Test
  void serverErrorsAreSummarisedNotEchoed() {
    String hostile = "<script>alert(1)</script>\r\nSet-Cookie: x=1\u202E" + "A".repeat(5000);
    attacker.removeContext("/");
    attacker.createContext("/", ex -> {
      try (ex) {
        byte[] out = ("{\"imsx_codeMajor\":\"failure\",\"imsx_description\":\"" + hostile.replace("\r\n", "\\r\\n")
            + "\",\"imsx_codeMinor\":{\"imsx_codeMinorField\":[{\"imsx_codeMinorFieldValue\":\"bad code\\n<b>\"}]}}")
            .getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(400, out.length);
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    });
    Ob3BackpackClient client = stubClient(new InMemoryTokenStore(),
        new TokenSet("token", null, Instant.parse("2999-01-01T00:00:00Z"), ""));
    BackpackException e = assertThrows(BackpackException.class, client::getProfile);
    assertEquals(ExportErrorCode.BACKPACK_BAD_REQUEST, e.errorCode());
    assertFalse(e.getMessage().contains("<script>"), e.getMessage());
    assertFalse(e.getMessage().contains("<b>"), e.getMessage());
    assertEquals("(unreadable)", e.serverCode().orElseThrow());
    String message = e.serverMessage().orElseThrow();
    assertTrue(message.length() <= 201, "bounded: " + message.length());
    assertFalse(message.contains("\r") || message.contains("\n") || message.contains("\u202E"), message);
  }

  @Test
  void pagingArgumentsAreCheckedBeforeSending() {
    Ob3BackpackClient client = stubClient(new InMemoryTokenStore(),
        new TokenSet("token", null, Instant.parse("2999-01-01T00:00:00Z"), ""));
    assertEquals(ExportErrorCode.BACKPACK_PAGING_INVALID, assertThrows(BackpackException.class,
        () -> client.getCredentials(10, Integer.MIN_VALUE, null)).errorCode());
    assertEquals(ExportErrorCode.BACKPACK_PAGING_INVALID, assertThrows(BackpackException.class,
        () -> client.getCredentials(-1, 0, null)).errorCode());
    assertTrue(seen.isEmpty());
  }
}
