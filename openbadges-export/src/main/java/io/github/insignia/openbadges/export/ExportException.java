package io.github.insignia.openbadges.export;

import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.OpenBadgesException;

/** A failure of the export module that is not a refusal, with a stable {@link #code()}. */
public class ExportException extends OpenBadgesException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   */
  public ExportException(ErrorCode code, String message) {
    super(code, message);
  }

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   * @param cause the underlying cause
   */
  public ExportException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
