package io.github.insignia.openbadges.issuing.status;

import java.time.Instant;
import java.util.Objects;

/**
 * A revoked credential. Revocation is permanent: a store keeps the first revocation it recorded.
 *
 * @param credentialId the credential id
 * @param reason why it was revoked, shown to verifiers ({@code revocationReason})
 * @param revokedAt when it was revoked
 */
public record Revocation(String credentialId, String reason, Instant revokedAt) {
  /** Checks that nothing is null. */
  public Revocation {
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }
}
