package io.github.insignia.openbadges.export.backpack;

import java.util.Optional;

/**
 * Host SPI: keeps client registrations (per backpack) and tokens (per backpack and account). Hosts
 * store them encrypted in their database; {@link InMemoryTokenStore} is for tests and the CLI.
 * Implementations must be thread-safe. {@code service} is the backpack's base URL as text.
 */
public interface TokenStore {
  /** The registration at this backpack. */
  Optional<ClientRegistration> loadClient(String service);

  /** Saves the registration at this backpack. */
  void saveClient(String service, ClientRegistration client);

  /** The tokens of one account at this backpack. */
  Optional<TokenSet> loadTokens(String service, String account);

  /** Saves the tokens of one account. */
  void saveTokens(String service, String account, TokenSet tokens);

  /** Forgets the tokens of one account (after revocation or a refused refresh). */
  void deleteTokens(String service, String account);
}
