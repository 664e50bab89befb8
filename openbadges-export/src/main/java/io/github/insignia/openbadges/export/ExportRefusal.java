package io.github.insignia.openbadges.export;

/** Why a badge may not be exported or shared. Codes are stable; messages are English. */
public enum ExportRefusal {
  /** The issuer revoked the badge. */
  BADGE_REVOKED(ExportErrorCode.BADGE_REVOKED, "the badge was revoked by its issuer; it cannot be added to a profile or shared"),
  /** The badge expired. */
  BADGE_EXPIRED(ExportErrorCode.BADGE_EXPIRED, "the badge has expired; it cannot be added to a profile or shared"),
  /** The badge was not verified. */
  BADGE_NOT_VERIFIED(ExportErrorCode.BADGE_NOT_VERIFIED, "the badge has not been verified; verify it before adding it to a profile or sharing it");

  private final ExportErrorCode errorCode;
  private final String message;

  ExportRefusal(ExportErrorCode errorCode, String message) {
    this.errorCode = errorCode;
    this.message = message;
  }

  /** The stable code (the constant's name). */
  public String code() {
    return errorCode.name();
  }

  /**
   * The stable code as the {@link ExportRefusedException}'s error code.
   *
   * @return the code, for example {@link ExportErrorCode#BADGE_REVOKED}
   */
  public ExportErrorCode errorCode() {
    return errorCode;
  }

  /** An English explanation for people. */
  public String message() {
    return message;
  }
}
