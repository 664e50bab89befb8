package io.github.insignia.openbadges.signing.jose;

import io.github.insignia.openbadges.signing.KeyType;
import java.util.Optional;

/** The JWS algorithms Insignia signs and verifies with, each pinned to one {@link KeyType}. */
public enum JwsAlgorithm {
  /** Ed25519. */
  EdDSA(KeyType.ED25519),
  /** ECDSA P-256 SHA-256, signature in the 64-byte R ‖ S form. */
  ES256(KeyType.P256),
  /** ECDSA P-384 SHA-384, signature in the 96-byte R ‖ S form. */
  ES384(KeyType.P384),
  /** RSASSA-PKCS1-v1_5 SHA-256. */
  RS256(KeyType.RSA);

  private final KeyType keyType;

  JwsAlgorithm(KeyType keyType) {
    this.keyType = keyType;
  }

  /** The only key type this algorithm is accepted with. */
  public KeyType keyType() {
    return keyType;
  }

  /** The algorithm pinned to a key type. */
  public static JwsAlgorithm forKeyType(KeyType type) {
    return switch (type) {
      case ED25519 -> EdDSA;
      case P256 -> ES256;
      case P384 -> ES384;
      case RSA -> RS256;
    };
  }

  /** The algorithm with this JOSE name, if Insignia supports it. */
  public static Optional<JwsAlgorithm> fromName(String name) {
    for (JwsAlgorithm alg : values()) {
      if (alg.name().equals(name)) {
        return Optional.of(alg);
      }
    }
    return Optional.empty();
  }
}
