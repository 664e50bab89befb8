package io.github.insignia.openbadges;

/**
 * The input was read (it is well-formed JSON, a readable image, …) but it is not an Open Badges
 * document of a kind the operation accepts, or it carries no badge. The command line maps this to
 * exit code 1, every other {@link OpenBadgesException} to exit code 2.
 */
public class NotABadgeException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code the stable error code, for example {@code NOT_A_BADGE}
   * @param message a human-readable explanation
   */
  public NotABadgeException(ErrorCode code, String message) {
    super(code, message);
  }

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   * @param cause the underlying cause, or {@code null}
   */
  public NotABadgeException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
