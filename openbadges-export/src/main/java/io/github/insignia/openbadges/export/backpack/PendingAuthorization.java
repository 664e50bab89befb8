package io.github.insignia.openbadges.export.backpack;

import java.net.URI;
import java.util.Objects;

/**
 * An authorization in progress: send the user's browser to {@link #authorizationUri()}, then hand
 * the redirect that comes back to {@code completeAuthorization}. Keep it server-side (it holds the
 * PKCE verifier).
 *
 * @param authorizationUri where the user agent goes
 * @param redirectUri the registered redirect URI the backpack will send the user back to
 * @param state the anti-CSRF state
 * @param codeVerifier the PKCE verifier (secret)
 * @param scope the scopes asked for, space separated
 */
public record PendingAuthorization(URI authorizationUri, URI redirectUri, String state, String codeVerifier, String scope) {
  /** Validates. */
  public PendingAuthorization {
    Objects.requireNonNull(authorizationUri, "authorizationUri");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
  }

  @Override
  public String toString() {
    return "PendingAuthorization[" + authorizationUri + "]";
  }
}
