package io.github.insignia.openbadges.wallet;

import io.github.insignia.openbadges.OpenBadgesException;

/** A failure of the wallet module's own: a store that is full or cannot be read or written. */
public class WalletException extends OpenBadgesException {
  private static final long serialVersionUID = 1L;

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   * @param cause the underlying cause, or {@code null}
   */
  public WalletException(WalletErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * @param code the stable error code
   * @param message a human-readable explanation
   */
  public WalletException(WalletErrorCode code, String message) {
    super(code, message);
  }
}
