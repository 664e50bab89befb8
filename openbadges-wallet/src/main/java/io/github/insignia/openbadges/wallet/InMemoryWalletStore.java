package io.github.insignia.openbadges.wallet;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link WalletStore} in memory: bounded (default 100,000 live entries), expired entries swept
 * when the bound is reached. For one process; state is lost on restart (offers and codes with it).
 * Thread-safe.
 */
public final class InMemoryWalletStore implements WalletStore {
  private record Entry(String value, Instant expiresAt) {}

  private record Name(Kind kind, String key) {}

  private final Map<Name, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;

  private InMemoryWalletStore(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** A store of up to 100,000 live entries. */
  public static InMemoryWalletStore create() {
    return new InMemoryWalletStore(100_000);
  }

  /**
   * A store of up to {@code maxEntries} live entries.
   *
   * @param maxEntries the bound, at least 1
   * @return the store
   */
  public static InMemoryWalletStore create(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1");
    }
    return new InMemoryWalletStore(maxEntries);
  }

  @Override
  public void put(Kind kind, String key, String value, Instant expiresAt) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expiresAt, "expiresAt");
    check(key, value);
    Name name = new Name(kind, key);
    if (entries.size() >= maxEntries && !entries.containsKey(name)) {
      Instant now = Instant.now();
      entries.entrySet().removeIf(e -> !e.getValue().expiresAt().isAfter(now));
      if (entries.size() >= maxEntries) {
        throw new WalletException(WalletErrorCode.WALLET_STORE_FULL,
            "the wallet store holds its maximum of " + maxEntries + " live entries");
      }
    }
    entries.put(name, new Entry(value, expiresAt));
  }

  @Override
  public Optional<String> get(Kind kind, String key, Instant now) {
    Entry e = entries.get(new Name(kind, key));
    return e == null || !e.expiresAt().isAfter(now) ? Optional.empty() : Optional.of(e.value());
  }

  @Override
  public Optional<String> take(Kind kind, String key, Instant now) {
    Entry e = entries.remove(new Name(kind, key));
    return e == null || !e.expiresAt().isAfter(now) ? Optional.empty() : Optional.of(e.value());
  }

  static void check(String key, String value) {
    if (!WalletStore.validKey(key)) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_KEY_INVALID, "a store key is 1 to 128 characters of [A-Za-z0-9_-]");
    }
    if (value == null || value.length() > MAX_VALUE_CHARS) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_KEY_INVALID, "a store value is at most " + MAX_VALUE_CHARS + " characters");
    }
  }
}
