package io.github.insignia.openbadges.signing.verify;

import io.github.insignia.openbadges.signing.keys.VerificationKey;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A key of an issuer, with where that was read.
 *
 * @param id the key's id as the issuer publishes it (a verification method id, a {@code kid}, a key URL)
 * @param key the public key
 * @param issuerId the issuer it is bound to
 * @param provenance how it is bound
 * @param document the issuer-side document that binds it (empty for {@code did:key}/{@code did:jwk} and policy keys)
 */
public record BoundKey(String id, VerificationKey key, String issuerId, Provenance provenance, Optional<URI> document) {
  /** Checks for nulls. */
  public BoundKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(issuerId, "issuerId");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(document, "document");
  }

  /** Whether the issuer was authenticated (false only for {@link Provenance#UNBOUND_HEADER_JWK}). */
  public boolean authenticatesIssuer() {
    return provenance != Provenance.UNBOUND_HEADER_JWK;
  }

  /** A short description for reports: the provenance and the document, for example {@code ISSUER_PROFILE https://…}. */
  public String describe() {
    return provenance + document.map(d -> " " + d).orElse("");
  }
}
