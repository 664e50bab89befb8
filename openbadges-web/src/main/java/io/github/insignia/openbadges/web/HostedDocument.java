package io.github.insignia.openbadges.web;

import java.util.Objects;

/**
 * A document the site hosts for verifiers at a fixed URL: an issuer profile, a JWKS, a DID
 * document, a status list credential, an OB 2.0 hosted assertion or badge class.
 *
 * @param status the HTTP status to answer (200, or 410 for a revoked OB 2.0 assertion)
 * @param contentType the media type
 * @param body the bytes
 */
public record HostedDocument(int status, String contentType, byte[] body) {
  /** Checks the members and copies the body. */
  public HostedDocument {
    Objects.requireNonNull(contentType, "contentType");
    body = Objects.requireNonNull(body, "body").clone();
  }

  /** The body (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }
}
