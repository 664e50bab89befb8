package io.github.insignia.openbadges.issuing;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.Signer;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import java.time.Instant;
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
   * The Data Integrity prover for a signer: {@code eddsa-rdfc-2022} for Ed25519 (the suite OB 3.0
   * certifies), {@code ecdsa-rdfc-2019} for P-256 and P-384 (a host whose HSM requires a NIST curve
   * chooses it by its signer's key type); empty for RSA, which no Data Integrity suite
   * signs with. Proofs carry {@code created} = the credential's {@code validFrom}, so an award's
   * proof does not depend on when the batch happened to run. Thread-safe: one canonicalizer (with
   * its cache of processed pinned contexts) per prover.
   */
  public static Optional<CredentialProver> dataIntegrity(Signer signer, String verificationMethod) {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(verificationMethod, "verificationMethod");
    if (signer.keyType() == KeyType.RSA) {
      return Optional.empty();
    }
    DataIntegrity suite = DataIntegrity.create();
    return Optional.of(
        unsigned -> {
          ProofOptions.Builder options = ProofOptions.builder(verificationMethod);
          JsonNode validFrom = unsigned.path("validFrom");
          if (validFrom.isTextual()) {
            options.created(Instant.parse(validFrom.asText()));
          }
          return suite.sign(unsigned, signer, options.build());
        });
  }
}
