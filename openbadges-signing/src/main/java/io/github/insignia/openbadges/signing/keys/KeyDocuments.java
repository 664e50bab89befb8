package io.github.insignia.openbadges.signing.keys;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The public documents an issuer publishes for its keys: a {@code did:web} DID document, a JWKS,
 * a Multikey document, and the OB 2.0 {@code CryptographicKey}. They are built from {@link
 * VerificationKey}s only, so private material cannot leak into them.
 */
public final class KeyDocuments {
  private KeyDocuments() {}

  /**
   * The {@code did:web} DID for an HTTPS base URL: {@code https://example.com} → {@code
   * did:web:example.com}; {@code https://example.com/issuers/1} → {@code
   * did:web:example.com:issuers:1}; a port is percent-encoded ({@code example.com%3A8443}).
   */
  public static String didWebFor(URI httpsUrl) {
    if (!"https".equalsIgnoreCase(httpsUrl.getScheme()) || httpsUrl.getHost() == null) {
      throw new ConfigurationException(SigningErrorCode.DID_WEB_INVALID, "did:web needs an https URL with a host");
    }
    StringBuilder did = new StringBuilder("did:web:").append(httpsUrl.getHost().toLowerCase(Locale.ROOT));
    if (httpsUrl.getPort() != -1) {
      did.append("%3A").append(httpsUrl.getPort());
    }
    String path = httpsUrl.getRawPath();
    if (path != null) {
      for (String segment : path.split("/")) {
        if (!segment.isEmpty()) {
          did.append(':').append(segment);
        }
      }
    }
    return did.toString();
  }

  /**
   * Where a {@code did:web} DID document lives: {@code did:web:example.com} → {@code
   * https://example.com/.well-known/did.json}, {@code did:web:example.com:a:b} → {@code
   * https://example.com/a/b/did.json}.
   */
  public static URI didWebDocumentUrl(String did) {
    if (did == null || !did.startsWith("did:web:") || did.length() == "did:web:".length()) {
      throw new io.github.insignia.openbadges.InvalidInputException(SigningErrorCode.DID_WEB_INVALID, "not a did:web DID");
    }
    String body = did.substring("did:web:".length());
    int hash = body.indexOf('#');
    if (hash >= 0) {
      body = body.substring(0, hash);
    }
    String[] parts = body.split(":");
    for (String part : parts) {
      if (part.isEmpty() || part.equals("..") || part.equals(".") || part.contains("/") || part.contains("?")
          || part.contains("@")) {
        throw new io.github.insignia.openbadges.InvalidInputException(SigningErrorCode.DID_WEB_INVALID, "malformed did:web " + did);
      }
    }
    String host = parts[0].replace("%3A", ":").replace("%3a", ":");
    StringBuilder url = new StringBuilder("https://").append(host);
    if (parts.length == 1) {
      url.append("/.well-known/did.json");
    } else {
      for (int i = 1; i < parts.length; i++) {
        url.append('/').append(parts[i]);
      }
      url.append("/did.json");
    }
    try {
      return new URI(url.toString());
    } catch (java.net.URISyntaxException e) {
      throw new io.github.insignia.openbadges.InvalidInputException(SigningErrorCode.DID_WEB_INVALID, "malformed did:web " + did, e);
    }
  }

  /**
   * A DID document (VC DID v1 + Multikey contexts) listing the keys under {@code assertionMethod}
   * and {@code authentication}. Ed25519 and P-256 keys are {@code Multikey} methods with id {@code
   * <did>#<publicKeyMultibase>}; RSA keys are {@code JsonWebKey} methods with id {@code
   * <did>#<thumbprint>}.
   */
  public static ObjectNode didDocument(String did, List<VerificationKey> keys) {
    Objects.requireNonNull(did, "did");
    ObjectNode doc = SafeJson.nodeFactory().objectNode();
    ArrayNode context = doc.putArray("@context");
    context.add("https://www.w3.org/ns/did/v1");
    context.add("https://w3id.org/security/multikey/v1");
    if (keys.stream().anyMatch(k -> k.keyType() == KeyType.RSA)) {
      context.add("https://w3id.org/security/jwk/v1");
    }
    doc.put("id", did);
    ArrayNode methods = doc.putArray("verificationMethod");
    ArrayNode assertion = doc.putArray("assertionMethod");
    ArrayNode authentication = doc.putArray("authentication");
    for (VerificationKey key : keys) {
      String id = did + "#" + fragmentFor(key);
      methods.add(verificationMethodDocument(id, did, key));
      assertion.add(id);
      authentication.add(id);
    }
    return doc;
  }

  /** The fragment Insignia gives a key: its publicKeyMultibase, or its JWK thumbprint for RSA. */
  public static String fragmentFor(VerificationKey key) {
    return key.hasMultikeyForm() ? key.publicKeyMultibase() : key.thumbprint();
  }

  /**
   * One verification method: {@code Multikey} with {@code publicKeyMultibase} (Ed25519, P-256) or
   * {@code JsonWebKey} with {@code publicKeyJwk} (RSA).
   */
  public static ObjectNode verificationMethodDocument(String id, String controller, VerificationKey key) {
    ObjectNode vm = SafeJson.nodeFactory().objectNode();
    vm.put("id", id);
    if (key.hasMultikeyForm()) {
      vm.put("type", "Multikey");
      vm.put("controller", controller);
      vm.put("publicKeyMultibase", key.publicKeyMultibase());
    } else {
      vm.put("type", "JsonWebKey");
      vm.put("controller", controller);
      vm.set("publicKeyJwk", key.toJwk());
    }
    return vm;
  }

  /** A standalone Multikey document (with the Multikey context) for the 1EdTech {@code <issuer>#z6Mk…} form. */
  public static ObjectNode multikeyDocument(String id, String controller, VerificationKey key) {
    ObjectNode doc = SafeJson.nodeFactory().objectNode();
    doc.put("@context", "https://w3id.org/security/multikey/v1");
    doc.setAll(verificationMethodDocument(id, controller, key));
    return doc;
  }

  /** A JWKS ({@code {"keys":[…]}}), each key with {@code kid}, {@code use: sig} and {@code alg}. */
  public static ObjectNode jwks(List<KeyWithId> keys) {
    ObjectNode doc = SafeJson.nodeFactory().objectNode();
    ArrayNode array = doc.putArray("keys");
    for (KeyWithId entry : keys) {
      ObjectNode jwk = entry.key().toJwk();
      jwk.put("kid", entry.id());
      jwk.put("use", "sig");
      jwk.put("alg", switch (entry.key().keyType()) {
        case ED25519 -> "EdDSA";
        case P256 -> "ES256";
        case P384 -> "ES384";
        case RSA -> "RS256";
      });
      array.add(jwk);
    }
    return doc;
  }

  /**
   * The OB 2.0 {@code CryptographicKey} document: {@code id} (where it is hosted), {@code owner}
   * (the issuer Profile IRI, which must list the key in its {@code publicKey}) and {@code
   * publicKeyPem}.
   */
  public static ObjectNode ob2CryptographicKey(String keyId, String ownerProfileId, VerificationKey key) {
    ObjectNode doc = SafeJson.nodeFactory().objectNode();
    doc.put("@context", "https://w3id.org/openbadges/v2");
    doc.put("type", "CryptographicKey");
    doc.put("id", Objects.requireNonNull(keyId, "keyId"));
    doc.put("owner", Objects.requireNonNull(ownerProfileId, "ownerProfileId"));
    doc.put("publicKeyPem", key.toSpkiPem());
    return doc;
  }

  /**
   * A key with the id it is published under.
   *
   * @param id the {@code kid} / verification method id
   * @param key the public key
   */
  public record KeyWithId(String id, VerificationKey key) {
    /** Checks for nulls. */
    public KeyWithId {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(key, "key");
    }
  }
}
