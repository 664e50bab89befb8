/**
 * Signing and verification: the {@link io.github.insignia.openbadges.signing.Signer} SPI, key
 * resolution, OB 2.0 JWS, OB 3.0 VC-JWT and Data Integrity proofs.
 */
package io.github.insignia.openbadges.signing;
