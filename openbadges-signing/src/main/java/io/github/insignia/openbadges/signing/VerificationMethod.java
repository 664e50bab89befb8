package io.github.insignia.openbadges.signing;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved public key with the identifiers a proof refers to it by.
 *
 * @param id the verification method id, for example {@code did:key:z6Mk…#z6Mk…}
 * @param controller the DID or URL that controls the key, when known (compared with the issuer)
 * @param keyType the key's type, which pins the algorithm
 * @param publicKey the public key as a JDK key
 */
public record VerificationMethod(String id, Optional<String> controller, KeyType keyType, PublicKey publicKey) {
  /** Checks that nothing is null. */
  public VerificationMethod {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(publicKey, "publicKey");
  }
}
