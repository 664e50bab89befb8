package io.github.insignia.openbadges.validation.internal;

import io.github.insignia.openbadges.BoundedCache;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyResolutionException;
import io.github.insignia.openbadges.signing.VerificationMethod;
import io.github.insignia.openbadges.signing.VerificationMethodResolver;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.resolve.DocumentFetcher;
import io.github.insignia.openbadges.signing.resolve.KeyResolvers;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.ResourceFetcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The verifier's keys: the signing module's {@link KeyResolvers} ({@code did:key}, {@code did:jwk},
 * {@code <http(s) controller>#z6Mk…} offline; {@code did:web}, HTTPS key and controller documents
 * and JWKS) over the verifier's {@link ResourceFetcher}, so offline mode and preloaded resources
 * apply. A fetch failure escapes the resolvers as the fetcher's own {@link FetchException}, so the
 * report names it precisely (403, timeout, TLS, …).
 */
public final class IssuerKeys {
  /** Offline methods depend only on the id: shared by every verifier. */
  private static final VerificationMethodResolver OFFLINE = KeyResolvers.caching(
      KeyResolvers.firstOf(KeyResolvers.didKey(), KeyResolvers.didJwk(), selfDescribing()),
      1024, Duration.ofDays(365), Clock.systemUTC());
  private static final BoundedCache<String, VerificationKey> PEM_KEYS = new BoundedCache<>(256);

  private final ResourceFetcher fetcher;
  private final JsonLimits limits;
  private final VerificationMethodResolver resolver;

  /**
   * @param fetcher how documents are fetched
   * @param limits JSON limits for fetched documents
   */
  public IssuerKeys(ResourceFetcher fetcher, JsonLimits limits) {
    this.fetcher = fetcher;
    this.limits = limits;
    DocumentFetcher documents = url -> fetcher.fetch(url).requireSuccess().requireJson().body();
    this.resolver = KeyResolvers.firstOf(OFFLINE, KeyResolvers.didWeb(documents), KeyResolvers.https(documents));
  }

  /**
   * Resolves a verification method.
   *
   * @throws FetchException when a document it needs cannot be fetched
   * @throws KeyResolutionException when the key cannot be found or used
   */
  public VerificationMethod resolve(String id) {
    if (id == null || id.isBlank()) {
      throw new KeyResolutionException("KEY_NOT_FOUND", "no verification method given");
    }
    return resolver.resolve(id);
  }

  /** Whether the id is {@code <http(s) controller>#z6Mk…}, a key that names itself. */
  public static boolean isSelfDescribing(String id) {
    int hash = id.indexOf('#');
    return hash > 0 && (id.startsWith("https://") || id.startsWith("http://")) && id.startsWith("z6Mk", hash + 1);
  }

  /** Signing's issuer-fragment resolver, only for http(s) controllers (a DID must be resolved). */
  private static VerificationMethodResolver selfDescribing() {
    VerificationMethodResolver fragment = KeyResolvers.issuerFragment();
    return id -> {
      if (!isSelfDescribing(id)) {
        throw new KeyResolutionException("KEY_RESOLVER_UNSUPPORTED", "not a self-describing key: " + id);
      }
      return fragment.resolve(id);
    };
  }

  /**
   * Whether the controller's published document (fetched through the fetcher) lists this key.
   *
   * @return false when the document cannot be fetched
   * @throws KeyResolutionException {@code KEY_NOT_PUBLISHED} when the document is there but does not list the key
   */
  public boolean confirmedByController(String id) {
    String controller = id.substring(0, id.indexOf('#'));
    String multibase = id.substring(id.indexOf('#') + 1);
    JsonNode doc;
    try {
      doc = SafeJson.read(fetcher.fetch(URI.create(controller)).requireSuccess().requireJson().body(), limits);
    } catch (InvalidInputException | IllegalArgumentException e) {
      return false;
    }
    for (String member : new String[] {"verificationMethod", "assertionMethod", "publicKey"}) {
      for (JsonNode vm : doc.path(member)) {
        if (id.equals(vm.path("id").asText()) || multibase.equals(vm.path("publicKeyMultibase").asText())
            || id.equals(vm.asText())) {
          return true;
        }
      }
    }
    throw new KeyResolutionException("KEY_NOT_PUBLISHED", "the issuer document " + controller + " does not list the key " + id);
  }

  /** A public key from PEM text (memoised: parsing RSA keys is not free). */
  public static VerificationKey pemKey(String pem) {
    return PEM_KEYS.get(pem, Keys::publicKeyFromPem);
  }
}
