package io.github.insignia.openbadges.signing;

import io.github.insignia.openbadges.ErrorCode;

/**
 * The stable codes thrown by {@code openbadges-signing} (keys, JWS, VC-JWT, vc+jwt, Data Integrity,
 * presentations). Each has a row in {@code docs/error-codes.md}; the coarse class of a proof failure
 * is {@link io.github.insignia.openbadges.signing.verify.ProofFailure}.
 */
public enum SigningErrorCode implements ErrorCode {
  /** The bytes are not a key of the type they claim (not a point on the curve, wrong length). */
  KEY_MALFORMED,
  /** A key of another curve than the one expected (a P-384 key where P-256 is named, …). */
  KEY_WRONG_CURVE,
  /** A key type no suite or algorithm here uses with this operation. */
  KEY_UNSUPPORTED,
  /** A cryptosuite was asked to sign with a key of a type it does not use. */
  CRYPTOSUITE_KEY_MISMATCH,
  /** A Data Integrity {@code proofValue} is not multibase base58btc, or has the wrong length for its key. */
  PROOF_VALUE_MALFORMED,
  /** A signature does not verify. */
  SIGNATURE_INVALID,
  /** A JWS header {@code typ} is not the one the format requires ({@code vc+jwt} vs {@code JWT}). */
  JWT_TYP_MISMATCH,
  /** A {@code vc+jwt} payload is not a VCDM 2.0 credential (a {@code vc} claim, no {@code @context}, …). */
  VC_JWT_PAYLOAD_INVALID,
  /** A {@code vc+jwt} has no {@code kid} naming the issuer's key. */
  VC_JWT_KID_MISSING,
  /** A presentation proof's {@code challenge} is not the one the verifier gave. */
  PRESENTATION_CHALLENGE_MISMATCH,
  /** A presentation proof's {@code domain} is not the one the verifier gave. */
  PRESENTATION_DOMAIN_MISMATCH,
  /** A presentation is signed by a key its holder does not control. */
  PRESENTATION_HOLDER_MISMATCH,
  /** A presentation's holder is neither a {@code did:key} nor a {@code did:jwk}: its keys are not resolved here (cannot tell). */
  PRESENTATION_HOLDER_UNSUPPORTED,
  /** A presentation is malformed (not a {@code VerifiablePresentation}, no proof). */
  PRESENTATION_MALFORMED
}
