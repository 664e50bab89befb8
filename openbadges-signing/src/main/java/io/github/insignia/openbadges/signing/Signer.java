package io.github.insignia.openbadges.signing;

/**
 * Signs bytes with a private key the caller may never see: the key can live in memory, in an HSM or
 * in a cloud KMS. Insignia builds the bytes to sign (a JWS signing input, a Data Integrity hash
 * pair) and asks the signer for the raw signature in the encoding of its key type: 64 bytes for
 * Ed25519, the 64-byte {@code R || S} (IEEE P1363) form for P-256, PKCS#1 v1.5 with SHA-256 for
 * RSA.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Signer {
  /** The type of the private key, which fixes the algorithm. */
  KeyType keyType();

  /**
   * @param data the exact bytes to sign
   * @return the raw signature
   */
  byte[] sign(byte[] data);
}
