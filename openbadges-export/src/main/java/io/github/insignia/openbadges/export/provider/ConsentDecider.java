package io.github.insignia.openbadges.export.provider;

/**
 * Host SPI: decides, at the authorization endpoint, whether the signed-in user lets a client in.
 * The host identifies the user from the request (its session cookie, for example) and grants
 * (naming the user), refuses, or asks the person on the provider's consent page ({@link
 * ConsentDecision#ask(String)}, the right answer for self-registered clients). The decider is
 * called for the {@code GET} of the authorization endpoint and again for the consent form's {@code
 * POST}, where it must name the same user. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConsentDecider {
  /** The decision for this authorization request. */
  ConsentDecision decide(ConsentRequest request);
}
