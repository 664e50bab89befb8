/**
 * Credential status data shared by the issuer side (publishing lists) and the verifier side
 * (checking them): the W3C Bitstring Status List codec.
 */
package io.github.insignia.openbadges.model.status;
