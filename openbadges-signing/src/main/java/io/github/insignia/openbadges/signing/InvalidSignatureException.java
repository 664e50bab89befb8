package io.github.insignia.openbadges.signing;

import io.github.insignia.openbadges.InvalidInputException;

/**
 * A signature or proof did not verify. As in Google Tink, verification methods throw this instead of
 * returning a boolean that a caller could forget to check.
 */
public class InvalidSignatureException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code the stable error code, for example {@code SIGNATURE_INVALID}
   * @param message a human-readable explanation
   * @param cause the cause, or {@code null}
   */
  public InvalidSignatureException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   */
  public InvalidSignatureException(String code, String message) {
    super(code, message);
  }

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   * @param cause the cause, or {@code null}
   */
  public InvalidSignatureException(io.github.insignia.openbadges.ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
