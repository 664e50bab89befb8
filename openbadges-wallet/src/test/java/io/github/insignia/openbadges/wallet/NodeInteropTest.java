package io.github.insignia.openbadges.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with an independent client: the OpenWallet Foundation's {@code @openid4vc/openid4vci}
 * (npm, pinned in {@code src/test/node/package-lock.json}, installed by {@code npm ci} in the Maven
 * profile {@code node-interop}) runs under Node against the issuer on loopback, end to end, and the
 * credential it receives verifies VALID here. Skipped, with a message, where node or node_modules is absent.
 */
class NodeInteropTest {
  private static final Path NODE_DIR = Path.of("src", "test", "node");
  private static WalletFixture f;

  @BeforeAll
  static void start() throws Exception {
    skipUnless(nodeOnPath(), "SKIPPED NodeInteropTest: node is not on the PATH; the OpenID4VCI interop test needs Node 18+");
    skipUnless(Files.isDirectory(NODE_DIR.resolve("node_modules/@openid4vc/openid4vci")),
        "SKIPPED NodeInteropTest: " + NODE_DIR + "/node_modules is absent; run `npm ci` there (the Maven profile node-interop does)");
    f = WalletFixture.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (f != null) {
      f.close();
    }
  }

  /** Skips with the reason on stderr too, so the build log shows it (the assumption alone only counts it). */
  private static void skipUnless(boolean condition, String message) {
    if (!condition) {
      System.err.println(message);
    }
    Assumptions.assumeTrue(condition, message);
  }

  private static boolean nodeOnPath() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "node"))) {
        return true;
      }
    }
    return false;
  }

  /** The pinned contexts, the same the Java verifier reads (openbadges-model's standards folder). */
  private static final Path STANDARDS = Path.of("..", "openbadges-model", "src", "main", "resources", "io", "github",
      "insignia", "openbadges", "standards").toAbsolutePath().normalize();

  private static JsonNode runWallet(String... args) throws Exception {
    return runNode("wallet.mjs", args);
  }

  private static JsonNode runNode(String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(false).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node did not finish");
    assertEquals(0, p.exitValue(), "node failed: " + err);
    return SafeJson.read(new String(out, StandardCharsets.UTF_8).strip());
  }

  @Test
  void independentClientReceivesValidCredentialsInBothFormats() throws Exception {
    BadgeVerifier verifier = BadgeVerifier.create(VerificationOptions.builder().offline(true).build());
    for (WalletFormat format : WalletFormat.values()) {
      CredentialOffer offer = f.offers.offer(OfferRequest.builder(WalletFixture.achievement())
          .formats(format).txCode(true).build());
      JsonNode received = runWallet(offer.uriByReference(), offer.txCode().orElseThrow(), format.configurationId());
      JsonNode credential = received.get("credential");
      String input = credential.isTextual() ? credential.asText() : credential.toString();
      VerificationReport report = verifier.verify(input);
      assertTrue(report.valid(), format + ": " + report.summary());
      if (format == WalletFormat.LDP_VC) {
        // the subject is the did:jwk of the client's own key
        String subject = credential.at("/credentialSubject/id").asText();
        assertTrue(subject.startsWith("did:jwk:"), subject);
        JsonNode jwk = SafeJson.read(java.util.Base64.getUrlDecoder().decode(subject.substring(8)));
        assertEquals(received.at("/publicJwk/x").asText(), jwk.get("x").asText());
        // and the Digital Bazaar verifier stack accepts it too (offline, pinned contexts)
        Path file = Files.createTempFile("insignia-wallet-", ".json");
        try {
          Files.writeString(file, credential.toString());
          JsonNode db = runNode("verify-db.mjs", file.toString(), STANDARDS.toString());
          assertTrue(db.path("verified").asBoolean(), db.toString());
        } finally {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /**
   * The Learner Credential Wallet's DID authentication, signed by the same Digital Bazaar stack LCW
   * uses (Ed25519Signature2020 over VC 1.1 contexts, did:key holder): the exchange issues to that
   * holder, and refuses the same presentation with a wrong challenge, a wrong domain, another key under the
   * holder's method id, or another DID's method.
   */
  @Test
  void learnerCredentialWalletDidAuthenticationGetsTheCredential() throws Exception {
    ExchangeInvitation inv = f.offers.exchange(OfferRequest.builder(WalletFixture.achievement()).build());
    JsonNode run = runNode("lcw-didauth.mjs", inv.exchangeUrl().toString(), STANDARDS.toString());
    assertEquals("400 invalid_proof", run.at("/refused/challenge").asText(), run.toString());
    assertEquals("400 invalid_proof", run.at("/refused/domain").asText(), run.toString());
    assertEquals("400 invalid_proof", run.at("/refused/otherKey").asText(), run.toString());
    assertEquals("400 invalid_proof", run.at("/refused/foreignMethod").asText(), run.toString());
    assertEquals(200, run.path("status").asInt(), run.toString());
    String holder = run.path("holder").asText();
    assertTrue(holder.startsWith("did:key:z6Mk"), holder);
    JsonNode credential = run.at("/response/verifiablePresentation/verifiableCredential/0");
    assertEquals(holder, credential.at("/credentialSubject/id").asText());
    VerificationReport report = BadgeVerifier.create(VerificationOptions.builder().offline(true).build())
        .verify(credential.toString());
    assertTrue(report.valid(), report.summary());
  }

  @Test
  void offerByValueWorksToo() throws Exception {
    CredentialOffer offer = f.offers.offer(OfferRequest.builder(WalletFixture.achievement()).build());
    JsonNode received = runWallet(offer.uriByValue(), "");
    assertTrue(received.path("credential").has("proof"), received.toString());
  }
}
