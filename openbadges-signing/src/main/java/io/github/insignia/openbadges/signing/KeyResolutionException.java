package io.github.insignia.openbadges.signing;

import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.InvalidInputException;

/** A verification key could not be resolved (unknown DID method, unreachable document, bad key). */
public class KeyResolutionException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code the stable error code, for example {@code KEY_NOT_FOUND}
   * @param message a human-readable explanation
   * @param cause the cause, or {@code null}
   */
  public KeyResolutionException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   */
  public KeyResolutionException(ErrorCode code, String message) {
    super(code, message);
  }
}
