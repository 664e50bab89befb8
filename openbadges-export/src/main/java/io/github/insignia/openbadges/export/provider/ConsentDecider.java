package io.github.insignia.openbadges.export.provider;

/**
 * Host SPI: decides, at the authorization endpoint, whether the signed-in user lets a client in.
 * The host identifies the user from the request (its session cookie, for example) and either grants
 * (naming the user) or refuses; a host that must show a consent page first answers the user's
 * form submission with a second request to the endpoint. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConsentDecider {
  /** The decision for this authorization request. */
  ConsentDecision decide(ConsentRequest request);
}
