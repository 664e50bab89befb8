package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.cli.InsigniaCommandTest.Run;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code insignia offer} against a running {@code insignia serve --wallet-issuer --wallet-key}: the
 * offer reaches the server through {@code DIR/wallet/}; a wallet redeems it over HTTP (PIN, nonce,
 * proof) and the credential verifies VALID with {@code insignia verify}.
 */
class OfferCommandTest {
  @TempDir Path dir;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void offerPrintedByTheCommandIsRedeemedAtTheRunningServe() throws Exception {
    int port = ServeFixture.freePort();
    String base = "http://127.0.0.1:" + port;
    SigningKey key = SigningKey.generate(KeyType.ED25519);
    Path keyFile = Files.writeString(dir.resolve("issuer.jwk"), SafeJson.write(key.toPrivateJwk()));
    Path issuer = Files.writeString(dir.resolve("issuer.json"),
        "{\"id\":\"" + key.publicKey().didKey() + "\",\"type\":[\"Profile\"],\"name\":\"Escuela\"}");
    Path achievement = Files.writeString(dir.resolve("achievement.json"),
        "{\"id\":\"https://escuela.example/a/1\",\"type\":[\"Achievement\"],\"name\":\"Ciencia\","
            + "\"description\":\"Completed the course.\",\"criteria\":{\"narrative\":\"Pass the exam.\"}}");
    Path site = Files.createDirectories(dir.resolve("site"));
    ServeCommand serve = new ServeCommand();
    serve.dir = site;
    serve.baseUrl = base;
    serve.port = port;
    serve.walletIssuer = issuer;
    serve.walletKey = keyFile;
    Server server = serve.start();
    try {
      Run offer = InsigniaCommandTest.run("offer", achievement.toString(), "--issuer-url", base, "--dir", site.toString(), "--pin",
          "--name", "Ana");
      assertEquals(0, offer.exit(), offer.err());
      String[] lines = offer.out().split("\n");
      assertTrue(lines[0].startsWith("openid-credential-offer://?credential_offer_uri="), offer.out());
      assertTrue(offer.out().contains("\u2588"), "a QR code in half blocks");
      String pin = lines[lines.length - 1].replace("PIN: ", "").strip();
      assertTrue(pin.matches("[0-9]{6}"), offer.out());

      String offerUrl = URLDecoder.decode(lines[0].substring(lines[0].indexOf('=') + 1), StandardCharsets.UTF_8);
      JsonNode credentialOffer = SafeJson.read(get(offerUrl));
      String code = credentialOffer.at("/grants/urn:ietf:params:oauth:grant-type:pre-authorized_code/pre-authorized_code").asText();
      JsonNode token = SafeJson.read(post(base + "/oid4vci/token", "application/x-www-form-urlencoded",
          "grant_type=" + enc("urn:ietf:params:oauth:grant-type:pre-authorized_code") + "&pre-authorized_code=" + enc(code)
              + "&tx_code=" + pin, null));
      String access = token.path("access_token").asText();
      String nonce = SafeJson.read(post(base + "/oid4vci/nonce", "application/json", "", null)).path("c_nonce").asText();
      SigningKey wallet = SigningKey.generate(KeyType.ED25519);
      String input = b64("{\"alg\":\"EdDSA\",\"typ\":\"openid4vci-proof+jwt\",\"kid\":\"" + wallet.publicKey().didKeyVerificationMethod() + "\"}")
          + "." + b64("{\"aud\":\"" + base + "\",\"iat\":" + Instant.now().getEpochSecond() + ",\"nonce\":\"" + nonce + "\"}");
      String jwt = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(wallet.sign(input.getBytes(StandardCharsets.US_ASCII)));
      JsonNode answer = SafeJson.read(post(base + "/oid4vci/credential", "application/json",
          "{\"credential_configuration_id\":\"OpenBadgeCredential_ldp_vc\",\"proofs\":{\"jwt\":[\"" + jwt + "\"]}}", access));
      JsonNode credential = answer.at("/credentials/0/credential");
      assertEquals(wallet.publicKey().didKey(), credential.at("/credentialSubject/id").asText(), answer.toString());
      Path received = Files.writeString(dir.resolve("received.json"), credential.toString());
      Run verify = InsigniaCommandTest.run("verify", received.toString(), "--offline");
      assertEquals(0, verify.exit(), verify.out() + verify.err());

      // --exchange: the LCW deep link, whose exchange answers with a DID authentication request
      Run exchange = InsigniaCommandTest.run("offer", achievement.toString(), "--issuer-url", base, "--dir", site.toString(), "--exchange");
      assertEquals(0, exchange.exit(), exchange.err());
      String link = exchange.out().split("\n")[0];
      assertTrue(link.startsWith("https://lcw.app/request.html?request="), link);
      JsonNode request = SafeJson.read(URLDecoder.decode(link.substring(link.indexOf('=') + 1), StandardCharsets.UTF_8));
      JsonNode vpr = SafeJson.read(post(request.at("/protocols/vcapi").asText(), "application/json", "{}", null));
      assertEquals("DIDAuthentication", vpr.at("/verifiablePresentationRequest/query/0/type").asText(), vpr.toString());
      Run bad = InsigniaCommandTest.run("offer", achievement.toString(), "--issuer-url", base, "--dir", site.toString(), "--format", "mso_mdoc");
      assertEquals(2, bad.exit(), bad.err());
    } finally {
      server.stop();
    }
  }

  private static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String post(String url, String type, String body, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
