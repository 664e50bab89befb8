package io.github.insignia.openbadges.model;

/** What a badge document is. */
public enum DocumentKind {
  /** OB 0.5–2.0 Assertion (an awarded badge). */
  ASSERTION,
  /** OB 1.1/2.0 BadgeClass. */
  BADGE_CLASS,
  /** OB 2.0 issuer Profile (type {@code Issuer} or {@code Profile}) or OB 3.0 Profile. */
  PROFILE,
  /** OB 3.0 OpenBadgeCredential / AchievementCredential (an awarded badge). */
  CREDENTIAL,
  /** OB 2.0 Endorsement or OB 3.0 EndorsementCredential. */
  ENDORSEMENT,
  /** OB 3.0 Achievement published on its own. */
  ACHIEVEMENT,
  /** OB 2.0 RevocationList. */
  REVOCATION_LIST,
  /** OB 2.0 CryptographicKey. */
  CRYPTOGRAPHIC_KEY,
  /** CLR 2.0 ClrCredential: a signed transcript whose subject holds other credentials. */
  CLR_CREDENTIAL,
  /** Any other Verifiable Credential (checked for its proof, dates and status only). */
  VERIFIABLE_CREDENTIAL,
  /** A Verifiable Presentation (a wallet's export): the holder's proof, and credentials judged on their own. */
  VERIFIABLE_PRESENTATION;

  /** Whether this kind is an award to a recipient (an assertion or an achievement credential). */
  public boolean isAward() {
    return this == ASSERTION || this == CREDENTIAL;
  }
}
