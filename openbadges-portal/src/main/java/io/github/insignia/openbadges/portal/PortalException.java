package io.github.insignia.openbadges.portal;

import io.github.insignia.openbadges.OpenBadgesException;

/** A failure of the portal itself, with a {@link PortalErrorCode}. */
public final class PortalException extends OpenBadgesException {
  private static final long serialVersionUID = 1L;

  /**
   * A portal failure.
   *
   * @param code its stable code
   * @param message what happened
   * @param cause the underlying failure, or null
   */
  public PortalException(PortalErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /**
   * A portal failure without an underlying cause.
   *
   * @param code its stable code
   * @param message what happened
   */
  public PortalException(PortalErrorCode code, String message) {
    super(code, message);
  }
}
