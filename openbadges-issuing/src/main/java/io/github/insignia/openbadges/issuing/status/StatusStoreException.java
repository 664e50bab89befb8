package io.github.insignia.openbadges.issuing.status;

import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.issuing.IssuingException;

/**
 * A {@link StatusListStore} could not do its work: the store is locked by another writer for longer
 * than the caller waits ({@code STATUS_STORE_LOCKED}), cannot be read or written ({@code
 * STATUS_STORE_IO}), holds an unreadable record ({@code STATUS_STORE_CORRUPT}) or was closed ({@code
 * STATUS_STORE_CLOSED}). No slot was handed out by the call that failed. A batch stops on it instead of
 * failing every remaining learner the same way.
 */
public class StatusStoreException extends IssuingException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code one of the codes above
   * @param message a human-readable explanation
   * @param cause the underlying cause, or {@code null}
   */
  public StatusStoreException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * @param code one of the codes above
   * @param message a human-readable explanation
   */
  public StatusStoreException(ErrorCode code, String message) {
    super(code, message);
  }
}
