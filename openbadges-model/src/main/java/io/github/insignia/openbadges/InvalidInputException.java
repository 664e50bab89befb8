package io.github.insignia.openbadges;

/**
 * Input that came from outside (a badge, an image, a key, a URL) is malformed, hostile or exceeds a
 * configured limit. Safe to show to the person who supplied the input.
 */
public class InvalidInputException extends OpenBadgesException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   * @param cause the underlying cause, or {@code null}
   */
  public InvalidInputException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   */
  public InvalidInputException(ErrorCode code, String message) {
    super(code, message);
  }
}
