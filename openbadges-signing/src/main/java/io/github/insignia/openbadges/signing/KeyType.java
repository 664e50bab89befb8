package io.github.insignia.openbadges.signing;

/** The key types Insignia signs and verifies with. The algorithm is always pinned to the key type. */
public enum KeyType {
  /** Ed25519 (EdDSA): JWS {@code EdDSA}, Data Integrity {@code eddsa-rdfc-2022}. */
  ED25519,
  /** NIST P-256: JWS {@code ES256}, Data Integrity {@code ecdsa-rdfc-2019}. */
  P256,
  /** NIST P-384: JWS {@code ES384}, Data Integrity {@code ecdsa-rdfc-2019} (SHA-384). */
  P384,
  /** RSA of at least 2048 bits: JWS {@code RS256}, the OB 2.0 signed-badge default. */
  RSA
}
