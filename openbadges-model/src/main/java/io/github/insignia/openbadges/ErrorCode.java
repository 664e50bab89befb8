package io.github.insignia.openbadges;

/**
 * A stable, machine-readable error code carried by every {@link OpenBadgesException}.
 *
 * <p>Each module keeps its codes in one {@code enum} that implements this interface (for example
 * {@code ModelErrorCode}); that enum is the single source of truth, and every constant has a row in
 * {@code docs/error-codes.md}, which a test checks both ways. The {@link #name()} of a constant is
 * the code printed by the command line and in JSON, and never changes across releases. Compare
 * codes as constants ({@code e.errorCode() == ModelErrorCode.JSON_TOO_DEEP}), never as strings.
 */
public interface ErrorCode {
  /**
   * The code as printed, in upper snake case (for example {@code JSON_TOO_DEEP}); for an enum this
   * is the constant's name.
   *
   * @return the stable code
   */
  String name();
}
