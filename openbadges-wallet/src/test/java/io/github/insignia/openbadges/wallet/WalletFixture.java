package io.github.insignia.openbadges.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A wallet issuer on loopback Jetty (real HTTP), a did:key issuer, a clock the test moves, and a tiny wallet. */
final class WalletFixture implements AutoCloseable {
  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }
  }

  final Server server;
  final String base;
  final MovableClock clock;
  final WalletIssuer issuer;
  final WalletOffers offers;
  final HttpClient http = HttpClient.newHttpClient();

  private WalletFixture(Server server, String base, WalletIssuer issuer, MovableClock clock) {
    this.server = server;
    this.clock = clock;
    this.base = base;
    this.issuer = issuer;
    this.offers = issuer.offers();
  }

  static WalletFixture start() throws Exception {
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    server.setHandler(context);
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    String base = "http://127.0.0.1:" + port;
    SigningKey key = SigningKey.generate(KeyType.ED25519);
    String did = key.publicKey().didKey();
    String vm = key.publicKey().didKeyVerificationMethod();
    ObjectNode profile = JsonNodeFactory.instance.objectNode();
    profile.put("id", did).putArray("type").add("Profile");
    profile.put("name", "Example University");
    BadgeIssuer badges = BadgeIssuer.builder(profile, key, vm)
        .formats(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT)
        .prover(Issuers.dataIntegrity(key, vm).orElseThrow())
        .build();
    MovableClock clock = new MovableClock();
    WalletIssuer issuer = WalletIssuer.builder(URI.create(base), badges).clock(clock).build();
    WalletFixture f = new WalletFixture(server, base, issuer, clock);
    ServletHolder servlet = new ServletHolder(new WalletServlet(issuer));
    for (String pattern : WalletServlet.urlPatterns()) {
      context.addServlet(servlet, pattern);
    }
    return f;
  }

  static ObjectNode achievement() {
    ObjectNode a = JsonNodeFactory.instance.objectNode();
    a.put("id", "https://university.example.org/achievements/open-data");
    a.putArray("type").add("Achievement");
    a.put("name", "Teaching with open data");
    a.put("description", "Designed and taught a lesson built on public data sets.");
    a.putObject("criteria").put("narrative", "Complete the course and its project.");
    return a;
  }

  record Answer(int status, JsonNode json, HttpResponse<String> raw) {
    String error() {
      return json.path("error").asText(null);
    }
  }

  Answer get(String url) throws Exception {
    return answer(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()));
  }

  Answer postForm(String path, String form) throws Exception {
    return answer(http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
  }

  Answer postJson(String path, String json, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return answer(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static Answer answer(HttpResponse<String> r) {
    JsonNode json;
    try {
      json = SafeJson.read(r.body());
    } catch (RuntimeException e) {
      json = JsonNodeFactory.instance.objectNode();
    }
    return new Answer(r.statusCode(), json, r);
  }

  /** Redeems the offer's code (with the PIN if given) for an access token. */
  Answer token(CredentialOffer offer, String pin) throws Exception {
    String form = "grant_type=" + enc(WalletOffers.PRE_AUTHORIZED_GRANT) + "&pre-authorized_code=" + enc(offer.preAuthorizedCode())
        + (pin == null ? "" : "&tx_code=" + enc(pin));
    return postForm("/oid4vci/token", form);
  }

  String nonce() throws Exception {
    return postJson("/oid4vci/nonce", "", null).json().get("c_nonce").asText();
  }

  /** A proof JWT: {@code header} members given, signed by {@code signer}. */
  static String proof(SigningKey signer, ObjectNode header, String aud, Instant iat, String nonce) {
    header.put("alg", "EdDSA").put("typ", "openid4vci-proof+jwt");
    ObjectNode claims = JsonNodeFactory.instance.objectNode();
    claims.put("aud", aud).put("iat", iat.getEpochSecond());
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    String input = b64(SafeJson.write(header)) + "." + b64(SafeJson.write(claims));
    return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  static ObjectNode kid(SigningKey key) {
    return JsonNodeFactory.instance.objectNode().put("kid", key.publicKey().didKeyVerificationMethod());
  }

  static ObjectNode jwk(SigningKey key) {
    ObjectNode h = JsonNodeFactory.instance.objectNode();
    h.set("jwk", key.publicKey().toJwk());
    return h;
  }

  static String credentialRequest(String configurationId, String jwt) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("credential_configuration_id", configurationId);
    r.putObject("proofs").putArray("jwt").add(jwt);
    return SafeJson.write(r);
  }

  static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
