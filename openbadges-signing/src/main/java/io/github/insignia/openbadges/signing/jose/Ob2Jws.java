package io.github.insignia.openbadges.signing.jose;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.verify.BoundKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.ProofFailure;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import io.github.insignia.openbadges.signing.verify.ProofVerificationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.KeyResolutionException;
import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.resolve.DocumentFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * OB 2.0 signed badges: a compact JWS whose payload is the Assertion JSON (RS256 by default, as the
 * specification recommends; ES256 and EdDSA when the key is P-256 or Ed25519), with {@code
 * verification: {type: SignedBadge, creator: <key URL>}}.
 *
 * <p>Verification follows the OB 2.0 algorithm: the key must be the assertion's {@code
 * verification.creator} (or, without one, a key the issuer lists), the key's {@code owner} must be
 * the issuer Profile, the Profile's {@code publicKey} must list the key, and the signature must
 * verify over the exact payload bytes with the algorithm pinned to the key.
 */
public final class Ob2Jws {
  private Ob2Jws() {}

  /**
   * Signs an assertion: sets {@code verification} to {@code {type: SignedBadge, creator}} and signs
   * its compact JSON.
   *
   * @param assertion the OB 2.0 Assertion (not modified)
   * @param signer the issuer's signer (RSA gives RS256)
   * @param creatorKeyUrl where the CryptographicKey is published
   */
  public static String sign(JsonNode assertion, Signer signer, String creatorKeyUrl) {
    if (assertion == null || !assertion.isObject()) {
      throw new InvalidInputException(SigningErrorCode.ASSERTION_INVALID, "an OB 2.0 assertion must be a JSON object");
    }
    ObjectNode copy = (ObjectNode) assertion.deepCopy();
    ObjectNode verification = SafeJson.nodeFactory().objectNode();
    verification.put("type", "SignedBadge");
    verification.put("creator", Objects.requireNonNull(creatorKeyUrl, "creatorKeyUrl"));
    copy.set("verification", verification);
    return signPayload(SafeJson.write(copy).getBytes(StandardCharsets.UTF_8), signer);
  }

  /** Signs assertion bytes exactly as given (header {@code {"alg":…}} only). */
  public static String signPayload(byte[] assertionJson, Signer signer) {
    return CompactJws.sign(signer, Optional.empty(), Optional.empty(), assertionJson);
  }

  /**
   * Decodes without verifying: the header is checked as on verification, the payload parsed.
   * For display and for finding the key and issuer to fetch.
   */
  public static Decoded decode(String jws) {
    CompactJws parsed = CompactJws.parse(jws, JsonLimits.defaults());
    JsonNode assertion = parsed.payloadJson(JsonLimits.defaults(), SigningErrorCode.OB2_PAYLOAD_INVALID);
    if (!assertion.isObject()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.OB2_PAYLOAD_INVALID, "the JWS payload is not an assertion object");
    }
    return new Decoded(parsed, assertion);
  }

  /**
   * Verifies against a key document and an issuer Profile the caller already has.
   *
   * @param jws the compact JWS
   * @param cryptographicKey the OB 2.0 CryptographicKey ({@code id}, {@code owner}, {@code publicKeyPem})
   * @param issuerProfile the issuer Profile ({@code id}, {@code publicKey})
   * @throws InvalidSignatureException with a stable code when it does not verify
   */
  public static Verified verify(String jws, JsonNode cryptographicKey, JsonNode issuerProfile) {
    return verify(jws, cryptographicKey, issuerProfile, null);
  }

  /**
   * As {@link #verify(String, JsonNode, JsonNode)}, and the payload must equal {@code
   * expectedAssertion}. The key is bound by the one judge ({@link #verifier(IssuerKeys,
   * VerificationPolicy)}), over exactly these two documents as the issuer's published ones: the
   * profile must list the key in {@code publicKey}, the key (on the issuer's origin) must name the
   * issuer as {@code owner}, and {@code verification.creator} only selects among the listed keys.
   */
  public static Verified verify(String jws, JsonNode cryptographicKey, JsonNode issuerProfile, JsonNode expectedAssertion) {
    String keyId = cryptographicKey.path("id").asText(null);
    String issuerId = issuerProfile.path("id").asText(null);
    if (keyId == null || issuerId == null) {
      throw new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.OB2_KEY_NOT_LISTED, "the key or the issuer Profile has no id");
    }
    Map<String, JsonNode> published = Map.of(issuerId, issuerProfile, keyId, cryptographicKey);
    DocumentFetcher given = url -> {
      JsonNode doc = published.get(url.toString());
      if (doc == null) {
        throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, url + " is not one of the documents given");
      }
      return SafeJson.write(doc).getBytes(StandardCharsets.UTF_8);
    };
    Verified verified = verifier(IssuerKeys.create(given), VerificationPolicy.defaults()).verify(jws, issuerId);
    CompactJws.requireSamePayload(verified.assertion(), expectedAssertion);
    return verified;
  }

  /**
   * Verifies, fetching what the assertion links through the host's fetcher: the issuer is the
   * BadgeClass's (embedded, or fetched from the badge URL), and its keys are read from its own
   * profile, fetched from its id ({@link IssuerKeys}); an issuer embedded in the badge is never a
   * source of keys.
   */
  public static Verified verify(String jws, DocumentFetcher fetcher) {
    Decoded decoded = decode(jws);
    JsonNode badge = node(decoded.assertion.get("badge"), fetcher, "badge");
    JsonNode issuer = badge.get("issuer");
    String issuerId = issuer == null ? null : issuer.isTextual() ? issuer.asText() : issuer.path("id").asText(null);
    return verifier(IssuerKeys.create(fetcher), VerificationPolicy.defaults()).verify(jws, issuerId);
  }

  /**
   * The import verifier: the signing key must be the issuer's (its profile, fetched from its id,
   * lists it in {@code publicKey}, and the CryptographicKey on the issuer's origin names the issuer
   * as {@code owner}), the algorithm is pinned to it. Immutable and thread-safe.
   */
  public static Verifier verifier(IssuerKeys keys, VerificationPolicy policy) {
    return new Verifier(Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(policy, "policy"));
  }

  /** Verifies OB 2.0 signed assertions with issuer-bound keys. Immutable and thread-safe. */
  public static final class Verifier {
    private final IssuerKeys keys;
    private final VerificationPolicy policy;

    private Verifier(IssuerKeys keys, VerificationPolicy policy) {
      this.keys = keys;
      this.policy = policy;
    }

    /**
     * Verifies a signed assertion of {@code issuerId} (the issuer of its BadgeClass, as the host
     * found it).
     *
     * @throws ProofVerificationException with its {@link ProofFailure} and stage
     */
    public Verified verify(String jws, String issuerId) {
      Decoded decoded = decode(jws);
      if (decoded.jws.headerKey != null) {
        throw new ProofVerificationException(ProofFailure.KEY_NOT_BOUND, SigningErrorCode.JWS_HEADER_KEY_UNTRUSTED,
            "OB 2.0 keys come from the issuer's CryptographicKey, not a header jwk");
      }
      String type = decoded.assertion.path("verification").path("type").asText("");
      if (!type.equals("SignedBadge") && !type.equals("signed")) {
        throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.OB2_NOT_SIGNED_BADGE,
            "the assertion's verification type is not SignedBadge");
      }
      KeyType keyType = decoded.jws.algorithm.keyType();
      if (!policy.acceptedKeyTypes().contains(keyType)) {
        throw new ProofVerificationException(ProofFailure.ALGORITHM_REFUSED, SigningErrorCode.KEY_TYPE_NOT_ACCEPTED,
            "the policy does not accept " + decoded.jws.algorithm + " signatures");
      }
      List<BoundKey> bound = keys.bind(issuerId, decoded.creator(), Optional.empty(), IssuerKeys.Format.OB2_JWS, policy);
      ProofVerificationException last = null;
      for (BoundKey b : bound) {
        if (b.key().keyType() != keyType) {
          continue;
        }
        try {
          decoded.jws.verify(b.key());
          return new Verified(decoded.assertion(), b.id(), issuerId, b.key(), Optional.of(b));
        } catch (ProofVerificationException e) {
          last = e;
        }
      }
      if (last != null) {
        throw last;
      }
      throw new ProofVerificationException(ProofFailure.ALGORITHM_MISMATCH, SigningErrorCode.JWS_ALG_MISMATCH,
          "JWS algorithm " + decoded.jws.algorithm + " does not match the issuer's key");
    }
  }

  private static JsonNode node(JsonNode value, DocumentFetcher fetcher, String what) {
    if (value == null || value.isNull()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.OB2_ISSUER_UNAVAILABLE, "the assertion has no " + what);
    }
    if (value.isObject()) {
      return value;
    }
    if (!value.isTextual()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.OB2_ISSUER_UNAVAILABLE, what + " is neither an object nor a URL");
    }
    URI url;
    try {
      url = URI.create(value.asText());
    } catch (IllegalArgumentException e) {
      throw new KeyResolutionException(SigningErrorCode.KEY_URL_INVALID, what + " is not a URL", e);
    }
    if (!url.isAbsolute()) {
      throw new KeyResolutionException(SigningErrorCode.KEY_URL_INVALID, what + " is not an absolute URL");
    }
    JsonNode doc = SafeJson.read(fetcher.fetch(url), JsonLimits.defaults());
    if (!doc.isObject()) {
      throw new ProofVerificationException(ProofFailure.MALFORMED, SigningErrorCode.OB2_ISSUER_UNAVAILABLE, "the " + what + " document is not an object");
    }
    return doc;
  }

  static List<String> listedKeys(JsonNode profile) {
    List<String> ids = new ArrayList<>();
    JsonNode publicKey = profile.get("publicKey");
    if (publicKey == null) {
      return ids;
    }
    for (JsonNode entry : publicKey.isArray() ? publicKey : List.of(publicKey)) {
      if (entry.isTextual()) {
        ids.add(entry.asText());
      } else if (entry.isObject() && entry.path("id").isTextual()) {
        ids.add(entry.get("id").asText());
      }
    }
    return ids;
  }

  /** A decoded, not yet verified, OB 2.0 signed assertion. */
  public static final class Decoded {
    private final CompactJws jws;
    private final JsonNode assertion;

    private Decoded(CompactJws jws, JsonNode assertion) {
      this.jws = jws;
      this.assertion = assertion;
    }

    /** The assertion (parsed from the exact signed bytes). */
    public JsonNode assertion() {
      return assertion.deepCopy();
    }

    /** The signed payload bytes. */
    public byte[] payload() {
      return jws.payload.clone();
    }

    /** The JWS algorithm. */
    public JwsAlgorithm algorithm() {
      return jws.algorithm;
    }

    /** {@code verification.creator}, when present. */
    public Optional<String> creator() {
      JsonNode creator = assertion.path("verification").get("creator");
      if (creator != null && creator.isTextual()) {
        return Optional.of(creator.asText());
      }
      if (creator != null && creator.isObject() && creator.path("id").isTextual()) {
        return Optional.of(creator.get("id").asText());
      }
      return Optional.empty();
    }
  }

  /**
   * A verified OB 2.0 signed assertion.
   *
   * @param assertion the assertion
   * @param keyId the CryptographicKey id
   * @param issuerId the issuer Profile id
   * @param key the key that verified
   * @param boundKey how the key is bound to the issuer (empty when the caller supplied the documents)
   */
  public record Verified(JsonNode assertion, String keyId, String issuerId, VerificationKey key, Optional<BoundKey> boundKey) {
    /** Checks for nulls. */
    public Verified {
      Objects.requireNonNull(boundKey, "boundKey");
    }

    /** The JWS algorithm of the key that verified it (pinned to the key's type). */
    public JwsAlgorithm algorithm() {
      return JwsAlgorithm.forKeyType(key.keyType());
    }

    /** Verified with a key document and profile the caller supplied. */
    public Verified(JsonNode assertion, String keyId, String issuerId, VerificationKey key) {
      this(assertion, keyId, issuerId, key, Optional.empty());
    }
  }
}
