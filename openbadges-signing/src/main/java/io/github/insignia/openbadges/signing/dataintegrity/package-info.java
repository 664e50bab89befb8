/**
 * Data Integrity proofs ({@code eddsa-rdfc-2022}, {@code ecdsa-rdfc-2019}; verify-only {@code
 * eddsa-2022} and {@code Ed25519Signature2020}): {@link
 * io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity}.
 */
package io.github.insignia.openbadges.signing.dataintegrity;
