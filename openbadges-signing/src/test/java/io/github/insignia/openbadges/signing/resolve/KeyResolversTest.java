package io.github.insignia.openbadges.signing.resolve;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyResolutionException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.VerificationMethod;
import io.github.insignia.openbadges.signing.VerificationMethodResolver;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class KeyResolversTest {
  static final SigningKey ED = SigningKey.generate(KeyType.ED25519);
  static final SigningKey P256 = SigningKey.generate(KeyType.P256);
  static final SigningKey RSA = SigningKey.generateRsa(2048);

  final Map<String, JsonNode> web = new HashMap<>();
  final AtomicInteger fetches = new AtomicInteger();
  final DocumentFetcher fetcher = url -> {
    fetches.incrementAndGet();
    JsonNode doc = web.get(url.toString());
    if (doc == null) {
      throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, "404 " + url);
    }
    return SafeJson.write(doc).getBytes(StandardCharsets.UTF_8);
  };

  static void fails(String code, Executable body) {
    assertEquals(code, assertThrows(OpenBadgesException.class, body).code());
  }

  static VerificationKey key(VerificationMethod m) {
    return VerificationKey.of(m);
  }

  @Test
  void didKeyOffline() {
    VerificationMethod m = KeyResolvers.didKey().resolve(P256.publicKey().didKeyVerificationMethod());
    assertEquals(P256.publicKey(), key(m));
    assertEquals(Optional.of(P256.publicKey().didKey()), m.controller());
    fails("KEY_RESOLVER_UNSUPPORTED", () -> KeyResolvers.didKey().resolve("https://example.org/k"));
    fails("MULTIBASE_MALFORMED", () -> KeyResolvers.didKey().resolve("did:key:zzz0"));
  }

  @Test
  void didJwkOffline() {
    String did = "did:jwk:" + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(SafeJson.write(P256.publicKey().toJwk()).getBytes(StandardCharsets.UTF_8));
    VerificationMethod m = KeyResolvers.didJwk().resolve(did + "#0");
    assertEquals(P256.publicKey(), key(m));
    assertEquals(did + "#0", m.id());
    assertEquals(Optional.of(did), m.controller());
    fails("KEY_RESOLVER_UNSUPPORTED", () -> KeyResolvers.didJwk().resolve(ED.publicKey().didKeyVerificationMethod()));
    fails("KEY_MALFORMED", () -> KeyResolvers.didJwk().resolve("did:jwk:!!!"));
    String privateJwk = "did:jwk:" + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AA\",\"d\":\"AA\"}".getBytes(StandardCharsets.UTF_8));
    fails("KEY_MALFORMED", () -> KeyResolvers.didJwk().resolve(privateJwk));
  }

  /** A host's typed fetch failure (say an HTTP 403) reaches the caller as it was thrown. */
  @Test
  void fetcherExceptionsPropagateUnchanged() {
    enum HostCode implements io.github.insignia.openbadges.ErrorCode { HOST_FORBIDDEN }
    class Forbidden extends io.github.insignia.openbadges.InvalidInputException {
      Forbidden() {
        super(HostCode.HOST_FORBIDDEN, "403");
      }
    }
    Forbidden forbidden = new Forbidden();
    DocumentFetcher refusing = url -> {
      throw forbidden;
    };
    VerificationMethodResolver standard = KeyResolvers.standard(refusing);
    for (String id : List.of("did:web:example.org#key-1", "https://example.org/keys/1", "https://example.org/issuer#key-1")) {
      assertEquals(forbidden, assertThrows(Forbidden.class, () -> standard.resolve(id)));
    }
    assertEquals(forbidden, assertThrows(Forbidden.class,
        () -> KeyResolvers.jwks(java.net.URI.create("https://example.org/jwks.json"), refusing).resolve("k1")));
  }

  @Test
  void didWebDocument() {
    String did = "did:web:issuer.example.org:badges";
    web.put("https://issuer.example.org/badges/did.json", KeyDocuments.didDocument(did, List.of(ED.publicKey(), RSA.publicKey())));
    VerificationMethodResolver resolver = KeyResolvers.didWeb(fetcher);
    VerificationMethod ed = resolver.resolve(did + "#" + ED.publicKey().publicKeyMultibase());
    assertEquals(ED.publicKey(), key(ed));
    assertEquals(Optional.of(did), ed.controller());
    assertEquals(RSA.publicKey(), key(resolver.resolve(did + "#" + RSA.publicKey().thumbprint())));
    fails("KEY_NOT_FOUND", () -> resolver.resolve(did + "#other"));
    web.put("https://evil.example/.well-known/did.json", KeyDocuments.didDocument(did, List.of(ED.publicKey())));
    fails("KEY_DOCUMENT_INVALID", () -> resolver.resolve("did:web:evil.example#" + ED.publicKey().publicKeyMultibase()));
  }

  @Test
  void httpsKeyAndControllerDocumentsAndJwks() {
    String issuer = "https://issuer.example.org/profile";
    String vm = issuer + "#key-1";
    ObjectNode controller = KeyDocuments.didDocument(issuer, List.of());
    controller.withArray("verificationMethod").add(KeyDocuments.verificationMethodDocument("#key-1", issuer, ED.publicKey()));
    web.put(issuer, controller);
    VerificationMethodResolver https = KeyResolvers.https(fetcher);
    VerificationMethod m = https.resolve(vm);
    assertEquals(ED.publicKey(), key(m));
    assertEquals(Optional.of(issuer), m.controller());
    String keyUrl = "https://issuer.example.org/keys/2";
    web.put(keyUrl, KeyDocuments.multikeyDocument(keyUrl, issuer, P256.publicKey()));
    assertEquals(P256.publicKey(), key(https.resolve(keyUrl)));
    String jwksUrl = "https://issuer.example.org/.well-known/jwks.json";
    web.put(jwksUrl, KeyDocuments.jwks(List.of(new KeyDocuments.KeyWithId("rsa-1", RSA.publicKey()))));
    assertEquals(RSA.publicKey(), key(https.resolve(jwksUrl + "#rsa-1")));
    assertEquals(RSA.publicKey(), key(KeyResolvers.jwks(java.net.URI.create(jwksUrl), fetcher).resolve("rsa-1")));
    ObjectNode leaked = KeyDocuments.jwks(List.of(new KeyDocuments.KeyWithId("x", ED.publicKey())));
    ((ObjectNode) leaked.get("keys").get(0)).put("d", "AAAA");
    web.put("https://issuer.example.org/leaky.json", leaked);
    fails("KEY_DOCUMENT_INVALID", () -> https.resolve("https://issuer.example.org/leaky.json#x"));
    fails("KEY_FETCH_FAILED", () -> https.resolve("https://issuer.example.org/missing#k"));
    fails("KEY_RESOLVER_UNSUPPORTED", () -> https.resolve("ftp://issuer.example.org/k"));
  }

  @Test
  void issuerFragmentConvention() {
    String id = "https://example.edu/issuers/565049#" + ED.publicKey().publicKeyMultibase();
    VerificationMethod m = KeyResolvers.issuerFragment().resolve(id);
    assertEquals(ED.publicKey(), key(m));
    assertEquals(Optional.of("https://example.edu/issuers/565049"), m.controller());
    fails("KEY_RESOLVER_UNSUPPORTED", () -> KeyResolvers.issuerFragment().resolve("https://example.edu/issuers/565049#key-1"));
  }

  @Test
  void standardChainCachesSuccesses() {
    String keyUrl = "https://issuer.example.org/keys/3";
    web.put(keyUrl, KeyDocuments.multikeyDocument(keyUrl, "https://issuer.example.org", ED.publicKey()));
    VerificationMethodResolver standard = KeyResolvers.standard(fetcher);
    standard.resolve(keyUrl);
    standard.resolve(keyUrl);
    assertEquals(1, fetches.get());
    standard.resolve(ED.publicKey().didKeyVerificationMethod());
    assertEquals(1, fetches.get());
    fails("KEY_RESOLVER_UNSUPPORTED", () -> standard.resolve("urn:uuid:1234"));
    VerificationMethodResolver shortLived = KeyResolvers.caching(KeyResolvers.https(fetcher), 10, Duration.ZERO, Clock.systemUTC());
    shortLived.resolve(keyUrl);
    shortLived.resolve(keyUrl);
    assertEquals(3, fetches.get());
  }
}
