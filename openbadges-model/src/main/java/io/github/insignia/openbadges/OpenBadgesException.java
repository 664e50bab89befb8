package io.github.insignia.openbadges;

import java.util.Objects;

/**
 * The root of every exception Insignia throws.
 *
 * <p>Each exception carries a stable, machine-readable {@link #code()} (upper snake case, for
 * example {@code JSON_TOO_DEEP}) that hosts and scripts may rely on across releases; the message is
 * for people and may change. Two families sit below it, as in Nimbus JOSE+JWT: {@link
 * InvalidInputException} for data that came from outside and is malformed, hostile or over a limit,
 * and {@link ConfigurationException} for a host that set Insignia up wrongly. An invalid badge is
 * not an exception: verification reports it.
 */
public class OpenBadgesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode errorCode;

  /**
   * @param code the stable error code, a constant of the throwing module's error-code enum
   * @param message a human-readable explanation
   * @param cause the underlying cause, or {@code null}
   */
  public OpenBadgesException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = Objects.requireNonNull(code, "code");
  }

  /**
   * @param code the stable error code, a constant of the throwing module's error-code enum
   * @param message a human-readable explanation
   */
  public OpenBadgesException(ErrorCode code, String message) {
    this(code, message, null);
  }

  /**
   * The stable error code as printed, for example {@code JSON_MALFORMED}.
   *
   * @return the code's name
   */
  public String code() {
    return errorCode.name();
  }

  /**
   * The stable error code; compare it with the module's enum constants.
   *
   * @return the code
   */
  public ErrorCode errorCode() {
    return errorCode;
  }
}
