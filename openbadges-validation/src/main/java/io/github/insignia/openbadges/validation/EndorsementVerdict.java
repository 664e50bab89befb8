package io.github.insignia.openbadges.validation;

import java.util.Objects;

/**
 * One endorsement of a badge, verified on its own as its endorser's credential. Only those whose
 * {@link #verdict()} is {@link Verdict#VALID} may be shown as endorsements; the others are listed
 * so a host can say why (the badge's own report carries an {@code ENDORSEMENT_INVALID} warning for
 * each), and never change the badge's verdict.
 *
 * @param target where the endorsement sits in the badge (a JSON pointer such as {@code
 *     /credentialSubject/achievement/endorsement/0})
 * @param verdict the endorsement's own verdict
 * @param report the endorsement's own report (its checks, root cause and kind)
 */
public record EndorsementVerdict(String target, Verdict verdict, VerificationReport report) {
  /** Checks the components are present. */
  public EndorsementVerdict {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(report, "report");
  }

  /** Whether the endorsement verified and may be shown. */
  public boolean verified() {
    return verdict == Verdict.VALID;
  }
}
