package io.github.insignia.openbadges.issuing.status;

import java.time.Instant;
import java.util.Objects;

/**
 * The status slot handed to one credential, with the recipient it was issued to.
 *
 * @param credentialId the credential id ({@code urn:uuid:…})
 * @param recipientKey the recipient's opaque key (see {@link RecipientKeys})
 * @param slot the status list slot, never handed to another credential
 * @param assignedAt when the slot was handed out
 */
public record StatusAssignment(String credentialId, String recipientKey, StatusSlot slot, Instant assignedAt) {
  /** Checks that nothing is null. */
  public StatusAssignment {
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(recipientKey, "recipientKey");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(assignedAt, "assignedAt");
  }
}
