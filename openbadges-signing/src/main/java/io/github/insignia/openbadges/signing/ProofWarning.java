package io.github.insignia.openbadges.signing;

import java.util.Objects;

/**
 * Something a verifier accepted but the caller should know: a legacy cryptosuite, a missing
 * optional JWT claim. Verification failures are exceptions, never warnings.
 *
 * @param code a stable code, the name of a {@link SigningErrorCode} (for example {@code
 *     LEGACY_CRYPTOSUITE})
 * @param message a human-readable explanation
 */
public record ProofWarning(String code, String message) {
  /** Checks for nulls. */
  public ProofWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /**
   * A warning with one of the signing codes.
   *
   * @param code the code
   * @param message a human-readable explanation
   */
  public ProofWarning(SigningErrorCode code, String message) {
    this(code.name(), message);
  }
}
