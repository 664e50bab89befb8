package io.github.insignia.openbadges.export.backpack;

import java.util.Optional;

/**
 * What {@code upsertCredential} did.
 *
 * @param outcome inserted (201), replaced (200) or not modified (304)
 * @param echoed the credential as the backpack echoed it, when it did
 */
public record UpsertResult(Outcome outcome, String echoed) {
  /** The three answers of the OB 3.0 upsert. */
  public enum Outcome {
    /** 201: the backpack stored a new credential. */
    CREATED,
    /** 200: the backpack replaced its copy. */
    REPLACED,
    /** 304: the backpack already had it (or a newer one). */
    NOT_MODIFIED
  }

  /** The echoed body. */
  public Optional<String> echo() {
    return Optional.ofNullable(echoed);
  }
}
