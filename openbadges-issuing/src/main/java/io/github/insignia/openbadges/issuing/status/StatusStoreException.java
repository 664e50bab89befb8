package io.github.insignia.openbadges.issuing.status;

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

  /** Code: another writer held the store's lock for longer than the caller waits. */
  public static final String LOCKED = "STATUS_STORE_LOCKED";
  /** Code: the store cannot be opened, read or written. */
  public static final String IO = "STATUS_STORE_IO";
  /** Code: a complete record of the journal is unreadable, or the journal shrank under the store. */
  public static final String CORRUPT = "STATUS_STORE_CORRUPT";
  /** Code: the store was used after {@code close()}. */
  public static final String CLOSED = "STATUS_STORE_CLOSED";

  /**
   * @param code one of the codes above
   * @param message a human-readable explanation
   * @param cause the underlying cause, or {@code null}
   */
  public StatusStoreException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * @param code one of the codes above
   * @param message a human-readable explanation
   */
  public StatusStoreException(String code, String message) {
    super(code, message);
  }
}
