package io.github.insignia.openbadges.export.backpack;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What discovery found at a backpack: its API base and OAuth endpoints. Hosts may cache it (the
 * discovery documents allow an hour by default) and build clients from it.
 *
 * @param name the service name
 * @param apiBase the API base URL (ends {@code /ims/ob/v3p0} or {@code /ims/ob/v2p1})
 * @param registrationUrl the RFC 7591 registration endpoint
 * @param authorizationUrl the authorization endpoint
 * @param tokenUrl the token endpoint
 * @param revocationUrl the RFC 7009 revocation endpoint, or null
 * @param scopesOffered the scopes the backpack offers
 * @param termsOfService terms of service, or null
 * @param privacyPolicy privacy policy, or null
 */
public record BackpackService(String name, URI apiBase, URI registrationUrl, URI authorizationUrl, URI tokenUrl,
    URI revocationUrl, List<String> scopesOffered, URI termsOfService, URI privacyPolicy) {
  /** Validates and copies. */
  public BackpackService {
    Objects.requireNonNull(apiBase, "apiBase");
    Objects.requireNonNull(registrationUrl, "registrationUrl");
    Objects.requireNonNull(authorizationUrl, "authorizationUrl");
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    scopesOffered = List.copyOf(scopesOffered);
    name = name == null ? "" : name;
  }

  /** The revocation endpoint. */
  public Optional<URI> revocation() {
    return Optional.ofNullable(revocationUrl);
  }
}
