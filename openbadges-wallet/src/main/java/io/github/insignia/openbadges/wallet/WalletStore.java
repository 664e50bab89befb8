package io.github.insignia.openbadges.wallet;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the wallet flows keep their short-lived state: offers, pre-authorized codes, access tokens,
 * nonces and exchanges. Values are opaque text written by this module; secrets (codes, tokens) are
 * stored under their SHA-256 only, so a copy of the store gives no usable code or token.
 *
 * <p>Contract for an implementation (in memory, a folder, a database): thread-safe; an entry past
 * its expiry is never returned; {@link #take} is atomic over every user of the storage (of
 * concurrent takers of one entry at most one receives it: this is what makes codes single use);
 * storage is bounded ({@link WalletErrorCode#WALLET_STORE_FULL} rather than unbounded growth).
 */
public interface WalletStore {
  /** The largest value a store must accept, in characters. */
  int MAX_VALUE_CHARS = 1024 * 1024;

  /** What a key means: each kind is its own key space. */
  enum Kind {
    /** A credential offer served by reference, under its random id. */
    OFFER,
    /** A pre-authorized code's grant, under the code's SHA-256. */
    PRE_AUTHORIZED_CODE,
    /** An access token's grant, under the token's SHA-256. */
    ACCESS_TOKEN,
    /** A {@code c_nonce} given out by the nonce endpoint, under itself. */
    NONCE,
    /** A VC-API exchange, under its random id. */
    EXCHANGE
  }

  /**
   * Stores {@code value} under ({@code kind}, {@code key}) until {@code expiresAt}, replacing an entry.
   *
   * @param kind the key space
   * @param key the key ({@link #validKey})
   * @param value the value, at most {@link #MAX_VALUE_CHARS} characters
   * @param expiresAt when the entry stops existing
   * @throws WalletException {@link WalletErrorCode#WALLET_STORE_FULL}, {@link
   *     WalletErrorCode#WALLET_STORE_KEY_INVALID}, or {@link WalletErrorCode#WALLET_STORE_IO}
   */
  void put(Kind kind, String key, String value, Instant expiresAt);

  /**
   * The live entry, left in place.
   *
   * @param kind the key space
   * @param key the key
   * @param now the current time (an entry whose expiry is not after it is gone)
   * @return its value, or empty
   */
  Optional<String> get(Kind kind, String key, Instant now);

  /**
   * Removes the live entry and returns it, atomically: of concurrent callers at most one gets it.
   *
   * @param kind the key space
   * @param key the key
   * @param now the current time
   * @return its value, or empty when absent, expired or taken already
   */
  Optional<String> take(Kind kind, String key, Instant now);

  /**
   * Whether {@code key} is acceptable to every store: 1 to 128 characters of {@code [A-Za-z0-9_-]}
   * (base64url or hex), so a folder or database may use it as a name as is.
   *
   * @param key a key
   * @return true when it may be stored
   */
  static boolean validKey(String key) {
    if (key == null || key.isEmpty() || key.length() > 128) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
