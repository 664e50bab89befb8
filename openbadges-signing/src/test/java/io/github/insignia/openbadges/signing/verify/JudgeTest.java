package io.github.insignia.openbadges.signing.verify;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyResolutionException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.jose.Ob2Jws;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.resolve.DocumentFetcher;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The key-binding rule and every failure, through the public verifiers (fresh keys each run). */
class JudgeTest {
  private static final String ISSUER = "https://issuer.example/profile";
  private static final SigningKey ISSUER_KEY = SigningKey.generate(KeyType.ED25519);
  private static final SigningKey FORGER = SigningKey.generate(KeyType.ED25519);
  private static final VerificationPolicy POLICY = VerificationPolicy.defaults();
  private static final DataIntegrity DI = DataIntegrity.create();

  /** A host fetcher over a map; anything else is "not found" (its own exception, kept as the cause). */
  private static final class MapFetcher implements DocumentFetcher {
    final Map<String, String> docs = new HashMap<>();
    final AtomicInteger fetches = new AtomicInteger();

    MapFetcher put(String url, Object json) {
      docs.put(url, json instanceof String s ? s : SafeJson.write((JsonNode) json));
      return this;
    }

    @Override
    public byte[] fetch(URI url) {
      fetches.incrementAndGet();
      String body = docs.get(url.toString());
      if (body == null) {
        throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, "404 " + url);
      }
      return body.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static ObjectNode credential(String issuer) {
    return (ObjectNode) SafeJson.read("""
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "urn:uuid:2f1c6f1e-6a3b-4a4e-9c37-0d5f4f7c9a10", "type": ["VerifiableCredential", "OpenBadgeCredential"],
         "name": "Robotics", "issuer": {"id": "%s", "type": ["Profile"], "name": "Example Academy"},
         "validFrom": "2025-01-01T00:00:00Z",
         "credentialSubject": {"id": "mailto:learner@example.org", "type": ["AchievementSubject"],
           "achievement": {"id": "https://example.org/achievements/robotics", "type": ["Achievement"],
             "name": "Robotics", "description": "Builds robots.", "criteria": {"narrative": "Build one."}}}}
        """.formatted(issuer));
  }

  private static ObjectNode profileWithMultikey(String issuer, SigningKey key) {
    ObjectNode profile = (ObjectNode) SafeJson.read("{\"id\":\"" + issuer + "\",\"type\":\"Profile\"}");
    profile.putArray("verificationMethod").add(
        KeyDocuments.multikeyDocument(issuer + "#key-1", issuer, key.publicKey()));
    profile.putArray("assertionMethod").add(issuer + "#key-1");
    return profile;
  }

  /** A compact JWS with any header (to build forgeries the signer would never write). */
  private static String jws(String headerJson, byte[] payload, SigningKey key) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(payload);
    return input + "." + b64.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  private static ProofVerificationException refused(Runnable r) {
    return assertThrows(ProofVerificationException.class, r::run);
  }

  // ---------------------------------------------------------------- VC-JWT

  @Test
  void didKeyIssuerIsBoundByTheDidItself() {
    String did = ISSUER_KEY.publicKey().didKey();
    String jwt = VcJwt.sign(credential(did), ISSUER_KEY, ISSUER_KEY.publicKey().didKeyVerificationMethod());
    VcJwt.Verified v = VcJwt.verifier(IssuerKeys.offline(), POLICY).verify(jwt);
    assertEquals(Provenance.DID_KEY, v.boundKey().orElseThrow().provenance());
    assertTrue(v.boundKey().get().authenticatesIssuer());
  }

  @Test
  void didJwkIssuerIsBoundByTheDidItself() {
    String did = "did:jwk:" + Base64.getUrlEncoder().withoutPadding().encodeToString(
        SafeJson.write(ISSUER_KEY.publicKey().toJwk()).getBytes(StandardCharsets.UTF_8));
    String jwt = VcJwt.sign(credential(did), ISSUER_KEY, did + "#0");
    assertEquals(Provenance.DID_JWK, VcJwt.verifier(IssuerKeys.offline(), POLICY).verify(jwt).boundKey().orElseThrow().provenance());
  }

  @Test
  void aHeaderJwkOfAnotherKeyIsNotBoundEvenWithTheIssuersKid() {
    String did = ISSUER_KEY.publicKey().didKey();
    byte[] payload = VcJwt.payload(credential(did));
    String header = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + ISSUER_KEY.publicKey().didKeyVerificationMethod()
        + "\",\"jwk\":" + SafeJson.write(FORGER.publicKey().toJwk()) + "}";
    ProofVerificationException e = refused(() -> VcJwt.verifier(IssuerKeys.offline(), POLICY).verify(jws(header, payload, FORGER)));
    assertEquals(ProofFailure.KEY_NOT_BOUND, e.failure());
    assertEquals(Stage.KEY_BINDING, e.stage());
    assertTrue(e.getMessage().contains(did), e.getMessage());
  }

  @Test
  void aHeaderJwkEqualToTheBoundKeyVerifies() {
    String did = ISSUER_KEY.publicKey().didKey();
    String header = "{\"alg\":\"EdDSA\",\"jwk\":" + SafeJson.write(ISSUER_KEY.publicKey().toJwk()) + "}";
    VcJwt.Verified v = VcJwt.verifier(IssuerKeys.offline(), POLICY).verify(jws(header, VcJwt.payload(credential(did)), ISSUER_KEY));
    assertEquals(Provenance.DID_KEY, v.boundKey().orElseThrow().provenance());
  }

  @Test
  void anUnboundHeaderJwkIsAcceptedOnlyWhenThePolicySaysSoAndThenNotAuthenticated() {
    String header = "{\"alg\":\"EdDSA\",\"jwk\":" + SafeJson.write(FORGER.publicKey().toJwk()) + "}";
    String jwt = jws(header, VcJwt.payload(credential(ISSUER)), FORGER);
    MapFetcher fetcher = new MapFetcher().put(ISSUER, profileWithMultikey(ISSUER, ISSUER_KEY));
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> VcJwt.verifier(IssuerKeys.create(fetcher), POLICY).verify(jwt)).failure());
    VcJwt.Verified v = VcJwt.verifier(IssuerKeys.create(fetcher),
        VerificationPolicy.builder().acceptUnboundHeaderJwk(true).build()).verify(jwt);
    assertEquals(Provenance.UNBOUND_HEADER_JWK, v.boundKey().orElseThrow().provenance());
    assertFalse(v.boundKey().get().authenticatesIssuer());
  }

  @Test
  void httpsIssuerProfileKeyBindsAndAKidIntoAnotherDidDoesNot() {
    MapFetcher fetcher = new MapFetcher().put(ISSUER, profileWithMultikey(ISSUER, ISSUER_KEY));
    VcJwt.Verifier verifier = VcJwt.verifier(IssuerKeys.create(fetcher), POLICY);
    VcJwt.Verified v = verifier.verify(VcJwt.sign(credential(ISSUER), ISSUER_KEY, ISSUER + "#key-1"));
    assertEquals(Provenance.ISSUER_PROFILE, v.boundKey().orElseThrow().provenance());
    assertEquals(URI.create(ISSUER), v.boundKey().get().document().orElseThrow());
    String forged = VcJwt.sign(credential(ISSUER), FORGER, FORGER.publicKey().didKeyVerificationMethod());
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> verifier.verify(forged)).failure());
  }

  @Test
  void httpsIssuerBareKidInTheWellKnownJwks() {
    ObjectNode jwk = ISSUER_KEY.publicKey().toJwk();
    jwk.put("kid", "2024-1").put("iss", ISSUER);
    MapFetcher fetcher = new MapFetcher()
        .put("https://issuer.example/.well-known/jwks.json", "{\"keys\":[" + SafeJson.write(jwk) + "]}");
    String jwt = VcJwt.sign(credential(ISSUER), ISSUER_KEY, "2024-1");
    VcJwt.Verified v = VcJwt.verifier(IssuerKeys.create(fetcher), POLICY).verify(jwt);
    assertEquals(Provenance.WELL_KNOWN_JWKS, v.boundKey().orElseThrow().provenance());
    // A JWK whose iss names someone else binds nothing.
    jwk.put("iss", "https://other.example/");
    MapFetcher other = new MapFetcher()
        .put("https://issuer.example/.well-known/jwks.json", "{\"keys\":[" + SafeJson.write(jwk) + "]}")
        .put(ISSUER, "{\"id\":\"" + ISSUER + "\"}");
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> VcJwt.verifier(IssuerKeys.create(other), POLICY).verify(jwt)).failure());
  }

  @Test
  void issuerDocumentsUnobtainableIsUnavailableWithTheDocumentAndTheFetchersOwnCause() {
    MapFetcher fetcher = new MapFetcher();
    String forged = VcJwt.sign(credential(ISSUER), FORGER, ISSUER + "#key-1");
    ProofVerificationException e = refused(() -> VcJwt.verifier(IssuerKeys.create(fetcher), POLICY).verify(forged));
    assertEquals(ProofFailure.ISSUER_KEYS_UNAVAILABLE, e.failure());
    assertEquals(URI.create(ISSUER), e.missingDocument().orElseThrow());
    assertTrue(e.getCause() instanceof KeyResolutionException);
  }

  @Test
  void jkuX5uX5cAreNeverFetchedAndBindNothing() {
    MapFetcher fetcher = new MapFetcher();
    for (String member : List.of("jku", "x5u", "x5c")) {
      String value = member.equals("x5c") ? "[\"MIIB\"]" : "\"https://attacker.example/keys\"";
      String header = "{\"alg\":\"EdDSA\",\"kid\":\"k\",\"" + member + "\":" + value + "}";
      ProofVerificationException e = refused(() -> VcJwt.verifier(IssuerKeys.create(fetcher), POLICY)
          .verify(jws(header, VcJwt.payload(credential(ISSUER)), FORGER)));
      assertEquals(ProofFailure.KEY_NOT_BOUND, e.failure(), member);
    }
    assertEquals(0, fetcher.fetches.get());
  }

  @Test
  void algNoneHmacAndAMismatchedAlgorithmAreRefused() {
    String did = ISSUER_KEY.publicKey().didKey();
    byte[] payload = VcJwt.payload(credential(did));
    String kid = ISSUER_KEY.publicKey().didKeyVerificationMethod();
    VcJwt.Verifier verifier = VcJwt.verifier(IssuerKeys.offline(), POLICY);
    String none = jws("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}", payload, FORGER);
    assertEquals(ProofFailure.ALGORITHM_REFUSED, refused(() -> verifier.verify(none)).failure());
    String hs = jws("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}", payload, FORGER);
    assertEquals(ProofFailure.ALGORITHM_REFUSED, refused(() -> verifier.verify(hs)).failure());
    String es = jws("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}", payload, FORGER);
    assertEquals(ProofFailure.ALGORITHM_MISMATCH, refused(() -> verifier.verify(es)).failure());
  }

  @Test
  void alteredSignatureAndClaimsDisagreeing() {
    String did = ISSUER_KEY.publicKey().didKey();
    String kid = ISSUER_KEY.publicKey().didKeyVerificationMethod();
    VcJwt.Verifier verifier = VcJwt.verifier(IssuerKeys.offline(), POLICY);
    String jwt = VcJwt.sign(credential(did), ISSUER_KEY, kid);
    String altered = jwt.substring(0, jwt.lastIndexOf('.') + 1) + (jwt.endsWith("A") ? "B" : "A")
        + jwt.substring(jwt.lastIndexOf('.') + 2);
    assertEquals(Stage.SIGNATURE, refused(() -> verifier.verify(altered)).stage());
    ObjectNode payload = (ObjectNode) SafeJson.read(VcJwt.payload(credential(did)));
    payload.put("jti", "urn:uuid:other");
    String claims = jws("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}", SafeJson.write(payload).getBytes(StandardCharsets.UTF_8), ISSUER_KEY);
    assertEquals(ProofFailure.CLAIMS_MISMATCH, refused(() -> verifier.verify(claims)).failure());
  }

  // ---------------------------------------------------------------- did:web

  private static ObjectNode didDocument(String did, String member, String controller) {
    ObjectNode doc = (ObjectNode) SafeJson.read("{\"id\":\"" + did + "\"}");
    doc.putArray("verificationMethod").add(KeyDocuments.multikeyDocument(did + "#k", controller, ISSUER_KEY.publicKey()));
    if (member != null) {
      doc.putArray(member).add(did + "#k");
    }
    return doc;
  }

  @Test
  void didWebBindsOnlyAssertionMethodKeysControlledByTheDid() {
    String did = "did:web:issuer.example";
    String url = "https://issuer.example/.well-known/did.json";
    String jwt = VcJwt.sign(credential(did), ISSUER_KEY, did + "#k");
    MapFetcher good = new MapFetcher().put(url, didDocument(did, "assertionMethod", did));
    assertEquals(Provenance.DID_WEB_ASSERTION_METHOD,
        VcJwt.verifier(IssuerKeys.create(good), POLICY).verify(jwt).boundKey().orElseThrow().provenance());
    for (ObjectNode bad : List.of(didDocument(did, null, did), didDocument(did, "authentication", did),
        didDocument(did, "assertionMethod", "did:web:attacker.example"))) {
      MapFetcher f = new MapFetcher().put(url, bad);
      assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> VcJwt.verifier(IssuerKeys.create(f), POLICY).verify(jwt)).failure());
    }
  }

  // ---------------------------------------------------------------- Data Integrity

  private static ObjectNode signDi(String issuer, SigningKey key, String vm, String purpose, Instant created) {
    ProofOptions.Builder options = ProofOptions.builder(vm).proofPurpose(purpose);
    if (created != null) {
      options.created(created);
    }
    return DI.sign(credential(issuer), key, options.build());
  }

  @Test
  void dataIntegrityFragmentKeyMustBeListedByTheIssuersProfile() {
    String vm = ISSUER + "#" + ISSUER_KEY.publicKey().publicKeyMultibase();
    ObjectNode profile = (ObjectNode) SafeJson.read("{\"id\":\"" + ISSUER + "\"}");
    profile.putArray("publicKey").add(KeyDocuments.multikeyDocument(ISSUER + "#main", ISSUER, ISSUER_KEY.publicKey()));
    DataIntegrity.Verifier verifier = DI.verifier(IssuerKeys.create(new MapFetcher().put(ISSUER, profile)), POLICY);
    DataIntegrity.Verified v = verifier.verify(signDi(ISSUER, ISSUER_KEY, vm, "assertionMethod", null));
    assertEquals(Provenance.ISSUER_PROFILE, v.proofs().get(0).boundKey().orElseThrow().provenance());
    String forgedVm = ISSUER + "#" + FORGER.publicKey().publicKeyMultibase();
    ObjectNode forged = signDi(ISSUER, FORGER, forgedVm, "assertionMethod", null);
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> verifier.verify(forged)).failure());
    DataIntegrity.Verifier offline = DI.verifier(IssuerKeys.create(new MapFetcher()), POLICY);
    assertEquals(ProofFailure.ISSUER_KEYS_UNAVAILABLE, refused(() -> offline.verify(forged)).failure());
  }

  @Test
  void proofPurposeCreatedAndProofSets() {
    String did = ISSUER_KEY.publicKey().didKey();
    String vm = ISSUER_KEY.publicKey().didKeyVerificationMethod();
    DataIntegrity.Verifier verifier = DI.verifier(IssuerKeys.offline(), POLICY);
    ObjectNode auth = signDi(did, ISSUER_KEY, vm, "authentication", null);
    assertEquals(ProofFailure.PURPOSE_MISMATCH, refused(() -> verifier.verify(auth)).failure());
    ObjectNode future = signDi(did, ISSUER_KEY, vm, "assertionMethod", Instant.now().plusSeconds(30L * 24 * 3600));
    assertEquals(ProofFailure.PROOF_NOT_YET_VALID, refused(() -> verifier.verify(future)).failure());
    ObjectNode good = signDi(did, ISSUER_KEY, vm, "assertionMethod", null);
    ObjectNode set = DI.sign(good, FORGER, ProofOptions.builder(FORGER.publicKey().didKeyVerificationMethod()).build());
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> verifier.verify(set)).failure());
    ObjectNode altered = good.deepCopy();
    altered.put("name", "Forged");
    assertEquals(ProofFailure.SIGNATURE_INVALID, refused(() -> verifier.verify(altered)).failure());
    ObjectNode undefined = good.deepCopy();
    undefined.put("notDefinedAnywhere", "x");
    assertEquals(ProofFailure.DOCUMENT_ALTERED, refused(() -> verifier.verify(undefined)).failure());
  }

  // ---------------------------------------------------------------- OB 2.0

  private static ObjectNode ob2Assertion() {
    return (ObjectNode) SafeJson.read("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "urn:uuid:1",
         "recipient": {"type": "email", "hashed": false, "identity": "a@example.org"}, "badge": "https://badges.example/badge",
         "issuedOn": "2025-01-01T00:00:00Z"}""");
  }

  @Test
  void ob2KeyMustBeOwnedByAndListedByTheIssuerOnItsOrigin() {
    SigningKey rsa = SigningKey.generate(KeyType.P256);
    String issuer = "https://badges.example/issuer";
    String keyUrl = "https://badges.example/keys/1";
    ObjectNode assertion = ob2Assertion();
    String signed = Ob2Jws.sign(assertion, rsa, keyUrl);
    // A creator the obtained list does not name is unbound at once: the listed (unobtainable) key
    // documents need not be fetched; naming one of those instead cannot be decided now.
    String listed = "https://badges.example/keys/listed";
    MapFetcher listsAnother = new MapFetcher().put(issuer, "{\"id\":\"" + issuer + "\",\"publicKey\":\"" + listed + "\"}");
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> Ob2Jws.verifier(IssuerKeys.create(listsAnother), POLICY).verify(signed, issuer)).failure());
    String naming = Ob2Jws.sign(assertion, rsa, listed);
    assertEquals(ProofFailure.ISSUER_KEYS_UNAVAILABLE,
        refused(() -> Ob2Jws.verifier(IssuerKeys.create(listsAnother), POLICY).verify(naming, issuer)).failure());
    MapFetcher good = new MapFetcher()
        .put(issuer, "{\"id\":\"" + issuer + "\",\"type\":\"Issuer\",\"publicKey\":\"" + keyUrl + "\"}")
        .put(keyUrl, KeyDocuments.ob2CryptographicKey(keyUrl, issuer, rsa.publicKey()));
    Ob2Jws.Verified v = Ob2Jws.verifier(IssuerKeys.create(good), POLICY).verify(signed, issuer);
    assertEquals(Provenance.ISSUER_KEY_DOCUMENT, v.boundKey().orElseThrow().provenance());
    MapFetcher notListed = new MapFetcher().put(issuer, "{\"id\":\"" + issuer + "\"}")
        .put(keyUrl, KeyDocuments.ob2CryptographicKey(keyUrl, issuer, rsa.publicKey()));
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> Ob2Jws.verifier(IssuerKeys.create(notListed), POLICY).verify(signed, issuer)).failure());
    MapFetcher otherOwner = new MapFetcher()
        .put(issuer, "{\"id\":\"" + issuer + "\",\"publicKey\":\"" + keyUrl + "\"}")
        .put(keyUrl, KeyDocuments.ob2CryptographicKey(keyUrl, "https://attacker.example/", rsa.publicKey()));
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> Ob2Jws.verifier(IssuerKeys.create(otherOwner), POLICY).verify(signed, issuer)).failure());
    String foreignKey = "https://attacker.example/keys/1";
    String foreign = Ob2Jws.sign(assertion, rsa, foreignKey);
    MapFetcher otherOrigin = new MapFetcher()
        .put(issuer, "{\"id\":\"" + issuer + "\",\"publicKey\":\"" + foreignKey + "\"}")
        .put(foreignKey, KeyDocuments.ob2CryptographicKey(foreignKey, issuer, rsa.publicKey()));
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> Ob2Jws.verifier(IssuerKeys.create(otherOrigin), POLICY).verify(foreign, issuer)).failure());
  }

  @Test
  void aListedSelfDescribingFragmentBindsItsKey() {
    String vm = ISSUER + "#" + ISSUER_KEY.publicKey().publicKeyMultibase();
    // The profile lists the method by id only: the id spells out the key, the listing binds it.
    ObjectNode profile = (ObjectNode) SafeJson.read("{\"id\":\"" + ISSUER + "\",\"assertionMethod\":[\"" + vm + "\"]}");
    DataIntegrity.Verifier verifier = DI.verifier(IssuerKeys.create(new MapFetcher().put(ISSUER, profile)), POLICY);
    DataIntegrity.Verified v = verifier.verify(signDi(ISSUER, ISSUER_KEY, vm, "assertionMethod", null));
    assertEquals(Provenance.ISSUER_PROFILE, v.proofs().get(0).boundKey().orElseThrow().provenance());
    String forgedVm = ISSUER + "#" + FORGER.publicKey().publicKeyMultibase();
    assertEquals(ProofFailure.KEY_NOT_BOUND,
        refused(() -> verifier.verify(signDi(ISSUER, FORGER, forgedVm, "assertionMethod", null))).failure());
  }

  // ---------------------------------------------------------------- caching, http

  @Test
  void keySetsAreCachedByIssuerIdAndFailuresAreNot() {
    MapFetcher fetcher = new MapFetcher();
    IssuerKeys keys = IssuerKeys.create(fetcher);
    assertThrows(ProofVerificationException.class, () -> keys.keysOf(ISSUER));
    fetcher.put(ISSUER, profileWithMultikey(ISSUER, ISSUER_KEY));
    List<BoundKey> first = keys.keysOf(ISSUER);
    int fetches = fetcher.fetches.get();
    assertSame(first, keys.keysOf(ISSUER));
    assertEquals(fetches, fetcher.fetches.get());
  }

  @Test
  void anHttpIssuerOnLoopbackWorksThroughTheCallersFetcher() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    try {
      String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
      byte[] profile = SafeJson.write(profileWithMultikey(issuer, ISSUER_KEY)).getBytes(StandardCharsets.UTF_8);
      server.createContext("/issuer", exchange -> {
        exchange.sendResponseHeaders(200, profile.length);
        exchange.getResponseBody().write(profile);
        exchange.close();
      });
      server.start();
      HttpClient client = HttpClient.newHttpClient();
      DocumentFetcher http = url -> {
        try {
          HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
          if (response.statusCode() != 200) {
            throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, "HTTP " + response.statusCode());
          }
          return response.body();
        } catch (java.io.IOException | InterruptedException e) {
          throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, e.toString(), e);
        }
      };
      String jwt = VcJwt.sign(credential(issuer), ISSUER_KEY, issuer + "#key-1");
      assertEquals(Provenance.ISSUER_PROFILE, VcJwt.verifier(IssuerKeys.create(http), POLICY).verify(jwt)
          .boundKey().orElseThrow().provenance());
      String forged = VcJwt.sign(credential(issuer), FORGER, issuer + "#key-1");
      assertEquals(ProofFailure.SIGNATURE_INVALID, refused(() -> VcJwt.verifier(IssuerKeys.create(http), POLICY).verify(forged)).failure());
    } finally {
      server.stop(0);
    }
  }
}
