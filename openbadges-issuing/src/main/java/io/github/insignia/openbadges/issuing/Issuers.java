package io.github.insignia.openbadges.issuing;

import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.util.Objects;
import java.util.Optional;

/** Wiring helpers shared by the CLI, the demo and hosts that keep their keys as files. */
public final class Issuers {
  private Issuers() {}

  /**
   * The verification method id that proofs and the JWT {@code kid} name for a key of an issuer: the
   * did:key method itself for a {@code did:key} issuer, else {@code <issuer id>#<publicKeyMultibase>}
   * (the form verifiers resolve against the issuer's profile; the key is controlled by the issuer)
   * or {@code #<JWK thumbprint>} for RSA keys.
   */
  public static String verificationMethodFor(String issuerId, VerificationKey key) {
    Objects.requireNonNull(issuerId, "issuerId");
    if (issuerId.startsWith("did:key:") && key.hasMultikeyForm() && issuerId.equals(key.didKey())) {
      return key.didKeyVerificationMethod();
    }
    return issuerId + "#" + (key.hasMultikeyForm() ? key.publicKeyMultibase() : key.thumbprint());
  }

  /**
   * The {@code eddsa-rdfc-2022} Data Integrity prover for an Ed25519 signer, when the signing module
   * provides one on the class path.
   */
  public static Optional<CredentialProver> dataIntegrity(Signer signer, String verificationMethod) {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(verificationMethod, "verificationMethod");
    return Optional.empty();
  }
}
