package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.export.internal.Percent;
import io.github.insignia.openbadges.export.provider.BackpackProvider;
import io.github.insignia.openbadges.export.provider.ConsentDecision;
import io.github.insignia.openbadges.export.provider.JdkHttpServerAdapter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import io.github.insignia.openbadges.testvectors.TestVectors;

/** insignia linkedin / share / export, end to end, offline (badges served from a resources map). */
class ExportCommandsTest {
  @TempDir Path dir;

  static final String ASSERTION = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
      + "\"id\":\"https://issuer.example.org/assertions/42.json\","
      + "\"recipient\":{\"type\":\"email\",\"hashed\":false,\"identity\":\"learner@example.org\"},"
      + "\"issuedOn\":\"2025-03-10T12:00:00Z\",%s\"badge\":\"https://issuer.example.org/badges/ciencia.json\","
      + "\"verification\":{\"type\":\"hosted\"}}";
  static final String BADGE = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"BadgeClass\","
      + "\"id\":\"https://issuer.example.org/badges/ciencia.json\",\"name\":\"Ciencia & Tecnología #1\","
      + "\"description\":\"A badge\",\"image\":\"https://issuer.example.org/badges/ciencia.png\","
      + "\"criteria\":{\"narrative\":\"Do it\"},\"issuer\":\"https://issuer.example.org/issuer.json\"}";
  static final String ISSUER = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Issuer\","
      + "\"id\":\"https://issuer.example.org/issuer.json\",\"name\":\"Universidad de Ejemplo\","
      + "\"url\":\"https://issuer.example.org\",\"email\":\"badges@issuer.example.org\"}";

  /** Writes the hosted badge and its map; {@code extra} goes into the assertion, {@code hostedStatus} is what its URL answers. */
  Path badge(String extra, int hostedStatus) throws Exception {
    Path assertion = Files.writeString(dir.resolve("assertion.json"), String.format(ASSERTION, extra));
    Files.writeString(dir.resolve("badge.json"), BADGE);
    Files.writeString(dir.resolve("issuer.json"), ISSUER);
    String hosted = hostedStatus == 200 ? "\"assertion.json\"" : "{\"status\":" + hostedStatus + "}";
    Files.writeString(dir.resolve("map.json"), "{\"https://issuer.example.org/assertions/42.json\":" + hosted + ","
        + "\"https://issuer.example.org/badges/ciencia.json\":\"badge.json\","
        + "\"https://issuer.example.org/issuer.json\":\"issuer.json\"}");
    return assertion;
  }

  String[] offline(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--offline", "--resources", dir.resolve("map.json").toString()));
    return all.toArray(String[]::new);
  }

  static Map<String, List<String>> query(String link) {
    return Percent.parseQuery(URI.create(link.strip()).getRawQuery(), false);
  }

  @Test
  void linkedinPrintsTheEncodedLink() throws Exception {
    Path file = badge("\"expires\":\"2030-01-31T23:30:00Z\",", 200);
    InsigniaCommandTest.Run run = InsigniaCommandTest.run(offline("linkedin", file.toString(), "--org-id", "1337",
        "--cert-url", "https://wallet.example/u/ada/badges/42?lang=es", "--zone", "Europe/Madrid"));
    assertEquals(0, run.exit(), run.err());
    Map<String, List<String>> q = query(run.out());
    assertEquals(List.of("CERTIFICATION_NAME"), q.get("startTask"));
    assertEquals(List.of("Ciencia & Tecnología #1"), q.get("name"));
    assertEquals(List.of("1337"), q.get("organizationId"));
    assertEquals(List.of("2025"), q.get("issueYear"));
    assertEquals(List.of("3"), q.get("issueMonth"));
    assertEquals(List.of("2030"), q.get("expirationYear"));
    assertEquals(List.of("2"), q.get("expirationMonth"), "Madrid is already in February");
    assertEquals(List.of("https://wallet.example/u/ada/badges/42?lang=es"), q.get("certUrl"));
    assertTrue(run.out().contains("name=Ciencia%20%26%20Tecnolog%C3%ADa%20%231"), run.out());
  }

  @Test
  void linkedinUsesTheIssuerNameWithoutAnId() throws Exception {
    Path file = badge("", 200);
    InsigniaCommandTest.Run run = InsigniaCommandTest.run(offline("linkedin", file.toString()));
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("Universidad de Ejemplo"), query(run.out()).get("organizationName"));
    assertTrue(query(run.out()).get("expirationYear") == null);
  }

  @Test
  void linkedinRefusesRevokedExpiredAndUnverified() throws Exception {
    Path revoked = badge("", 410);
    InsigniaCommandTest.Run r = InsigniaCommandTest.run(offline("linkedin", revoked.toString()));
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().startsWith("error: BADGE_REVOKED: "), r.err());
    assertEquals("", r.out());

    Path expired = badge("\"expires\":\"2025-06-01T00:00:00Z\",", 200);
    r = InsigniaCommandTest.run(offline("linkedin", expired.toString(), "--at", "2026-01-01T00:00:00Z"));
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().startsWith("error: BADGE_EXPIRED: "), r.err());
    // The same badge, verified as of a date before its expiry, is accepted.
    assertEquals(0, InsigniaCommandTest.run(offline("linkedin", expired.toString(), "--at", "2025-05-01T00:00:00Z")).exit());

    Path tampered = Files.writeString(dir.resolve("other.json"), "{\"not\":\"a badge\"}");
    r = InsigniaCommandTest.run(offline("linkedin", tampered.toString()));
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().startsWith("error: BADGE_NOT_VERIFIED: "), r.err());
  }

  @Test
  void linkedinOnAnOb3CredentialWithAnIssuerUrlFetchesTheProfile() throws Exception {
    // Unsigned, so it does not verify: the refusal names the reason and no link is printed.
    Path file = Files.writeString(dir.resolve("ob3.json"), "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
        + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\"id\":\"urn:uuid:1\","
        + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":\"https://issuer.example.org/issuer.json\","
        + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"credentialSubject\":{\"type\":[\"AchievementSubject\"],"
        + "\"achievement\":{\"id\":\"urn:uuid:a\",\"type\":[\"Achievement\"],\"name\":\"A\",\"criteria\":{}}}}");
    badge("", 200);
    InsigniaCommandTest.Run r = InsigniaCommandTest.run(offline("linkedin", file.toString()));
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().startsWith("error: BADGE_NOT_VERIFIED: "), r.err());
    var json = LinkedinCommand.VerifyFlags.badgeJson(Files.readAllBytes(file),
        io.github.insignia.openbadges.validation.VerificationOptions.builder().offline(true).resources(
            io.github.insignia.openbadges.validation.fetch.PreloadedResources.fromMapFile(dir.resolve("map.json"))).build());
    assertEquals("Universidad de Ejemplo", json.path("issuer").path("name").asText());
  }

  @Test
  void linkedinUsageErrors() throws Exception {
    Path file = badge("", 200);
    assertEquals(2, InsigniaCommandTest.run(offline("linkedin", file.toString(), "--org-id", "1", "--org-name", "x")).exit());
    assertEquals(2, InsigniaCommandTest.run(offline("linkedin", file.toString(), "--org-id", "abc")).exit());
    assertEquals(2, InsigniaCommandTest.run(offline("linkedin", file.toString(), "--zone", "Mars/Olympus")).exit());
    assertEquals(2, InsigniaCommandTest.run(offline("linkedin", dir.resolve("missing.json").toString())).exit());
  }

  @Test
  void sharePrintsEachNetwork() throws Exception {
    Path file = badge("", 200);
    for (String network : List.of("linkedin", "x", "facebook", "whatsapp", "telegram", "bluesky")) {
      InsigniaCommandTest.Run run = InsigniaCommandTest.run(offline("share", "--network", network, file.toString(),
          "--url", "https://wallet.example/b/42?a=1&b=2"));
      assertEquals(0, run.exit(), network + ": " + run.err());
      assertTrue(run.out().startsWith("https://"), run.out());
      assertTrue(run.out().contains("https%3A%2F%2Fwallet.example%2Fb%2F42%3Fa%3D1%26b%3D2"), run.out());
    }
    InsigniaCommandTest.Run mastodon = InsigniaCommandTest.run(offline("share", "--network", "mastodon", file.toString(),
        "--instance", "mastodon.social"));
    assertEquals(0, mastodon.exit(), mastodon.err());
    assertTrue(mastodon.out().startsWith("https://mastodon.social/share?text="), mastodon.out());
    InsigniaCommandTest.Run noInstance = InsigniaCommandTest.run(offline("share", "--network", "mastodon", file.toString()));
    assertEquals(2, noInstance.exit());
    assertTrue(noInstance.err().startsWith("error: MASTODON_INSTANCE_MISSING: "), noInstance.err());
    assertEquals(2, InsigniaCommandTest.run(offline("share", "--network", "myspace", file.toString())).exit());
    Path revoked = badge("", 410);
    assertEquals(1, InsigniaCommandTest.run(offline("share", "--network", "x", revoked.toString())).exit());
  }

  @Test
  void exportWithLoopbackOAuthAndWithAToken() throws Exception {
    Path credential = TestVectors.path("ob3", "ob-spec-examples",
        "examples-basicOpenBadgeCredential-01.json");
    try (JdkHttpServerAdapter server = JdkHttpServerAdapter.startLoopback(0,
        base -> BackpackProvider.builder(base, req -> ConsentDecision.grant("ada")).build())) {
      // The command prints the URL to open and waits; this test plays the browser.
      CommandLine cli = InsigniaCommand.newCommandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("export", "--to",
          server.baseUrl().toString(), credential.toString(), "--auth-timeout", "20"));
      Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/oauth/authorize\\?\\S+)");
      Matcher m = url.matcher("");
      for (int i = 0; i < 200 && !m.find(); i++) {
        Thread.sleep(50);
        m = url.matcher(err.toString());
      }
      HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(page.body().contains("close this window"), page.body());
      assertEquals(0, exit.get(), err.toString());
      assertTrue(out.toString().startsWith("created at " + server.baseUrl() + "/ims/ob/v3p0"), out.toString());

      InsigniaCommandTest.Run bad = InsigniaCommandTest.run("export", "--to", server.baseUrl().toString(),
          credential.toString(), "--token", "not-a-token");
      assertEquals(2, bad.exit());
      assertTrue(bad.err().startsWith("error: BACKPACK_UNAUTHORIZED: "), bad.err());
    }
  }

  @Test
  void exportToBadgeConnectWithAToken() throws Exception {
    Path file = badge("", 200);
    // Badge Connect accepts only assertions for an identity the backpack verified for the user.
    var store = new io.github.insignia.openbadges.export.provider.InMemoryBackpackStore();
    store.addVerifiedIdentity("ada", io.github.insignia.openbadges.export.provider.VerifiedIdentity.email("learner@example.org"));
    try (JdkHttpServerAdapter server = JdkHttpServerAdapter.startLoopback(0,
        base -> BackpackProvider.builder(base, req -> ConsentDecision.grant("ada")).store(store).build())) {
      var tokens = new io.github.insignia.openbadges.export.backpack.InMemoryTokenStore();
      var client = io.github.insignia.openbadges.export.backpack.BadgeConnectClient.discover(server.baseUrl(),
          io.github.insignia.openbadges.export.backpack.BackpackClientOptions.builder().tokenStore(tokens)
              .allowHttpOnLoopback(true).build());
      URI redirect = URI.create("http://127.0.0.1:9/cb");
      client.register(io.github.insignia.openbadges.export.backpack.ClientMetadata.builder("t", URI.create("https://t.example"))
          .redirectUri(redirect).scopes(io.github.insignia.openbadges.export.backpack.BackpackScopes.V2_ALL).build());
      var pending = client.beginAuthorization(redirect, io.github.insignia.openbadges.export.backpack.BackpackScopes.V2_ALL);
      HttpResponse<Void> consent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(pending.authorizationUri()).build(),
          HttpResponse.BodyHandlers.discarding());
      String token = client.completeAuthorization(pending, URI.create(consent.headers().firstValue("Location").orElseThrow()))
          .accessToken();
      InsigniaCommandTest.Run run = InsigniaCommandTest.run("export", "--to", server.baseUrl().toString(), file.toString(),
          "--api", "badge_connect", "--token", token);
      assertEquals(0, run.exit(), run.err());
      assertEquals("posted at " + server.baseUrl() + "/ims/ob/v2p1", run.out().strip());
      assertEquals(1, client.getAssertions(10, 0, null).json().size());
    }
  }

  @Test
  void exportToAnInsecureUrlIsRefused() throws Exception {
    Path file = badge("", 200);
    InsigniaCommandTest.Run run = InsigniaCommandTest.run("export", "--to", "http://backpack.example.org", file.toString(),
        "--token", "t");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: BACKPACK_INSECURE_URL: "), run.err());
  }
}
