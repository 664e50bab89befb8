package io.github.insignia.openbadges.issuing;

import io.github.insignia.openbadges.issuing.claim.ClaimDecision;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link BadgeIssuer#claim}: the decision and, when it was granted, the award.
 *
 * @param decision which requisites hold
 * @param award the award, present exactly when the decision is granted
 */
public record ClaimResult(ClaimDecision decision, Optional<Award> award) {
  /** Checks consistency. */
  public ClaimResult {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(award, "award");
    if (decision.granted() != award.isPresent()) {
      throw new IllegalArgumentException("an award is present exactly when the claim is granted");
    }
  }
}
