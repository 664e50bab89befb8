package io.github.insignia.openbadges.issuing;

import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.OpenBadgesException;

/**
 * A failure on the issuer side that is neither bad outside input nor host misuse: a status store
 * that cannot be written, a signer that failed, a batch output folder that cannot be created.
 * Codes are stable ({@code ISSUING_*}, {@code STATUS_*}, {@code BATCH_*}).
 */
public class IssuingException extends OpenBadgesException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   * @param cause the underlying cause, or {@code null}
   */
  public IssuingException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   */
  public IssuingException(ErrorCode code, String message) {
    super(code, message);
  }
}
