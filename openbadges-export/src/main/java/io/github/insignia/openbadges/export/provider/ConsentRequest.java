package io.github.insignia.openbadges.export.provider;

import java.util.Set;

/**
 * What a client asks for at the authorization endpoint.
 *
 * @param clientId the registered client id
 * @param clientName the name the client registered with (show it to the user)
 * @param clientUri the client's home page, or null
 * @param scopes the scopes asked for
 * @param request the original HTTP request (for the host's session)
 */
public record ConsentRequest(String clientId, String clientName, String clientUri, Set<String> scopes, HttpRequest request) {
  /** Copies the scopes. */
  public ConsentRequest {
    scopes = Set.copyOf(scopes);
  }
}
