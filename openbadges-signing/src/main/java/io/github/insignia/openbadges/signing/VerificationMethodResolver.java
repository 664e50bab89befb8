package io.github.insignia.openbadges.signing;

/**
 * Finds the public key a proof names (a {@code verificationMethod}, a JWS {@code kid}, an OB 2.0
 * {@code verification.creator}). Implementations resolve {@code did:key} offline, and {@code
 * did:web}, HTTPS controller documents and JWKS through a fetcher the host supplies. They must be
 * thread-safe, and may cache.
 */
@FunctionalInterface
public interface VerificationMethodResolver {
  /**
   * @param verificationMethodId the id as written in the proof
   * @return the key
   * @throws KeyResolutionException when the key cannot be found or is not usable
   */
  VerificationMethod resolve(String verificationMethodId);
}
