package io.github.insignia.openbadges.signing.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyResolutionException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.SigningErrorCode;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.resolve.DocumentFetcher;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import io.github.insignia.openbadges.signing.verify.Provenance;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Presentations by {@code did:web} holders (Data Integrity and vp+jwt): the holder's key must be
 * listed under {@code authentication} of its DID document, served here by a loopback HTTP server.
 * The DIDs name the server ({@code did:web:127.0.0.1%3A<port>:<name>}); the test's fetcher, standing
 * in for a host that allows loopback, reads their {@code https} document URLs over plain HTTP.
 */
class DidWebHolderTest {
  private static final SigningKey HOLDER = SigningKey.generate(KeyType.ED25519);
  private static final SigningKey OTHER = SigningKey.generate(KeyType.ED25519);
  private static final VerificationPolicy POLICY = VerificationPolicy.defaults();
  private static final DataIntegrity DI = DataIntegrity.create();
  private static final Map<String, byte[]> DOCUMENTS = new ConcurrentHashMap<>();
  private static HttpServer server;
  private static String host;

  @BeforeAll
  static void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = DOCUMENTS.get(exchange.getRequestURI().getPath());
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.getResponseHeaders().add("Content-Type", "application/did+json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    host = "127.0.0.1%3A" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  /** A host fetcher that allows this loopback server (over HTTP: it has no TLS) and nothing else. */
  private static final DocumentFetcher LOOPBACK = new DocumentFetcher() {
    private final HttpClient client = HttpClient.newHttpClient();

    @Override
    public byte[] fetch(URI url) {
      if (!"127.0.0.1".equals(url.getHost()) || url.getPort() != server.getAddress().getPort()) {
        throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, "not the test server: " + url);
      }
      try {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http" + url.toString().substring(5))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, "HTTP " + response.statusCode() + " from " + url);
        }
        return response.body();
      } catch (IOException | InterruptedException e) {
        throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, e.toString(), e);
      }
    }
  };

  /** A fresh did:web for one test (its own document path, so tests and caches never share one). */
  private static String did(String name) {
    return "did:web:" + host + ":holders:" + name;
  }

  /** Serves the DID document of {@code did}. */
  private static void publish(String did, ObjectNode document) {
    DOCUMENTS.put(KeyDocuments.didWebDocumentUrl(did).getPath(), SafeJson.write(document).getBytes(StandardCharsets.UTF_8));
  }

  /** A DID document with HOLDER's key {@code did#key-1} (controlled by {@code controller}) listed under {@code members}. */
  private static ObjectNode document(String did, String controller, String... members) {
    ObjectNode doc = (ObjectNode) SafeJson.read("{\"@context\":[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/multikey/v1\"],"
        + "\"id\":\"" + did + "\"}");
    doc.putArray("verificationMethod").add(KeyDocuments.multikeyDocument(did + "#key-1", controller, HOLDER.publicKey()));
    for (String member : members) {
      doc.putArray(member).add(did + "#key-1");
    }
    return doc;
  }

  private static ObjectNode presentation(String holder) {
    ObjectNode vp = (ObjectNode) SafeJson.read("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":[\"VerifiablePresentation\"],\"verifiableCredential\":[]}");
    vp.put("holder", holder);
    return vp;
  }

  private static ObjectNode diPresentation(String holder, SigningKey key, String vm) {
    return DI.sign(presentation(holder), key, ProofOptions.builder(vm).proofPurpose("authentication").challenge("c-1").build());
  }

  private static String vpJwt(String holder, SigningKey key, String kid) {
    ObjectNode payload = presentation(holder);
    payload.put("nonce", "c-1");
    return CompactJws.sign(key, Optional.of(kid), Optional.of("vp+jwt"), payload.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static DataIntegrity.Verified verifyDi(IssuerKeys keys, ObjectNode vp) {
    return DI.verifier(keys, POLICY).verifyPresentation(vp, Optional.of("c-1"), Optional.empty());
  }

  private static VpJwt.Verified verifyJwt(IssuerKeys keys, String token) {
    return VpJwt.verifier(keys, POLICY).verify(token, Optional.of("c-1"), Optional.empty());
  }

  private static ProofVerificationException refused(Executable call) {
    return assertThrows(ProofVerificationException.class, call);
  }

  @Test
  void aKeyUnderAuthenticationAuthenticatesTheHolder() {
    String did = did("alice");
    publish(did, document(did, did, "authentication"));
    IssuerKeys keys = IssuerKeys.create(LOOPBACK);
    DataIntegrity.Verified di = verifyDi(keys, diPresentation(did, HOLDER, did + "#key-1"));
    assertEquals(Provenance.DID_WEB_AUTHENTICATION, di.proofs().get(0).boundKey().orElseThrow().provenance());
    assertEquals(did, di.proofs().get(0).boundKey().orElseThrow().issuerId());
    VpJwt.Verified jwt = verifyJwt(keys, vpJwt(did, HOLDER, did + "#key-1"));
    assertEquals(did, jwt.holder());
    assertEquals(Provenance.DID_WEB_AUTHENTICATION, jwt.boundKey().provenance());
    // The same key, only under authentication, does not issue credentials for the DID (and the
    // holder's cached key set does not answer for the issuer's).
    String credential = VcJwt.sign(SafeJson.read("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":[\"VerifiableCredential\"],\"issuer\":\"" + did + "\",\"validFrom\":\"2025-01-01T00:00:00Z\","
        + "\"credentialSubject\":{\"id\":\"did:example:s\"}}"), HOLDER, did + "#key-1");
    ProofVerificationException e = refused(() -> VcJwt.verifier(keys, POLICY).verify(credential));
    assertEquals(ProofFailure.KEY_NOT_BOUND, e.failure());
    assertEquals(SigningErrorCode.KEY_NOT_BOUND_TO_ISSUER, e.errorCode());
  }

  @Test
  void aKeyOnlyUnderAssertionMethodDoesNotAuthenticate() {
    String did = did("assert-only");
    publish(did, document(did, did, "assertionMethod"));
    IssuerKeys keys = IssuerKeys.create(LOOPBACK);
    ProofVerificationException di = refused(() -> verifyDi(keys, diPresentation(did, HOLDER, did + "#key-1")));
    assertEquals(ProofFailure.KEY_NOT_BOUND, di.failure());
    assertEquals(SigningErrorCode.KEY_NOT_BOUND_TO_ISSUER, di.errorCode());
    ProofVerificationException jwt = refused(() -> verifyJwt(keys, vpJwt(did, HOLDER, did + "#key-1")));
    assertEquals(ProofFailure.KEY_NOT_BOUND, jwt.failure());
    // Only under verificationMethod: not listed for authentication either.
    String bare = did("bare");
    publish(bare, document(bare, bare));
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> verifyDi(keys, diPresentation(bare, HOLDER, bare + "#key-1"))).failure());
  }

  @Test
  void aKeyOfAnotherDidIsRefused() {
    String did = did("carol");
    String other = did("mallory");
    publish(did, document(did, did, "authentication"));
    publish(other, document(other, other, "authentication"));
    IssuerKeys keys = IssuerKeys.create(LOOPBACK);
    // Signed with another did:web's authentication key, naming carol as holder.
    ProofVerificationException di = refused(() -> verifyDi(keys, diPresentation(did, HOLDER, other + "#key-1")));
    assertEquals(ProofFailure.KEY_NOT_BOUND, di.failure());
    assertEquals(SigningErrorCode.PRESENTATION_HOLDER_MISMATCH, di.errorCode());
    ProofVerificationException jwt = refused(() -> verifyJwt(keys, vpJwt(did, HOLDER, other + "#key-1")));
    assertEquals(SigningErrorCode.PRESENTATION_HOLDER_MISMATCH, jwt.errorCode());
    // Signed by a key carol does not list, naming carol's key id.
    assertEquals(ProofFailure.SIGNATURE_INVALID, refused(() -> verifyDi(keys, diPresentation(did, OTHER, did + "#key-1"))).failure());
    assertEquals(ProofFailure.SIGNATURE_INVALID, refused(() -> verifyJwt(keys, vpJwt(did, OTHER, did + "#key-1"))).failure());
    // A did:key the document does not list, for a did:web holder.
    assertEquals(SigningErrorCode.PRESENTATION_HOLDER_MISMATCH,
        refused(() -> verifyDi(keys, diPresentation(did, OTHER, OTHER.publicKey().didKeyVerificationMethod()))).errorCode());
  }

  @Test
  void aMethodControlledBySomeoneElseIsRefused() {
    String did = did("dave");
    publish(did, document(did, did("eve"), "authentication"));
    IssuerKeys keys = IssuerKeys.create(LOOPBACK);
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> verifyDi(keys, diPresentation(did, HOLDER, did + "#key-1"))).failure());
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> verifyJwt(keys, vpJwt(did, HOLDER, did + "#key-1"))).failure());
    // A document that is another DID's binds nothing.
    String frank = did("frank");
    publish(frank, document(did("grace"), frank, "authentication"));
    assertEquals(ProofFailure.KEY_NOT_BOUND, refused(() -> verifyDi(keys, diPresentation(frank, HOLDER, frank + "#key-1"))).failure());
  }

  @Test
  void anUnobtainableDocumentCannotBeDecided() {
    String did = did("nobody"); // never published: the server answers 404
    IssuerKeys keys = IssuerKeys.create(LOOPBACK);
    ProofVerificationException di = refused(() -> verifyDi(keys, diPresentation(did, HOLDER, did + "#key-1")));
    assertEquals(ProofFailure.ISSUER_KEYS_UNAVAILABLE, di.failure());
    assertEquals(SigningErrorCode.ISSUER_DOCUMENT_UNAVAILABLE, di.errorCode());
    assertEquals(ProofFailure.ISSUER_KEYS_UNAVAILABLE, refused(() -> verifyJwt(keys, vpJwt(did, HOLDER, did + "#key-1"))).failure());
    // Failures are not cached: once published, the same resolver binds the key.
    publish(did, document(did, did, "authentication"));
    verifyDi(keys, diPresentation(did, HOLDER, did + "#key-1"));
  }

  @Test
  void aHolderThatIsNoDidIsStillUnsupported() {
    String holder = "https://wallet.example/alice";
    ProofVerificationException e = refused(() -> verifyDi(IssuerKeys.create(LOOPBACK), diPresentation(holder, HOLDER, holder + "#key-1")));
    assertEquals(ProofFailure.SUITE_UNSUPPORTED, e.failure());
    assertEquals(SigningErrorCode.PRESENTATION_HOLDER_UNSUPPORTED, e.errorCode());
    ProofVerificationException bound = refused(() -> IssuerKeys.create(LOOPBACK).bind(holder, Optional.of(holder + "#key-1"),
        Optional.empty(), IssuerKeys.Format.DATA_INTEGRITY, IssuerKeys.Relationship.AUTHENTICATION, POLICY));
    assertEquals(ProofFailure.KEY_NOT_BOUND, bound.failure());
  }
}
