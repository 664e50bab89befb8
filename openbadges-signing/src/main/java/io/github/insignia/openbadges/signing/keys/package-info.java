/**
 * Keys: {@link io.github.insignia.openbadges.signing.keys.SigningKey} (in-memory signer), {@link
 * io.github.insignia.openbadges.signing.keys.VerificationKey}, imports and exports in JWK, PEM and
 * Multikey, {@code did:key}, and the documents an issuer publishes (DID document, JWKS, OB 2.0
 * CryptographicKey).
 */
package io.github.insignia.openbadges.signing.keys;
