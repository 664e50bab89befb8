package io.github.insignia.openbadges.export;

/**
 * What the host's verifier said about a badge. Export takes it as input so that it does not depend
 * on the validation module; only {@link #VERIFIED} badges may be exported to LinkedIn or shared.
 */
public enum VerificationStatus {
  /** The badge verified (proof, status, dates). */
  VERIFIED,
  /** The badge was not verified, or did not verify. */
  NOT_VERIFIED,
  /** The issuer revoked the badge. */
  REVOKED,
  /** The badge has expired. */
  EXPIRED
}
