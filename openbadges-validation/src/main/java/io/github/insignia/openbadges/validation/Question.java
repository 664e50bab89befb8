package io.github.insignia.openbadges.validation;

/**
 * The question a {@link Check} helps answer. A report answers three questions about a badge
 * (authentic? current? conformant?) plus what the input was and, on their own, its endorsements;
 * {@link VerificationReport#checks(Question)} groups the checks by question.
 */
public enum Question {
  /** What the input is (detection, unbaking, reading). */
  INPUT,
  /**
   * Authentic? The proof or the hosting verified, the key is bound to the issuer, the issuer is who
   * the badge names; fetches of the documents this depends on are grouped here.
   */
  AUTHENTIC,
  /** Current? Not revoked or suspended, not expired, already valid; the recipient matches. */
  CURRENT,
  /**
   * Conformant? Context, types, JSON Schema, required and recommended properties, image. Errors
   * (the document is not what it claims) fail; what a verifier need not enforce is a warning, which
   * {@link VerificationOptions#strict()} turns into a failure.
   */
  CONFORMANT,
  /** Endorsements of the badge, each verified on its own; they never change the badge's verdict. */
  ENDORSEMENT;

  /** A short heading for this question in a language (English and Spanish are shipped). */
  public String label(java.util.Locale locale) {
    return io.github.insignia.openbadges.validation.internal.Messages.text(locale, "question." + name());
  }
}
