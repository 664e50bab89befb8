package io.github.insignia.openbadges.issuing.batch;

import java.util.Objects;

/**
 * A learner the batch could not award.
 *
 * @param row the roster record number (1 = first learner)
 * @param recipient the e-mail or identifier of the row, or empty when the row had none
 * @param code the stable error code
 * @param message what went wrong
 */
public record BatchFailure(long row, String recipient, String code, String message) {
  /** Checks that nothing is null. */
  public BatchFailure {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
