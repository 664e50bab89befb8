package io.github.insignia.openbadges.export.backpack;

import java.util.Objects;

/**
 * What dynamic registration returned: the client's id and secret at one backpack.
 *
 * @param clientId the client id
 * @param clientSecret the client secret
 * @param secretExpiresAt {@code client_secret_expires_at} (0 = never), seconds since the epoch
 * @param scope the scopes the backpack registered, space separated
 */
public record ClientRegistration(String clientId, String clientSecret, long secretExpiresAt, String scope) {
  /** Validates. */
  public ClientRegistration {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    scope = scope == null ? "" : scope;
  }

  @Override
  public String toString() {
    return "ClientRegistration[clientId=" + clientId + ", scope=" + scope + "]";
  }
}
