package io.github.insignia.openbadges.signing.verify;

/**
 * Why a proof did not verify: a closed set, each at its {@link Stage}. Hosts map these to their own
 * codes with an exhaustive {@code switch}; the finer {@code errorCode()} of the exception (a
 * {@code SigningErrorCode}) is for people and logs.
 */
public enum ProofFailure {
  /** The proof or token is malformed (not three parts, bad base64url, a missing member, {@code crit}). */
  MALFORMED(Stage.PARSE),
  /** {@code alg: none}, HMAC or any algorithm other than EdDSA, ES256 and RS256. */
  ALGORITHM_REFUSED(Stage.PARSE),
  /** {@code proofPurpose} is not the expected one ({@code assertionMethod}). */
  PURPOSE_MISMATCH(Stage.PARSE),
  /** A proof type or cryptosuite this library does not implement: it cannot be judged. */
  SUITE_UNSUPPORTED(Stage.PARSE),
  /** The document uses a JSON-LD context this verifier does not hold (contexts are never fetched). */
  CONTEXT_UNAVAILABLE(Stage.PARSE),
  /** The proof names no key at all (no {@code kid}, {@code jwk}, {@code verificationMethod}). */
  KEY_MISSING(Stage.KEY),
  /** The key is not usable (malformed, private material, too small, unknown curve). */
  KEY_UNUSABLE(Stage.KEY),
  /** The issuer's documents could not be obtained (offline, 401/403, 404, timeout): cannot tell now. */
  ISSUER_KEYS_UNAVAILABLE(Stage.KEY_BINDING),
  /** The issuer's keys were obtained (or it has none it could publish) and the signing key is not among them. */
  KEY_NOT_BOUND(Stage.KEY_BINDING),
  /** The header algorithm is not the one pinned to the bound key's type. */
  ALGORITHM_MISMATCH(Stage.SIGNATURE),
  /** The signature does not verify over the signed bytes. */
  SIGNATURE_INVALID(Stage.SIGNATURE),
  /**
   * Selective disclosure ({@code ecdsa-sd-2023}): a disclosed statement's own signature does not
   * verify (a disclosed claim altered, signatures reordered).
   */
  DISCLOSED_STATEMENT_INVALID(Stage.SIGNATURE),
  /**
   * Selective disclosure: the disclosed statements do not match the proof (more or fewer than it
   * signs, blank nodes its label map does not name, mandatory indexes out of range).
   */
  DISCLOSURE_MISMATCH(Stage.SIGNATURE),
  /** The signed data cannot be rebuilt (an undefined term, a relative IRI): as good as altered. */
  DOCUMENT_ALTERED(Stage.SIGNATURE),
  /** A JWT claim disagrees with the credential ({@code iss}, {@code jti}, {@code sub}, {@code nbf}, {@code exp}). */
  CLAIMS_MISMATCH(Stage.CLAIMS),
  /** An OB 3.0 JWT claim is missing and the policy requires it. */
  CLAIM_MISSING(Stage.CLAIMS),
  /** The token's {@code nbf} is in the future (beyond the skew). */
  NOT_YET_VALID(Stage.CLAIMS),
  /** The token's {@code exp} has passed (beyond the skew). */
  EXPIRED(Stage.CLAIMS),
  /** The proof's {@code created} is in the future (beyond the skew). */
  PROOF_NOT_YET_VALID(Stage.CLAIMS),
  /** The proof's {@code expires} has passed. */
  PROOF_EXPIRED(Stage.CLAIMS),
  /** The signed payload is not the document it came with. */
  PAYLOAD_MISMATCH(Stage.CLAIMS);

  private final Stage stage;

  ProofFailure(Stage stage) {
    this.stage = stage;
  }

  /** The stage this failure belongs to. */
  public Stage stage() {
    return stage;
  }
}
