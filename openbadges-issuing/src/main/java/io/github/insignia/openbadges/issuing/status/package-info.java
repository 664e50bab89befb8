/**
 * Status and revocation on the issuer side: W3C Bitstring Status Lists (allocation that never reuses
 * an index, rollover to a new list, publishable list credentials), the 1EdTech revocation list, the
 * OB 2.0 {@code RevocationList} and {@code revoked} answers for hosted assertions, and revocation of
 * every badge of a recipient in one call. Persistence goes through the {@link
 * io.github.insignia.openbadges.issuing.status.StatusListStore} SPI.
 */
package io.github.insignia.openbadges.issuing.status;
