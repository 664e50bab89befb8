package io.github.insignia.openbadges.validation;

/**
 * What a {@link VerificationReport} concludes, the promise an importing platform acts on.
 *
 * <ul>
 *   <li>{@link #VALID}: authentic (proof or hosting verified with a key bound to the issuer), current
 *       (not revoked, suspended, expired or not yet valid; the recipient matches when one was asked
 *       for) and structurally what it claims to be. Conformance details a verifier need not enforce
 *       are listed as warnings.
 *   <li>{@link #INVALID}: something is proven wrong (a bad signature, a key not bound to the issuer,
 *       revoked, expired, a recipient that does not match, a structural error, unreadable input).
 *   <li>{@link #INDETERMINATE}: it cannot be decided now: a document authenticity or status depends on
 *       could not be obtained, or the proof uses a suite Insignia does not implement. The report names
 *       the missing document and why.
 * </ul>
 */
public enum Verdict {
  /** Authentic, current and conformant (warnings aside). */
  VALID,
  /** Something is proven wrong. */
  INVALID,
  /** It cannot be decided now. */
  INDETERMINATE
}
