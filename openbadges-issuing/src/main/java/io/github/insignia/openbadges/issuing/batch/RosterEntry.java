package io.github.insignia.openbadges.issuing.batch;

import java.util.Objects;
import java.util.Optional;

/**
 * One learner of a roster.
 *
 * @param row the record number in the file (1 = the first learner after the header)
 * @param email the {@code email} column, when present and not blank
 * @param identifier the {@code identifier} column, when present and not blank
 * @param name the {@code name} column
 * @param evidence the {@code evidence} column (a URL, or a narrative otherwise)
 * @param narrative the {@code narrative} column
 */
public record RosterEntry(
    long row,
    Optional<String> email,
    Optional<String> identifier,
    Optional<String> name,
    Optional<String> evidence,
    Optional<String> narrative) {
  /** Checks that nothing is null. */
  public RosterEntry {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(narrative, "narrative");
  }

  /** The e-mail, or else the identifier; empty when the row has neither. */
  public Optional<String> recipientText() {
    return email.or(() -> identifier);
  }
}
