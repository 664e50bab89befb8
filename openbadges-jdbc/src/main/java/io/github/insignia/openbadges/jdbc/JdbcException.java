package io.github.insignia.openbadges.jdbc;

import io.github.insignia.openbadges.OpenBadgesException;

/**
 * The database behind a JDBC store failed or refused a call ({@link JdbcErrorCode}). A call that
 * fails this way changed nothing: its transaction was rolled back.
 */
public class JdbcException extends OpenBadgesException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code the stable code
   * @param message a human-readable explanation
   * @param cause the underlying cause, or {@code null}
   */
  public JdbcException(JdbcErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * @param code the stable code
   * @param message a human-readable explanation
   */
  public JdbcException(JdbcErrorCode code, String message) {
    super(code, message);
  }
}
