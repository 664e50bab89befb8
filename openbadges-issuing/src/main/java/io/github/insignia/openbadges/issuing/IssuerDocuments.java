package io.github.insignia.openbadges.issuing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents that bind an issuer's signing keys to the issuer, as verifiers read them (the
 * key-binding rule of docs/validation.md): nothing for a {@code did:key}/{@code did:jwk} issuer (the
 * key is the DID), the {@code did.json} for a {@code did:web} issuer (keys under {@code
 * assertionMethod}), and for an http(s) issuer its profile listing the keys ({@code
 * verificationMethod} + {@code assertionMethod}, Multikey or JsonWebKey, controller = issuer id) plus,
 * for VC-JWT, the JWKS at {@code https://{authority}/.well-known/jwks.json}.
 */
final class IssuerDocuments {
  private IssuerDocuments() {}

  /** A key id with the public key it names. */
  record Named(String id, VerificationKey key) {}

  /**
   * @param profile the full issuer profile (published with the keys added)
   * @param proofKey the Data Integrity verification method and its key, when that format is on
   * @param jwtKey the VC-JWT {@code kid} and its key, when that format is on
   * @throws ConfigurationException {@code ISSUER_KEY_UNBOUND} when no document the issuer can serve
   *     would bind a key to it
   */
  static Map<URI, ObjectNode> of(ObjectNode profile, Optional<Named> proofKey, Optional<Named> jwtKey) {
    String issuerId = profile.get("id").asText();
    List<Named> keys = new ArrayList<>();
    proofKey.ifPresent(keys::add);
    jwtKey.filter(k -> keys.stream().noneMatch(p -> p.id().equals(k.id()))).ifPresent(keys::add);
    checkBound(issuerId, proofKey.map(Named::id), jwtKey.map(Named::id));
    Map<URI, ObjectNode> docs = new LinkedHashMap<>();
    if (issuerId.startsWith("did:key:") || issuerId.startsWith("did:jwk:")) {
      return docs;
    }
    if (issuerId.startsWith("did:web:")) {
      ObjectNode doc = KeyDocuments.didDocument(issuerId, List.of());
      doc.remove("authentication");
      for (Named k : keys) {
        ((ArrayNode) doc.get("verificationMethod")).add(KeyDocuments.verificationMethodDocument(k.id(), issuerId, k.key()));
        ((ArrayNode) doc.get("assertionMethod")).add(k.id());
      }
      docs.put(KeyDocuments.didWebDocumentUrl(issuerId), doc);
      return docs;
    }
    URI issuer = uri(issuerId);
    if (issuer == null || !("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme()))) {
      throw unbound("(none)", issuerId, "the issuer id is neither a DID nor an http(s) URL");
    }
    ObjectNode published = profile.deepCopy();
    ArrayNode methods = published.putArray("verificationMethod");
    ArrayNode assertion = published.putArray("assertionMethod");
    for (Named k : keys) {
      if (jwtKey.isPresent() && jwtKey.get() == k && !k.id().contains(":")) {
        continue; // a bare kid: bound through the JWKS below
      }
      methods.add(KeyDocuments.verificationMethodDocument(k.id(), issuerId, k.key()));
      assertion.add(k.id());
      if (!k.id().startsWith(issuerId + "#")) {
        // a key document of its own on the issuer's origin, agreeing with the profile
        ObjectNode keyDoc = KeyDocuments.verificationMethodDocument(k.id(), issuerId, k.key());
        docs.put(URI.create(k.id().replaceFirst("#.*$", "")), keyDoc);
      }
    }
    docs.put(issuer, published);
    jwtKey.ifPresent(k -> {
      ObjectNode jwks = KeyDocuments.jwks(List.of(new KeyDocuments.KeyWithId(k.id(), k.key())));
      ((ObjectNode) jwks.get("keys").get(0)).put("iss", issuerId);
      docs.put(URI.create(issuer.getScheme() + "://" + issuer.getRawAuthority() + "/.well-known/jwks.json"), jwks);
    });
    return Collections.unmodifiableMap(docs);
  }

  /**
   * Checks, from the ids alone, that verifiers could bind each key to the issuer through a document
   * the issuer can serve (so that {@link BadgeIssuer.Builder#build()} refuses an issuer whose badges
   * could never verify, before any key material is needed).
   *
   * @param proofKeyId the Data Integrity verification method, when that format is on
   * @param jwtKid the VC-JWT {@code kid}, when that format is on
   * @throws ConfigurationException {@code ISSUER_KEY_UNBOUND} naming the key and why
   */
  static void checkBound(String issuerId, Optional<String> proofKeyId, Optional<String> jwtKid) {
    proofKeyId.ifPresent(id -> bindingProblem(issuerId, id, false).ifPresent(why -> {
      throw unbound(id, issuerId, why);
    }));
    jwtKid.ifPresent(id -> bindingProblem(issuerId, id, true).ifPresent(why -> {
      throw unbound(id, issuerId, why);
    }));
  }

  private static Optional<String> bindingProblem(String issuerId, String keyId, boolean jwtKid) {
    if (issuerId.startsWith("did:key:") || issuerId.startsWith("did:jwk:")) {
      return keyId.startsWith(issuerId + "#") ? Optional.empty()
          : Optional.of("a " + issuerId.substring(0, 7) + " issuer signs only with the key its DID is");
    }
    if (issuerId.startsWith("did:web:")) {
      return keyId.startsWith(issuerId + "#") ? Optional.empty()
          : Optional.of("a did:web issuer's keys are methods of its own DID document");
    }
    URI issuer = uri(issuerId);
    if (issuer == null || issuer.getRawAuthority() == null
        || !("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme()))) {
      return Optional.of("the issuer id is neither a did:key, did:jwk or did:web DID nor an http(s) URL");
    }
    if (jwtKid && !keyId.contains(":")) {
      return Optional.empty(); // a bare kid: bound through the issuer origin's JWKS
    }
    URI id = uri(keyId);
    boolean sameOrigin = id != null && issuer.getScheme().equals(id.getScheme())
        && issuer.getRawAuthority().equals(id.getRawAuthority());
    return sameOrigin ? Optional.empty() : Optional.of("an http(s) issuer's keys are published on its own origin");
  }

  private static URI uri(String text) {
    try {
      return new URI(text);
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** The public key of a signer Insignia holds in memory, else the one the host declared. */
  static Optional<VerificationKey> publicKeyOf(Signer signer, VerificationKey declared) {
    if (signer instanceof SigningKey key) {
      return Optional.of(key.publicKey());
    }
    return Optional.ofNullable(declared);
  }

  static ConfigurationException unbound(String keyId, String issuerId, String why) {
    return new ConfigurationException(IssuingErrorCode.ISSUER_KEY_UNBOUND, "verifiers could not bind the key " + keyId
        + " to the issuer " + issuerId + ": " + why);
  }


  /**
   * Writes each document under {@code dir/<host>/<path>} (a path ending in '/' gets {@code
   * index.json}) and {@code dir/resources.json}, a resources map from URL to file that {@code insignia
   * verify --resources} and {@code PreloadedResources.fromMapFile} read.
   */
  static Path write(Map<URI, ObjectNode> docs, Path dir) {
    ObjectNode map = SafeJson.nodeFactory().objectNode();
    try {
      Files.createDirectories(dir);
      for (Map.Entry<URI, ObjectNode> e : docs.entrySet()) {
        URI url = e.getKey();
        String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
        if (path.endsWith("/")) {
          path += "index.json";
        }
        String relative = url.getHost() + (url.getPort() > 0 ? "_" + url.getPort() : "") + path;
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir.normalize())) {
          throw new ConfigurationException(IssuingErrorCode.ISSUER_DOCUMENT_PATH, "refusing to write " + url + " outside " + dir);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, SafeJson.write(e.getValue()), StandardCharsets.UTF_8);
        map.put(url.toString(), relative);
      }
      Path resources = dir.resolve("resources.json");
      Files.writeString(resources, SafeJson.write(map), StandardCharsets.UTF_8);
      return resources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
