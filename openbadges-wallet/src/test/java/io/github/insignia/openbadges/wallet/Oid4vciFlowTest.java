package io.github.insignia.openbadges.wallet;

import static io.github.insignia.openbadges.wallet.WalletFixture.credentialRequest;
import static io.github.insignia.openbadges.wallet.WalletFixture.jwk;
import static io.github.insignia.openbadges.wallet.WalletFixture.kid;
import static io.github.insignia.openbadges.wallet.WalletFixture.proof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.wallet.internal.HolderProofs;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pre-authorized code flow over real HTTP, and every refusal with the spec's error code. */
class Oid4vciFlowTest {
  private static WalletFixture f;
  private static BadgeVerifier verifier;

  @BeforeAll
  static void start() throws Exception {
    f = WalletFixture.start();
    verifier = BadgeVerifier.create(VerificationOptions.builder().offline(true).build());
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  private static CredentialOffer offer(boolean pin) {
    return f.offers.offer(OfferRequest.builder(WalletFixture.achievement())
        .formats(WalletFormat.LDP_VC, WalletFormat.JWT_VC_JSON).txCode(pin).build());
  }

  @Test
  void metadataNamesBothFormatsAndTheEndpoints() throws Exception {
    WalletFixture.Answer m = f.get(f.base + "/.well-known/openid-credential-issuer");
    assertEquals(200, m.status());
    assertEquals(f.base, m.json().get("credential_issuer").asText());
    assertEquals(f.base + "/oid4vci/credential", m.json().get("credential_endpoint").asText());
    assertEquals(f.base + "/oid4vci/nonce", m.json().get("nonce_endpoint").asText());
    assertEquals("ldp_vc", m.json().at("/credential_configurations_supported/OpenBadgeCredential_ldp_vc/format").asText());
    assertEquals("jwt_vc_json", m.json().at("/credential_configurations_supported/OpenBadgeCredential_jwt_vc_json/format").asText());
    WalletFixture.Answer as = f.get(f.base + "/.well-known/oauth-authorization-server");
    assertEquals(f.base + "/oid4vci/token", as.json().get("token_endpoint").asText());
    assertTrue(as.json().get("pre-authorized_grant_anonymous_access_supported").asBoolean());
  }

  @Test
  void pinFlowDeliversAValidCredentialBoundToTheWalletDidKey() throws Exception {
    CredentialOffer offer = offer(true);
    String uri = offer.uriByReference();
    assertTrue(uri.startsWith("openid-credential-offer://?credential_offer_uri="), uri);
    String url = URLDecoder.decode(uri.substring(uri.indexOf('=') + 1), StandardCharsets.UTF_8);
    WalletFixture.Answer byRef = f.get(url);
    assertEquals(200, byRef.status());
    assertEquals(offer.preAuthorizedCode(),
        byRef.json().at("/grants/urn:ietf:params:oauth:grant-type:pre-authorized_code/pre-authorized_code").asText());
    assertEquals(6, byRef.json().at("/grants/urn:ietf:params:oauth:grant-type:pre-authorized_code/tx_code/length").asInt());
    assertTrue(offer.terminalQr().contains("\u2588"));

    WalletFixture.Answer token = f.token(offer, offer.txCode().orElseThrow());
    assertEquals(200, token.status(), token.raw().body());
    assertEquals("no-store", token.raw().headers().firstValue("Cache-Control").orElse(""));
    String access = token.json().get("access_token").asText();
    SigningKey wallet = SigningKey.generate(KeyType.ED25519);
    String jwt = proof(wallet, kid(wallet), f.base, f.clock.instant(), f.nonce());
    WalletFixture.Answer cred = f.postJson("/oid4vci/credential", credentialRequest("OpenBadgeCredential_ldp_vc", jwt), access);
    assertEquals(200, cred.status(), cred.raw().body());
    String credential = cred.json().at("/credentials/0/credential").toString();
    assertEquals(wallet.publicKey().didKey(), cred.json().at("/credentials/0/credential/credentialSubject/id").asText());
    VerificationReport report = verifier.verify(credential);
    assertTrue(report.valid(), report.summary());

    // the same token also grants the JWT format once, here with the key in the header (did:jwk subject)
    String jwt2 = proof(wallet, jwk(wallet), f.base, f.clock.instant(), f.nonce());
    WalletFixture.Answer cred2 = f.postJson("/oid4vci/credential", credentialRequest("OpenBadgeCredential_jwt_vc_json", jwt2), access);
    assertEquals(200, cred2.status(), cred2.raw().body());
    String vcJwt = cred2.json().at("/credentials/0/credential").asText();
    VerificationReport jwtReport = verifier.verify(vcJwt);
    assertTrue(jwtReport.valid(), jwtReport.summary());
    assertTrue(vcJwt.split("\\.").length == 3);
    // used up: each configuration once
    String jwt3 = proof(wallet, kid(wallet), f.base, f.clock.instant(), f.nonce());
    WalletFixture.Answer again = f.postJson("/oid4vci/credential", credentialRequest("OpenBadgeCredential_ldp_vc", jwt3), access);
    assertEquals(401, again.status());
    assertEquals("invalid_token", again.error());
    assertTrue(again.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
  }

  @Test
  void aCopyOfAHeldBadgeExpiresWithItInBothFormats() throws Exception {
    Instant until = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
    CredentialOffer offer = f.offers.offer(OfferRequest.builder(WalletFixture.achievement())
        .formats(WalletFormat.LDP_VC, WalletFormat.JWT_VC_JSON).validUntil(until).build());
    String access = f.token(offer, null).json().get("access_token").asText();
    SigningKey wallet = SigningKey.generate(KeyType.ED25519);
    WalletFixture.Answer ldp = f.postJson("/oid4vci/credential",
        credentialRequest("OpenBadgeCredential_ldp_vc", proof(wallet, kid(wallet), f.base, f.clock.instant(), f.nonce())), access);
    assertEquals(200, ldp.status(), ldp.raw().body());
    assertEquals(until, Instant.parse(ldp.json().at("/credentials/0/credential/validUntil").asText()));
    VerificationReport report = verifier.verify(ldp.json().at("/credentials/0/credential").toString());
    assertTrue(report.valid(), report.summary());

    WalletFixture.Answer jwt = f.postJson("/oid4vci/credential",
        credentialRequest("OpenBadgeCredential_jwt_vc_json", proof(wallet, kid(wallet), f.base, f.clock.instant(), f.nonce())), access);
    assertEquals(200, jwt.status(), jwt.raw().body());
    String vcJwt = jwt.json().at("/credentials/0/credential").asText();
    VerificationReport jwtReport = verifier.verify(vcJwt);
    assertTrue(jwtReport.valid(), jwtReport.summary());
    String payload = new String(java.util.Base64.getUrlDecoder().decode(vcJwt.split("\\.")[1]), StandardCharsets.UTF_8);
    assertTrue(payload.contains("\"validUntil\":\"" + until + "\""), payload);

    // a credential that would be expired when issued is never offered (neither way)
    OfferRequest past = OfferRequest.builder(WalletFixture.achievement()).validUntil(f.clock.instant()).build();
    assertEquals(WalletErrorCode.WALLET_OFFER_INVALID,
        assertThrows(io.github.insignia.openbadges.InvalidInputException.class, () -> f.offers.offer(past)).errorCode());
    assertEquals(WalletErrorCode.WALLET_OFFER_INVALID,
        assertThrows(io.github.insignia.openbadges.InvalidInputException.class, () -> f.offers.exchange(past)).errorCode());

    // without it, the issuer's policy (here: none) decides, as before
    CredentialOffer plain = offer(false);
    String plainAccess = f.token(plain, null).json().get("access_token").asText();
    WalletFixture.Answer none = f.postJson("/oid4vci/credential",
        credentialRequest("OpenBadgeCredential_ldp_vc", proof(wallet, kid(wallet), f.base, f.clock.instant(), f.nonce())), plainAccess);
    assertFalse(none.json().at("/credentials/0/credential").has("validUntil"));
  }

  @Test
  void jwkHolderGetsADidJwkSubject() throws Exception {
    CredentialOffer offer = offer(false);
    String access = f.token(offer, null).json().get("access_token").asText();
    SigningKey wallet = SigningKey.generate(KeyType.ED25519);
    WalletFixture.Answer cred = f.postJson("/oid4vci/credential",
        credentialRequest("OpenBadgeCredential_ldp_vc", proof(wallet, jwk(wallet), f.base, f.clock.instant(), f.nonce())), access);
    assertEquals(200, cred.status(), cred.raw().body());
    assertEquals(HolderProofs.didJwk(wallet.publicKey()), cred.json().at("/credentials/0/credential/credentialSubject/id").asText());
  }

  @Test
  void replayedPreAuthorizedCodeIsInvalidGrant() throws Exception {
    CredentialOffer offer = offer(false);
    assertEquals(200, f.token(offer, null).status());
    WalletFixture.Answer replay = f.token(offer, null);
    assertEquals(400, replay.status());
    assertEquals("invalid_grant", replay.error());
    assertEquals(404, f.get(offer.offerUrl().toString()).status(), "a redeemed offer is no longer served");
  }

  @Test
  void expiredOfferIsInvalidGrant() throws Exception {
    CredentialOffer offer = f.offers.offer(OfferRequest.builder(WalletFixture.achievement()).lifetime(Duration.ofMinutes(2)).build());
    f.clock.advance(Duration.ofMinutes(3));
    WalletFixture.Answer late = f.token(offer, null);
    assertEquals(400, late.status());
    assertEquals("invalid_grant", late.error());
    assertEquals(404, f.get(offer.offerUrl().toString()).status());
  }

  @Test
  void wrongOrMissingPinIsRefusedAndFiveWrongTriesBurnTheCode() throws Exception {
    CredentialOffer offer = offer(true);
    String pin = offer.txCode().orElseThrow();
    String wrong = pin.equals("000000") ? "111111" : "000000";
    WalletFixture.Answer missing = f.token(offer, null);
    assertEquals("invalid_request", missing.error());
    WalletFixture.Answer bad = f.token(offer, wrong);
    assertEquals(400, bad.status());
    assertEquals("invalid_grant", bad.error());
    assertEquals(200, f.token(offer, pin).status(), "the code survives fewer than five wrong tries");

    CredentialOffer burnt = offer(true);
    for (int i = 0; i < 5; i++) {
      assertEquals("invalid_grant", f.token(burnt, burnt.txCode().get().equals("000000") ? "111111" : "000000").error());
    }
    assertEquals("invalid_grant", f.token(burnt, burnt.txCode().get()).error(), "five wrong tries burn the code");
    CredentialOffer noPin = offer(false);
    assertEquals("invalid_request", f.token(noPin, "123456").error());
  }

  private static String accessToken() throws Exception {
    return f.token(offer(false), null).json().get("access_token").asText();
  }

  @Test
  void proofWithWrongOrReusedNonceIsInvalidNonce() throws Exception {
    SigningKey wallet = SigningKey.generate(KeyType.ED25519);
    String access = accessToken();
    WalletFixture.Answer wrong = f.postJson("/oid4vci/credential",
        credentialRequest("OpenBadgeCredential_ldp_vc", proof(wallet, kid(wallet), f.base, f.clock.instant(), "not-a-nonce-we-gave")), access);
    assertEquals(400, wrong.status());
    assertEquals("invalid_nonce", wrong.error());
    String nonce = f.nonce();
    assertEquals(200, f.postJson("/oid4vci/credential",
        credentialRequest("OpenBadgeCredential_ldp_vc", proof(wallet, kid(wallet), f.base, f.clock.instant(), nonce)), access).status());
    String access2 = accessToken();
    WalletFixture.Answer reused = f.postJson("/oid4vci/credential",
        credentialRequest("OpenBadgeCredential_ldp_vc", proof(wallet, kid(wallet), f.base, f.clock.instant(), nonce)), access2);
    assertEquals("invalid_nonce", reused.error());
    String old = f.nonce();
    f.clock.advance(Duration.ofMinutes(6));
    WalletFixture.Answer expired = f.postJson("/oid4vci/credential",
        credentialRequest("OpenBadgeCredential_ldp_vc", proof(wallet, kid(wallet), f.base, f.clock.instant(), old)), accessToken());
    assertEquals("invalid_nonce", expired.error());
  }

  @Test
  void proofSignedByAnotherKeyThanItNamesIsInvalidProof() throws Exception {
    SigningKey named = SigningKey.generate(KeyType.ED25519);
    SigningKey signer = SigningKey.generate(KeyType.ED25519);
    String access = accessToken();
    String nonce = f.nonce();
    WalletFixture.Answer forged = f.postJson("/oid4vci/credential",
        credentialRequest("OpenBadgeCredential_ldp_vc", proof(signer, kid(named), f.base, f.clock.instant(), nonce)), access);
    assertEquals(400, forged.status());
    assertEquals("invalid_proof", forged.error());
    WalletFixture.Answer forgedJwk = f.postJson("/oid4vci/credential",
        credentialRequest("OpenBadgeCredential_ldp_vc", proof(signer, jwk(named), f.base, f.clock.instant(), nonce)), access);
    assertEquals("invalid_proof", forgedJwk.error());
    // the nonce of a refused proof is not used up
    assertEquals(200, f.postJson("/oid4vci/credential",
        credentialRequest("OpenBadgeCredential_ldp_vc", proof(named, kid(named), f.base, f.clock.instant(), nonce)), access).status());
  }

  @Test
  void wrongAudienceStaleIatAndMissingTypAreInvalidProof() throws Exception {
    SigningKey wallet = SigningKey.generate(KeyType.ED25519);
    String access = accessToken();
    assertEquals("invalid_proof", f.postJson("/oid4vci/credential", credentialRequest("OpenBadgeCredential_ldp_vc",
        proof(wallet, kid(wallet), "https://other.example", f.clock.instant(), f.nonce())), access).error());
    assertEquals("invalid_proof", f.postJson("/oid4vci/credential", credentialRequest("OpenBadgeCredential_ldp_vc",
        proof(wallet, kid(wallet), f.base, f.clock.instant().minus(Duration.ofMinutes(10)), f.nonce())), access).error());
    assertEquals("invalid_proof", f.postJson("/oid4vci/credential", credentialRequest("OpenBadgeCredential_ldp_vc",
        proof(wallet, kid(wallet), f.base, f.clock.instant().plus(Duration.ofMinutes(10)), f.nonce())), access).error());
    String noTyp = proof(wallet, kid(wallet), f.base, f.clock.instant(), f.nonce());
    assertEquals("invalid_proof", f.postJson("/oid4vci/credential", credentialRequest("OpenBadgeCredential_ldp_vc",
        noTyp.substring(0, 3) + "x" + noTyp.substring(4)), access).error());
    assertEquals("invalid_proof", f.postJson("/oid4vci/credential",
        "{\"credential_configuration_id\":\"OpenBadgeCredential_ldp_vc\"}", access).error());
    assertEquals("unknown_credential_configuration", f.postJson("/oid4vci/credential",
        credentialRequest("UniversityDegree", proof(wallet, kid(wallet), f.base, f.clock.instant(), f.nonce())), access).error());
  }

  @Test
  void tokenAfterExpiryOrUnknownIsInvalidToken() throws Exception {
    SigningKey wallet = SigningKey.generate(KeyType.ED25519);
    String access = accessToken();
    f.clock.advance(Duration.ofMinutes(6));
    WalletFixture.Answer late = f.postJson("/oid4vci/credential", credentialRequest("OpenBadgeCredential_ldp_vc",
        proof(wallet, kid(wallet), f.base, f.clock.instant(), f.nonce())), access);
    assertEquals(401, late.status());
    assertEquals("invalid_token", late.error());
    assertEquals("invalid_token", f.postJson("/oid4vci/credential", "{}", null).error());
    assertEquals("invalid_token", f.postJson("/oid4vci/credential", "{}", "made-up").error());
  }

  @Test
  void tokenRequestErrors() throws Exception {
    assertEquals("unsupported_grant_type", f.postForm("/oid4vci/token", "grant_type=authorization_code&code=x").error());
    assertEquals("invalid_request", f.postForm("/oid4vci/token", "grant_type=" + WalletFixture.enc(WalletOffers.PRE_AUTHORIZED_GRANT)).error());
    assertEquals("invalid_grant", f.postForm("/oid4vci/token", "grant_type=" + WalletFixture.enc(WalletOffers.PRE_AUTHORIZED_GRANT)
        + "&pre-authorized_code=guessed").error());
    assertEquals(404, f.get(f.base + "/oid4vci/offers/unknown").status());
    int traversal = f.get(f.base + "/oid4vci/offers/..%2F..%2Fetc").status();
    assertTrue(traversal == 404 || traversal == 400, "status " + traversal);
  }

  @Test
  void draftProofFormIsAcceptedBatchesAndIdentifiersAreRefused() throws Exception {
    SigningKey wallet = SigningKey.generate(KeyType.ED25519);
    String access = accessToken();
    String one = proof(wallet, kid(wallet), f.base, f.clock.instant(), f.nonce());
    String two = proof(wallet, kid(wallet), f.base, f.clock.instant(), f.nonce());
    assertEquals("invalid_credential_request", f.postJson("/oid4vci/credential",
        "{\"credential_configuration_id\":\"OpenBadgeCredential_ldp_vc\",\"proofs\":{\"jwt\":[\"" + one + "\",\"" + two + "\"]}}",
        access).error());
    assertEquals("unknown_credential_identifier", f.postJson("/oid4vci/credential",
        "{\"credential_identifier\":\"x\",\"proofs\":{\"jwt\":[\"" + one + "\"]}}", access).error());
    assertEquals("invalid_credential_request", f.postJson("/oid4vci/credential", "[1]", access).error());
    WalletFixture.Answer draft = f.postJson("/oid4vci/credential",
        "{\"credential_configuration_id\":\"OpenBadgeCredential_ldp_vc\",\"proof\":{\"proof_type\":\"jwt\",\"jwt\":\"" + one + "\"}}",
        access);
    assertEquals(200, draft.status(), draft.raw().body());
  }
}
