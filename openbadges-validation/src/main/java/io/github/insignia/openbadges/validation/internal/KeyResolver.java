package io.github.insignia.openbadges.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
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
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.ResourceFetcher;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;

/**
 * Resolves the key a proof names: {@code did:key} and {@code did:jwk} offline; {@code did:web},
 * HTTPS key documents, controller documents, JWKS and OB 2.0 CryptographicKeys through the
 * verifier's {@link ResourceFetcher} (so offline mode and preloaded resources apply). Fetch
 * failures escape as {@link FetchException} so the report can name them precisely.
 */
public final class KeyResolver implements VerificationMethodResolver {
  private static final PureCache<String, VerificationMethod> OFFLINE_METHODS = new PureCache<>(1024);
  private static final PureCache<String, VerificationKey> PEM_KEYS = new PureCache<>(256);

  private final ResourceFetcher fetcher;
  private final JsonLimits limits;

  /**
   * @param fetcher how documents are fetched
   * @param limits JSON limits for fetched documents
   */
  public KeyResolver(ResourceFetcher fetcher, JsonLimits limits) {
    this.fetcher = fetcher;
    this.limits = limits;
  }

  @Override
  public VerificationMethod resolve(String id) {
    if (id == null || id.isBlank()) {
      throw new KeyResolutionException("KEY_NOT_FOUND", "no verification method given");
    }
    try {
      if (id.startsWith("did:key:")) {
        return OFFLINE_METHODS.get(id, DidKey::resolve);
      }
      if (id.startsWith("did:jwk:")) {
        return OFFLINE_METHODS.get(id, this::didJwk);
      }
      if (id.startsWith("did:web:")) {
        String did = before(id, '#');
        JsonNode doc = fetchJson(KeyDocuments.didWebDocumentUrl(did));
        if (!did.equals(doc.path("id").asText())) {
          throw new KeyResolutionException("KEY_CONTROLLER_MISMATCH",
              "the DID document at " + KeyDocuments.didWebDocumentUrl(did) + " is for '" + doc.path("id").asText() + "', not " + did);
        }
        return fromControllerDocument(doc, id, did);
      }
      if (id.startsWith("https://") || id.startsWith("http://")) {
        return fromUrl(id);
      }
    } catch (KeyResolutionException | FetchException e) {
      throw e;
    } catch (InvalidInputException e) {
      throw new KeyResolutionException(e.code(), e.getMessage(), e);
    }
    throw new KeyResolutionException("KEY_UNSUPPORTED", "cannot resolve verification method '" + id + "' (unsupported method)");
  }

  /** Whether the id is {@code <http(s) controller>#z6Mk…}, a key that names itself. */
  public boolean isSelfDescribing(String id) {
    int hash = id.indexOf('#');
    return hash > 0 && (id.startsWith("https://") || id.startsWith("http://")) && id.startsWith("z6Mk", hash + 1);
  }

  /**
   * Whether the controller's published document (fetched through the fetcher) lists this key.
   *
   * @return false when the document cannot be fetched
   * @throws KeyResolutionException {@code KEY_NOT_PUBLISHED} when the document is there but does not list the key
   */
  public boolean confirmedByController(String id) {
    String controller = before(id, '#');
    String multibase = id.substring(id.indexOf('#') + 1);
    JsonNode doc;
    try {
      doc = fetchJson(URI.create(controller));
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

  private VerificationMethod fromUrl(String id) {
    String base = before(id, '#');
    String fragment = id.contains("#") ? id.substring(id.indexOf('#') + 1) : null;
    if (fragment != null && fragment.startsWith("z6Mk")) {
      // <controller>#<publicKeyMultibase>: the fragment is the key itself.
      return OFFLINE_METHODS.get(id, k -> method(k, Optional.of(base), Multikey.decodePublic(fragment)));
    }
    JsonNode doc = fetchJson(URI.create(base));
    if (doc.has("keys") && doc.get("keys").isArray()) {
      for (JsonNode jwk : doc.get("keys")) {
        String kid = jwk.path("kid").asText("");
        if (kid.equals(id) || (fragment != null && kid.equals(fragment)) || doc.get("keys").size() == 1) {
          return method(id, Optional.ofNullable(text(jwk, "iss")), Keys.publicKeyFromJwk(jwk));
        }
      }
      throw new KeyResolutionException("KEY_NOT_FOUND", "the JWKS at " + base + " has no key '" + id + "'");
    }
    if (doc.has("verificationMethod") && fragment != null) {
      return fromControllerDocument(doc, id, doc.path("id").asText(base));
    }
    return fromKeyNode(doc, id, Optional.ofNullable(controllerOf(doc)));
  }

  private VerificationMethod fromControllerDocument(JsonNode doc, String id, String controllerId) {
    JsonNode methods = doc.path("verificationMethod");
    String wantedFragment = id.contains("#") ? id.substring(id.indexOf('#')) : null;
    JsonNode fallback = null;
    for (JsonNode vm : methods) {
      String vmId = vm.path("id").asText("");
      String absolute = vmId.startsWith("#") ? controllerId + vmId : vmId;
      if (absolute.equals(id) || (wantedFragment != null && vmId.equals(wantedFragment))) {
        return fromKeyNode(vm, absolute, Optional.of(vm.path("controller").asText(controllerId)));
      }
      if (fallback == null) {
        fallback = vm;
      }
    }
    if (wantedFragment == null && fallback != null) {
      String vmId = fallback.path("id").asText(id);
      return fromKeyNode(fallback, vmId.startsWith("#") ? controllerId + vmId : vmId,
          Optional.of(fallback.path("controller").asText(controllerId)));
    }
    throw new KeyResolutionException("KEY_NOT_FOUND", "the controller document of " + controllerId + " lists no verification method '" + id + "'");
  }

  private static VerificationMethod fromKeyNode(JsonNode node, String id, Optional<String> controller) {
    if (node.hasNonNull("publicKeyMultibase")) {
      return method(id, controller, Multikey.decodePublic(node.get("publicKeyMultibase").asText()));
    }
    if (node.has("publicKeyJwk")) {
      return method(id, controller, Keys.publicKeyFromJwk(node.get("publicKeyJwk")));
    }
    if (node.hasNonNull("publicKeyPem")) {
      return method(id, controller, pemKey(node.get("publicKeyPem").asText()));
    }
    if (node.has("kty")) {
      return method(id, controller, Keys.publicKeyFromJwk(node));
    }
    throw new KeyResolutionException("KEY_NOT_FOUND", "the document at " + id + " holds no public key");
  }

  /** A public key from PEM text (memoised: parsing RSA keys is not free). */
  public static VerificationKey pemKey(String pem) {
    return PEM_KEYS.get(pem, Keys::publicKeyFromPem);
  }

  private static String controllerOf(JsonNode doc) {
    String c = text(doc, "controller");
    return c != null ? c : text(doc, "owner");
  }

  private VerificationMethod didJwk(String id) {
    String did = before(id, '#');
    try {
      byte[] json = Base64.getUrlDecoder().decode(did.substring("did:jwk:".length()));
      return method(did + "#0", Optional.of(did), Keys.publicKeyFromJwk(SafeJson.read(json, limits)));
    } catch (IllegalArgumentException e) {
      throw new KeyResolutionException("KEY_MALFORMED", "did:jwk is not base64url JSON", e);
    }
  }

  private JsonNode fetchJson(URI url) {
    byte[] body = fetcher.fetch(url).requireSuccess().requireJson().body();
    return SafeJson.read(body, limits);
  }

  /** The fetched JSON of an OB 2.0 document (CryptographicKey, Profile) by URL. */
  public JsonNode fetchDocument(URI url) {
    return fetchJson(url);
  }

  private static VerificationMethod method(String id, Optional<String> controller, VerificationKey key) {
    return key.asVerificationMethod(id, controller);
  }

  private static String text(JsonNode node, String member) {
    JsonNode v = node.get(member);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static String before(String s, char c) {
    int i = s.indexOf(c);
    return i < 0 ? s : s.substring(0, i);
  }
}
