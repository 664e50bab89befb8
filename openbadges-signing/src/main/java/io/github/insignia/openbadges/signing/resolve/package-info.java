/**
 * Key resolution: {@link io.github.insignia.openbadges.signing.resolve.KeyResolvers} for did:key,
 * did:web, HTTPS controller documents, JWKS and the 1EdTech {@code <issuer>#z6Mk…} form, through
 * a host-supplied {@link io.github.insignia.openbadges.signing.resolve.DocumentFetcher}.
 */
package io.github.insignia.openbadges.signing.resolve;
