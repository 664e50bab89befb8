package io.github.insignia.openbadges.signing.resolve;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyResolutionException;
import io.github.insignia.openbadges.signing.VerificationMethod;
import io.github.insignia.openbadges.signing.VerificationMethodResolver;
import io.github.insignia.openbadges.signing.keys.DidKey;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.Multikey;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ready-made {@link VerificationMethodResolver}s. Network access goes only through the host's
 * {@link DocumentFetcher}; an exception the fetcher throws (its own typed fetch failure, say)
 * propagates unchanged, so the host can report exactly why a document could not be fetched. Error codes ({@link KeyResolutionException}): {@code KEY_NOT_FOUND},
 * {@code KEY_RESOLVER_UNSUPPORTED} (no resolver handles the id), {@code KEY_DOCUMENT_INVALID},
 * {@code KEY_URL_INVALID}, and the key codes of {@link Keys}.
 */
public final class KeyResolvers {
  private static final JsonLimits DOCUMENT_LIMITS =
      JsonLimits.builder().maxDepth(16).maxDocumentBytes(1024 * 1024).build();

  private KeyResolvers() {}

  /** {@code did:key} (Ed25519, P-256), offline. */
  public static VerificationMethodResolver didKey() {
    return id -> {
      if (!id.startsWith("did:key:")) {
        throw unsupported(id);
      }
      return wrap(() -> DidKey.resolve(id));
    };
  }

  /**
   * {@code did:jwk} (RFC 7517 JWK, base64url-encoded in the DID), offline. The verification method
   * is {@code <did>#0} and its controller the DID; a JWK with private members is refused.
   */
  public static VerificationMethodResolver didJwk() {
    return id -> {
      if (!id.startsWith("did:jwk:")) {
        throw unsupported(id);
      }
      String did = id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
      JsonNode jwk;
      try {
        jwk = SafeJson.read(Base64.getUrlDecoder().decode(did.substring("did:jwk:".length())), DOCUMENT_LIMITS);
      } catch (IllegalArgumentException | InvalidInputException e) {
        throw new KeyResolutionException(SigningErrorCode.KEY_MALFORMED, "did:jwk is not base64url JSON", e);
      }
      if (!jwk.isObject() || jwk.has("d")) {
        throw new KeyResolutionException(SigningErrorCode.KEY_MALFORMED, "did:jwk does not hold a public JWK");
      }
      VerificationKey key = wrap(() -> Keys.publicKeyFromJwk(jwk));
      return key.asVerificationMethod(did + "#0", Optional.of(did));
    };
  }

  /**
   * {@code did:web}: fetches the DID document ({@code https://host/.well-known/did.json} or {@code
   * https://host/path/did.json}), checks its {@code id}, and returns the named verification method
   * (Multikey, Ed25519VerificationKey2020, JsonWebKey/JsonWebKey2020).
   */
  public static VerificationMethodResolver didWeb(DocumentFetcher fetcher) {
    Objects.requireNonNull(fetcher, "fetcher");
    return id -> {
      if (!id.startsWith("did:web:")) {
        throw unsupported(id);
      }
      URI url = wrap(() -> KeyDocuments.didWebDocumentUrl(id));
      String did = id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
      JsonNode doc = fetch(fetcher, url);
      if (!did.equals(doc.path("id").asText(null))) {
        throw new KeyResolutionException(SigningErrorCode.KEY_DOCUMENT_INVALID, "the DID document at " + url + " is not for " + did);
      }
      return findIn(doc, id, did).orElseThrow(() -> notFound(id));
    };
  }

  /**
   * HTTPS key and controller documents and JWKS: fetches the id without its fragment and finds the
   * key there, as a key document whose {@code id} is the id, as a method in {@code
   * verificationMethod}/{@code assertionMethod}, or as a JWKS entry whose {@code kid} is the id or
   * its fragment. Keys found only in a JWKS have no known controller.
   */
  public static VerificationMethodResolver https(DocumentFetcher fetcher) {
    Objects.requireNonNull(fetcher, "fetcher");
    return id -> {
      URI uri = parse(id);
      if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
        throw unsupported(id);
      }
      String base = id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
      JsonNode doc = fetch(fetcher, parse(base));
      Optional<VerificationMethod> found = findIn(doc, id, base);
      if (found.isPresent()) {
        return found.get();
      }
      if (doc.has("keys")) {
        return fromJwks(doc, id).orElseThrow(() -> notFound(id));
      }
      throw notFound(id);
    };
  }

  /** Keys of one JWKS (for example {@code https://issuer/.well-known/jwks.json}), found by {@code kid}. */
  public static VerificationMethodResolver jwks(URI jwksUrl, DocumentFetcher fetcher) {
    Objects.requireNonNull(jwksUrl, "jwksUrl");
    Objects.requireNonNull(fetcher, "fetcher");
    return id -> fromJwks(fetch(fetcher, jwksUrl), id).orElseThrow(() -> notFound(id));
  }

  /**
   * The 1EdTech convention {@code <issuer id>#z6Mk…}: the fragment is the key's {@code
   * publicKeyMultibase} and the controller is the part before {@code #}. Offline, so it trusts the
   * id: anyone can write such an id, and only the verifier's check that the controller is the
   * issuer ties the key to the issuer. Use it only where that is acceptable (tests, closed systems)
   * or after the issuer's published profile was checked to list the key.
   */
  public static VerificationMethodResolver issuerFragment() {
    return id -> {
      int hash = id.indexOf('#');
      if (hash <= 0 || hash == id.length() - 1 || id.charAt(hash + 1) != 'z' || id.startsWith("did:key:")) {
        throw unsupported(id);
      }
      VerificationKey key = wrap(() -> Multikey.decodePublic(id.substring(hash + 1)));
      return key.asVerificationMethod(id, Optional.of(id.substring(0, hash)));
    };
  }

  /** Fixed keys by id (tests, hosts that configure their issuers' keys). */
  public static VerificationMethodResolver fixed(Map<String, VerificationMethod> methods) {
    Map<String, VerificationMethod> copy = Map.copyOf(methods);
    return id -> {
      VerificationMethod method = copy.get(id);
      if (method == null) {
        throw notFound(id);
      }
      return method;
    };
  }

  /** Asks each resolver in turn; moves on only when one reports {@code KEY_RESOLVER_UNSUPPORTED}. */
  public static VerificationMethodResolver firstOf(VerificationMethodResolver... resolvers) {
    List<VerificationMethodResolver> list = List.of(resolvers);
    return id -> {
      Objects.requireNonNull(id, "id");
      for (VerificationMethodResolver resolver : list) {
        try {
          return resolver.resolve(id);
        } catch (KeyResolutionException e) {
          if (e.errorCode() != SigningErrorCode.KEY_RESOLVER_UNSUPPORTED) {
            throw e;
          }
        }
      }
      throw unsupported(id);
    };
  }

  /**
   * did:key offline, did:web and HTTPS documents through the fetcher, cached for 10 minutes (at most
   * 1,000 entries).
   */
  public static VerificationMethodResolver standard(DocumentFetcher fetcher) {
    return caching(firstOf(didKey(), didWeb(fetcher), https(fetcher)), 1000, Duration.ofMinutes(10), Clock.systemUTC());
  }

  /** Caches successful resolutions (failures are not cached). */
  public static VerificationMethodResolver caching(
      VerificationMethodResolver resolver, int maxEntries, Duration ttl, Clock clock) {
    Objects.requireNonNull(resolver, "resolver");
    record Entry(VerificationMethod method, Instant expires) {}
    Map<String, Entry> cache = new ConcurrentHashMap<>();
    return id -> {
      Instant now = clock.instant();
      Entry entry = cache.get(id);
      if (entry != null && entry.expires().isAfter(now)) {
        return entry.method();
      }
      VerificationMethod method = resolver.resolve(id);
      if (cache.size() >= maxEntries) {
        cache.clear();
      }
      cache.put(id, new Entry(method, now.plus(ttl)));
      return method;
    };
  }

  // ---------------------------------------------------------------- helpers

  private static Optional<VerificationMethod> findIn(JsonNode doc, String id, String base) {
    if (id.equals(doc.path("id").asText(null)) && isKeyDocument(doc)) {
      return Optional.of(toMethod(doc, id, base));
    }
    Map<String, JsonNode> candidates = new LinkedHashMap<>();
    for (String member : List.of("verificationMethod", "assertionMethod", "publicKey")) {
      JsonNode list = doc.get(member);
      if (list == null) {
        continue;
      }
      for (JsonNode vm : list.isArray() ? list : List.of(list)) {
        if (vm.isObject() && vm.path("id").isTextual()) {
          candidates.putIfAbsent(absolute(vm.get("id").asText(), base), vm);
        }
      }
    }
    JsonNode vm = candidates.get(id);
    return vm == null ? Optional.empty() : Optional.of(toMethod(vm, id, base));
  }

  private static boolean isKeyDocument(JsonNode doc) {
    return doc.has("publicKeyMultibase") || doc.has("publicKeyJwk");
  }

  private static String absolute(String vmId, String base) {
    return vmId.startsWith("#") ? base + vmId : vmId;
  }

  private static VerificationMethod toMethod(JsonNode vm, String id, String base) {
    VerificationKey key = wrap(() -> {
      if (vm.path("publicKeyMultibase").isTextual()) {
        return Multikey.decodePublic(vm.get("publicKeyMultibase").asText());
      }
      if (vm.path("publicKeyJwk").isObject()) {
        JsonNode jwk = vm.get("publicKeyJwk");
        if (jwk.has("d")) {
          throw new KeyResolutionException(SigningErrorCode.KEY_DOCUMENT_INVALID, "a published key carries private material");
        }
        return Keys.publicKeyFromJwk(jwk);
      }
      throw new KeyResolutionException(SigningErrorCode.KEY_DOCUMENT_INVALID, "the verification method has no publicKeyMultibase or publicKeyJwk");
    });
    String controller = vm.path("controller").isTextual() ? vm.get("controller").asText() : base;
    return key.asVerificationMethod(id, Optional.of(controller));
  }

  private static Optional<VerificationMethod> fromJwks(JsonNode doc, String id) {
    JsonNode keys = doc.get("keys");
    if (keys == null || !keys.isArray()) {
      throw new KeyResolutionException(SigningErrorCode.KEY_DOCUMENT_INVALID, "not a JWKS");
    }
    String fragment = id.contains("#") ? id.substring(id.indexOf('#') + 1) : null;
    for (JsonNode jwk : keys) {
      String kid = jwk.path("kid").asText(null);
      if (kid != null && (kid.equals(id) || kid.equals(fragment))) {
        if (jwk.has("d")) {
          throw new KeyResolutionException(SigningErrorCode.KEY_DOCUMENT_INVALID, "a published key carries private material");
        }
        VerificationKey key = wrap(() -> Keys.publicKeyFromJwk(jwk));
        return Optional.of(key.asVerificationMethod(id, Optional.empty()));
      }
    }
    return Optional.empty();
  }

  private static JsonNode fetch(DocumentFetcher fetcher, URI url) {
    byte[] bytes = fetcher.fetch(url);
    if (bytes == null) {
      throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, "nothing fetched from " + url);
    }
    JsonNode doc;
    try {
      doc = SafeJson.read(bytes, DOCUMENT_LIMITS);
    } catch (InvalidInputException e) {
      throw new KeyResolutionException(SigningErrorCode.KEY_DOCUMENT_INVALID, "the document at " + url + " is not JSON: " + e.getMessage(), e);
    }
    if (!doc.isObject()) {
      throw new KeyResolutionException(SigningErrorCode.KEY_DOCUMENT_INVALID, "the document at " + url + " is not a JSON object");
    }
    return doc;
  }

  private static URI parse(String id) {
    try {
      URI uri = new URI(id);
      if (!uri.isAbsolute()) {
        throw new KeyResolutionException(SigningErrorCode.KEY_URL_INVALID, "not an absolute URI: " + id);
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new KeyResolutionException(SigningErrorCode.KEY_URL_INVALID, "not a URI: " + id, e);
    }
  }

  private interface Body<T> {
    T get();
  }

  private static <T> T wrap(Body<T> body) {
    try {
      return body.get();
    } catch (KeyResolutionException e) {
      throw e;
    } catch (OpenBadgesException e) {
      throw new KeyResolutionException(e.errorCode(), e.getMessage(), e);
    }
  }

  private static KeyResolutionException unsupported(String id) {
    return new KeyResolutionException(SigningErrorCode.KEY_RESOLVER_UNSUPPORTED, "no resolver for the verification method " + id);
  }

  private static KeyResolutionException notFound(String id) {
    return new KeyResolutionException(SigningErrorCode.KEY_NOT_FOUND, "verification method not found: " + id);
  }
}
