package io.github.insignia.openbadges;

/**
 * The host set Insignia up wrongly or called it in a way its contract forbids (a missing required
 * builder value, a key that cannot sign with the requested algorithm, …). It signals a bug in the
 * calling code, not bad input.
 */
public class ConfigurationException extends OpenBadgesException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   * @param cause the underlying cause, or {@code null}
   */
  public ConfigurationException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   */
  public ConfigurationException(ErrorCode code, String message) {
    super(code, message);
  }
}
