package io.github.insignia.openbadges.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.Multikey;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Verifies one Data Integrity proof of the RDFC family: {@code eddsa-rdfc-2022} (and its
 * pre-final name {@code eddsa-2022}) and the legacy {@code Ed25519Signature2020}. The signed bytes
 * are SHA-256(canonical proof options) ‖ SHA-256(canonical document without proof).
 */
public final class DataIntegrity {
  /** Current suites. */
  public static final Set<String> CURRENT = Set.of("eddsa-rdfc-2022");
  /** Deprecated suites still accepted with a warning. */
  public static final Set<String> LEGACY = Set.of("eddsa-2022", "Ed25519Signature2020");

  private final RdfCanonicalizer canonicalizer;

  /** @param canonicalizer shared, thread-safe */
  public DataIntegrity(RdfCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
  }

  /** The suite name of a proof: its cryptosuite, or its type for legacy proofs. */
  public static String suite(JsonNode proof) {
    String type = proof.path("type").asText("");
    return type.equals("DataIntegrityProof") ? proof.path("cryptosuite").asText("") : type;
  }

  /** Whether this verifier implements the proof's suite. */
  public static boolean supports(JsonNode proof) {
    String s = suite(proof);
    return CURRENT.contains(s) || LEGACY.contains(s);
  }

  /**
   * Verifies {@code proof} over {@code document} with {@code key}.
   *
   * @throws InvalidSignatureException {@code PROOF_MALFORMED} or {@code SIGNATURE_INVALID}
   * @throws InvalidInputException when canonicalization fails (an unknown context, an undefined
   *     term in safe mode, a work limit)
   */
  public void verify(ObjectNode document, JsonNode proof, VerificationKey key) {
    if (key.keyType() != KeyType.ED25519) {
      throw new InvalidSignatureException("PROOF_MALFORMED", suite(proof) + " needs an Ed25519 key, not " + key.keyType());
    }
    if (!"assertionMethod".equals(proof.path("proofPurpose").asText())) {
      throw new InvalidSignatureException("PROOF_MALFORMED", "proofPurpose must be assertionMethod");
    }
    String proofValue = proof.path("proofValue").asText("");
    if (!proofValue.startsWith("z")) {
      throw new InvalidSignatureException("PROOF_MALFORMED", "proofValue must be multibase base58btc ('z…')");
    }
    byte[] signature;
    try {
      signature = Multikey.decodeMultibase(proofValue);
    } catch (InvalidInputException e) {
      throw new InvalidSignatureException("PROOF_MALFORMED", "proofValue is not base58btc", e);
    }
    ObjectNode unsecured = document.deepCopy();
    unsecured.remove("proof");
    ObjectNode options = ((ObjectNode) proof).deepCopy();
    options.remove("proofValue");
    options.set("@context", document.get("@context"));
    byte[] hash = concat(sha256(canonicalizer.canonicalize(options)), sha256(canonicalizer.canonicalize(unsecured)));
    key.verify(hash, signature);
  }

  private static byte[] sha256(String nquads) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(nquads.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
