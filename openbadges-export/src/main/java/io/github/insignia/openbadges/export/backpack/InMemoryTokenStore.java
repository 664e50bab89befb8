package io.github.insignia.openbadges.export.backpack;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TokenStore} in memory. Thread-safe. */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<String, ClientRegistration> clients = new ConcurrentHashMap<>();
  private final Map<String, TokenSet> tokens = new ConcurrentHashMap<>();

  @Override
  public Optional<ClientRegistration> loadClient(String service) {
    return Optional.ofNullable(clients.get(service));
  }

  @Override
  public void saveClient(String service, ClientRegistration client) {
    clients.put(service, client);
  }

  @Override
  public Optional<TokenSet> loadTokens(String service, String account) {
    return Optional.ofNullable(tokens.get(service + "\n" + account));
  }

  @Override
  public void saveTokens(String service, String account, TokenSet value) {
    tokens.put(service + "\n" + account, value);
  }

  @Override
  public void deleteTokens(String service, String account) {
    tokens.remove(service + "\n" + account);
  }
}
