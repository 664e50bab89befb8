package io.github.insignia.openbadges.signing.verify;

/** How a key was shown to belong to the issuer. */
public enum Provenance {
  /** The issuer is a {@code did:key}: the key is the DID itself. */
  DID_KEY,
  /** The issuer is a {@code did:jwk}: the key is the DID itself. */
  DID_JWK,
  /** Listed under {@code assertionMethod} of the issuer's {@code did:web} DID document, controlled by that DID. */
  DID_WEB_ASSERTION_METHOD,
  /** Listed under {@code authentication} of a presentation holder's {@code did:web} DID document, controlled by that DID. */
  DID_WEB_AUTHENTICATION,
  /** Published by the issuer's profile fetched from its id ({@code publicKey}, {@code assertionMethod}, {@code verificationMethod}). */
  ISSUER_PROFILE,
  /** A key document on the issuer's origin that the issuer's profile lists and that names the issuer as owner/controller. */
  ISSUER_KEY_DOCUMENT,
  /** In a JWKS the issuer's profile names. */
  ISSUER_JWKS,
  /** In {@code https://{issuer authority}/.well-known/jwks.json} (VC-JWT). */
  WELL_KNOWN_JWKS,
  /** Configured by the host as a trusted key of this issuer. */
  TRUSTED_BY_POLICY,
  /** A VC-JWT header {@code jwk} taken at its word because the policy allows it: the issuer was NOT authenticated. */
  UNBOUND_HEADER_JWK
}
