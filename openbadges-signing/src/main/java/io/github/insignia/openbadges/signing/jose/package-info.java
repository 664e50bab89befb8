/**
 * JOSE: OB 2.0 signed badges ({@link io.github.insignia.openbadges.signing.jose.Ob2Jws}) and OB 3.0
 * VC-JWT ({@link io.github.insignia.openbadges.signing.jose.VcJwt}) over Nimbus JOSE+JWT, with
 * Insignia's own signer and verifier adapters (Bouncy Castle Ed25519, no Tink) and the algorithm
 * pinned to the key type.
 */
package io.github.insignia.openbadges.signing.jose;
