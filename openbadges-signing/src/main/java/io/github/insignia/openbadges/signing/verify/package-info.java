/**
 * The one judge of proofs: {@link io.github.insignia.openbadges.signing.verify.IssuerKeys} binds a
 * verifying key to the issuer from the issuer's own documents (never from the badge), {@link
 * io.github.insignia.openbadges.signing.verify.VerificationPolicy} says what a verifier accepts, and
 * every failure is a {@link io.github.insignia.openbadges.signing.verify.ProofVerificationException}
 * carrying a {@link io.github.insignia.openbadges.signing.verify.ProofFailure} and the {@link
 * io.github.insignia.openbadges.signing.verify.Stage} reached. The verifiers of {@code
 * VcJwt}, {@code DataIntegrity} and {@code Ob2Jws} are built from these.
 */
package io.github.insignia.openbadges.signing.verify;
