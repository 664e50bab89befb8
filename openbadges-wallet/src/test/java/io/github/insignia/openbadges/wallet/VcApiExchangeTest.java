package io.github.insignia.openbadges.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The VC-API exchange as the Learner Credential Wallet drives it: request, DID authentication, credential. */
class VcApiExchangeTest {
  private static WalletFixture f;
  private static final DataIntegrity DI = DataIntegrity.create();

  @BeforeAll
  static void start() throws Exception {
    f = WalletFixture.start();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  private static String didAuth(SigningKey key, String holder, String challenge, String domain) {
    ObjectNode vp = JsonNodeFactory.instance.objectNode();
    vp.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vp.putArray("type").add("VerifiablePresentation");
    vp.put("holder", holder);
    ObjectNode signed = DI.sign(vp, key, ProofOptions.builder(key.publicKey().didKeyVerificationMethod())
        .proofPurpose("authentication").challenge(challenge).domain(domain).build());
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("verifiablePresentation", signed);
    return SafeJson.write(body);
  }

  @Test
  void didAuthenticationGetsTheCredentialBoundToTheHolderOnce() throws Exception {
    ExchangeInvitation inv = f.offers.exchange(OfferRequest.builder(WalletFixture.achievement()).build());
    String link = inv.lcwDeepLink();
    assertTrue(link.startsWith("https://lcw.app/request.html?request="), link);
    JsonNode request = SafeJson.read(URLDecoder.decode(link.substring(link.indexOf('=') + 1), StandardCharsets.UTF_8));
    assertEquals(inv.exchangeUrl().toString(), request.at("/protocols/vcapi").asText());
    assertTrue(inv.dccRequestLink().startsWith("dccrequest://request?issuer="));

    WalletFixture.Answer vpr = f.postJson(inv.exchangeUrl().toString(), "{}", null);
    assertEquals(200, vpr.status(), vpr.raw().body());
    assertEquals("DIDAuthentication", vpr.json().at("/verifiablePresentationRequest/query/0/type").asText());
    String challenge = vpr.json().at("/verifiablePresentationRequest/challenge").asText();
    String domain = vpr.json().at("/verifiablePresentationRequest/domain").asText();
    assertEquals(inv.challenge(), challenge);

    SigningKey wallet = SigningKey.generate(KeyType.ED25519);
    String holder = wallet.publicKey().didKey();
    WalletFixture.Answer done = f.postJson(inv.exchangeUrl().toString(), didAuth(wallet, holder, challenge, domain), null);
    assertEquals(200, done.status(), done.raw().body());
    JsonNode credential = done.json().at("/verifiablePresentation/verifiableCredential/0");
    assertEquals(holder, credential.at("/credentialSubject/id").asText());
    VerificationReport report = BadgeVerifier.create(VerificationOptions.builder().offline(true).build()).verify(credential.toString());
    assertTrue(report.valid(), report.summary());

    WalletFixture.Answer again = f.postJson(inv.exchangeUrl().toString(), didAuth(wallet, holder, challenge, domain), null);
    assertEquals(404, again.status(), "an exchange completes once");
  }

  @Test
  void wrongChallengeDomainOrHolderIsRefused() throws Exception {
    ExchangeInvitation inv = f.offers.exchange(OfferRequest.builder(WalletFixture.achievement()).build());
    String domain = f.postJson(inv.exchangeUrl().toString(), "{}", null).json().at("/verifiablePresentationRequest/domain").asText();
    SigningKey wallet = SigningKey.generate(KeyType.ED25519);
    SigningKey other = SigningKey.generate(KeyType.ED25519);
    String holder = wallet.publicKey().didKey();
    assertEquals("invalid_proof", f.postJson(inv.exchangeUrl().toString(), didAuth(wallet, holder, "other-challenge", domain), null).error());
    assertEquals("invalid_proof", f.postJson(inv.exchangeUrl().toString(), didAuth(wallet, holder, inv.challenge(), "evil.example"), null).error());
    // signed by a key that is not the holder's
    assertEquals("invalid_proof", f.postJson(inv.exchangeUrl().toString(), didAuth(other, holder, inv.challenge(), domain), null).error());
    // the exchange survives refused attempts
    assertEquals(200, f.postJson(inv.exchangeUrl().toString(), didAuth(wallet, holder, inv.challenge(), domain), null).status());
    assertEquals(404, f.postJson(f.base + "/exchanges/unknown", "{}", null).status());
  }
}
