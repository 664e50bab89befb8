package io.github.insignia.openbadges.export;

import io.github.insignia.openbadges.OpenBadgesException;
import java.util.Objects;

/**
 * The badge may not be exported (revoked, expired or not verified). The {@link #code()} is the
 * {@link ExportRefusal}'s code; hosts that prefer not to catch can ask first with {@code refusal()}
 * on the builders.
 */
public final class ExportRefusedException extends OpenBadgesException {
  private static final long serialVersionUID = 1L;

  private final ExportRefusal reason;

  /** @param reason why the export is refused */
  public ExportRefusedException(ExportRefusal reason) {
    super(Objects.requireNonNull(reason, "reason").errorCode(), reason.message());
    this.reason = reason;
  }

  /** Why the export was refused. */
  public ExportRefusal reason() {
    return reason;
  }
}
