package io.github.insignia.openbadges.signing.verify;

/** How far a proof verification got before it failed, in the order a verifier runs them. */
public enum Stage {
  /** Reading the proof or token: shape, header, algorithm, suite, purpose. */
  PARSE,
  /** Finding the key the proof names and making it usable. */
  KEY,
  /** Showing that the key belongs to the issuer (its DID document, profile, JWKS). */
  KEY_BINDING,
  /** The signature over the exact signed bytes. */
  SIGNATURE,
  /** What the signed content says about itself: JWT claims, proof dates, the expected payload. */
  CLAIMS
}
