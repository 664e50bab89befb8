package io.github.insignia.openbadges.baking;

import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.InvalidInputException;

/**
 * An image could not be baked or unbaked because it is malformed, hostile, over a limit of {@link
 * BakingOptions}, or not a PNG/SVG at all. The {@link #errorCode()}, a {@link BakingErrorCode}, is stable; see {@code docs/error-codes.md}
 * for the list. An image that is readable but carries no badge is a {@link
 * io.github.insignia.openbadges.NotABadgeException} with code {@code NO_BADGE} instead.
 */
public class BakingException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code the stable error code (a {@link BakingErrorCode} constant)
   * @param message a human-readable explanation
   */
  public BakingException(ErrorCode code, String message) {
    super(code, message);
  }

  /**
   * @param code the stable error code (a {@link BakingErrorCode} constant)
   * @param message a human-readable explanation
   * @param cause the underlying cause, or {@code null}
   */
  public BakingException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
