/**
 * The claim flow: the host passes the facts it knows about a learner, and {@link
 * io.github.insignia.openbadges.issuing.claim.ClaimRequirements} answers which requisite is missing,
 * with a message in English or Spanish the platform can show instead of "contact support".
 */
package io.github.insignia.openbadges.issuing.claim;
