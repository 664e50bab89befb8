package io.github.insignia.openbadges.issuing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Adds an embedded proof to a credential (for OB 3.0: a Data Integrity {@code eddsa-rdfc-2022}
 * proof). The signing module supplies the real implementation; this small seam lets the issuing
 * services be wired to any suite, an HSM or a test double. Implementations must be thread-safe and
 * must not modify their argument.
 */
@FunctionalInterface
public interface CredentialProver {
  /**
   * @param unsigned the credential without a proof
   * @return a copy of the credential with its proof attached
   */
  ObjectNode prove(ObjectNode unsigned);
}
