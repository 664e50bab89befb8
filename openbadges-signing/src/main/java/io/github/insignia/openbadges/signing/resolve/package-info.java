/**
 * The host's {@link io.github.insignia.openbadges.signing.resolve.DocumentFetcher}: how the
 * signing module obtains an issuer's (or holder's) documents (DID documents, profiles, key
 * documents, JWKS) without opening a connection itself. Keys are bound to issuers in {@code
 * signing.verify} ({@code IssuerKeys}).
 */
package io.github.insignia.openbadges.signing.resolve;
