/** Awarding, bulk issuing, expiry and revocation of badges on the issuer side. */
package io.github.insignia.openbadges.issuing;
