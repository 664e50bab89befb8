package io.github.insignia.openbadges.export.backpack;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What dynamic registration returned: the client's id and secret at one backpack, and the token
 * endpoint they were issued for. The client sends the secret (and the refresh tokens obtained with
 * it) to that endpoint only, whatever a later discovery document says; a host's {@link TokenStore}
 * must therefore keep {@link #tokenEndpointUrl()} with the secret.
 *
 * @param clientId the client id
 * @param clientSecret the client secret
 * @param secretExpiresAt {@code client_secret_expires_at} (0 = never), seconds since the epoch
 * @param scope the scopes the backpack registered, space separated
 * @param tokenEndpointUrl the token endpoint of the backpack that issued the secret, or null for a
 *     registration stored before endpoints were recorded (then only the API base's origin is used)
 */
public record ClientRegistration(String clientId, String clientSecret, long secretExpiresAt, String scope,
    URI tokenEndpointUrl) {
  /** Validates. */
  public ClientRegistration {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    scope = scope == null ? "" : scope;
  }

  /** A registration without a recorded token endpoint (as stored by earlier versions). */
  public ClientRegistration(String clientId, String clientSecret, long secretExpiresAt, String scope) {
    this(clientId, clientSecret, secretExpiresAt, scope, null);
  }

  /** The token endpoint the secret was issued for, when recorded. */
  public Optional<URI> tokenEndpoint() {
    return Optional.ofNullable(tokenEndpointUrl);
  }

  @Override
  public String toString() {
    return "ClientRegistration[clientId=" + clientId + ", scope=" + scope + ", tokenEndpoint=" + tokenEndpointUrl + "]";
  }
}
