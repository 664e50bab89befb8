package io.github.insignia.openbadges.jdbc;

import io.github.insignia.openbadges.jdbc.internal.Sql;
import io.github.insignia.openbadges.wallet.WalletErrorCode;
import io.github.insignia.openbadges.wallet.WalletException;
import io.github.insignia.openbadges.wallet.WalletStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The wallet issuer's {@link WalletStore} in a SQL database (table {@code insignia_wallet_entry} of
 * {@link InsigniaMigrations}), so that several nodes sharing the database share offers, codes, tokens
 * and nonces: an offer made on one node is redeemed on another, and a code is single use across all.
 *
 * <p>{@link #take} locks the row ({@code SELECT ... FOR UPDATE}) and deletes it in one transaction;
 * only the caller whose {@code DELETE} removed the row gets the value, so of concurrent takers on any
 * connection, pool or process at most one receives it. Expiry is kept in milliseconds, rounded down:
 * an entry may end up to a millisecond early, never late. Expired rows are never returned and are
 * deleted by {@code take} and, at most every {@value #PURGE_INTERVAL_MILLIS} ms per store instance,
 * by a {@code put}, which then also counts the live rows: the bound on live entries is enforced from
 * that count, so it can be exceeded by the puts of one interval across the nodes.
 *
 * <p>Errors are those of the {@link WalletStore} contract: a key or value outside its limits is a
 * {@link WalletException} {@link WalletErrorCode#WALLET_STORE_KEY_INVALID} (checked before any
 * statement), a full store {@link WalletErrorCode#WALLET_STORE_FULL}, and a database failure {@link
 * WalletErrorCode#WALLET_STORE_IO} whose cause is the {@link JdbcException}. Thread-safe.
 */
public final class JdbcWalletStore implements WalletStore {
  /** The default bound on live entries, as the in-memory store's. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;
  /** How often, at most, a store instance purges expired rows and recounts the live ones. */
  public static final long PURGE_INTERVAL_MILLIS = 10_000;

  private final DataSource dataSource;
  private final int maxEntries;
  private final AtomicLong nextPurge = new AtomicLong(Long.MIN_VALUE);
  /** Live rows at the last count plus this instance's inserts since. */
  private final AtomicLong approximateCount = new AtomicLong();

  private JdbcWalletStore(DataSource dataSource, int maxEntries) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.maxEntries = maxEntries;
  }

  /**
   * A store of up to {@value #DEFAULT_MAX_ENTRIES} live entries.
   *
   * @param dataSource the database, migrated by {@link InsigniaMigrations#migrate(DataSource)}
   * @return the store
   */
  public static JdbcWalletStore of(DataSource dataSource) {
    return new JdbcWalletStore(dataSource, DEFAULT_MAX_ENTRIES);
  }

  /**
   * A store of up to {@code maxEntries} live entries.
   *
   * @param dataSource the database, migrated by {@link InsigniaMigrations#migrate(DataSource)}
   * @param maxEntries the bound, at least 1
   * @return the store
   */
  public static JdbcWalletStore of(DataSource dataSource, int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1");
    }
    return new JdbcWalletStore(dataSource, maxEntries);
  }

  @Override
  public void put(Kind kind, String key, String value, Instant expiresAt) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!WalletStore.validKey(key)) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_KEY_INVALID,
          "a store key is 1 to 128 characters of [A-Za-z0-9_-]");
    }
    if (value == null || value.length() > MAX_VALUE_CHARS) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_KEY_INVALID,
          "a store value is at most " + MAX_VALUE_CHARS + " characters");
    }
    long now = System.currentTimeMillis();
    long due = nextPurge.get();
    // purge when due, and recount at once when the store looks full (expired rows may free room)
    if ((now >= due || approximateCount.get() >= maxEntries) && nextPurge.compareAndSet(due, now + PURGE_INTERVAL_MILLIS)) {
      approximateCount.set(io("wallet store purge", () -> purge(now)));
    }
    if (approximateCount.get() >= maxEntries) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_FULL,
          "the wallet store holds its maximum of " + maxEntries + " live entries");
    }
    long expires = millis(expiresAt);
    boolean inserted = io("wallet store put", () -> Sql.transaction(dataSource, "wallet store put", c -> {
      // update first, insert when there was none; two first inserts at once: the loser's unique
      // violation is retried by Sql.transaction and then updates
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE insignia_wallet_entry SET entry_value = ?, expires_at_ms = ? WHERE kind = ? AND entry_key = ?")) {
        ps.setString(1, value);
        ps.setLong(2, expires);
        ps.setString(3, kind.name());
        ps.setString(4, key);
        if (ps.executeUpdate() > 0) {
          return false;
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO insignia_wallet_entry (kind, entry_key, entry_value, expires_at_ms) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, kind.name());
        ps.setString(2, key);
        ps.setString(3, value);
        ps.setLong(4, expires);
        ps.executeUpdate();
      }
      return true;
    }));
    if (inserted) {
      approximateCount.incrementAndGet();
    }
  }

  @Override
  public Optional<String> get(Kind kind, String key, Instant now) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(now, "now");
    if (!WalletStore.validKey(key)) {
      return Optional.empty(); // never stored
    }
    return io("wallet store get", () -> Sql.transaction(dataSource, "wallet store get", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT entry_value FROM insignia_wallet_entry WHERE kind = ? AND entry_key = ? AND expires_at_ms > ?")) {
        ps.setString(1, kind.name());
        ps.setString(2, key);
        ps.setLong(3, millis(now));
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    }));
  }

  @Override
  public Optional<String> take(Kind kind, String key, Instant now) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(now, "now");
    if (!WalletStore.validKey(key)) {
      return Optional.empty();
    }
    long nowMillis = millis(now);
    return io("wallet store take", () -> Sql.transaction(dataSource, "wallet store take", c -> {
      String value;
      long expires;
      // the lock makes a concurrent taker wait for this transaction, then find the row gone
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT entry_value, expires_at_ms FROM insignia_wallet_entry WHERE kind = ? AND entry_key = ? FOR UPDATE")) {
        ps.setString(1, kind.name());
        ps.setString(2, key);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<String>empty();
          }
          value = rs.getString(1);
          expires = rs.getLong(2);
        }
      }
      // the row count decides, whatever the isolation level: only the deleting caller gets the value
      int deleted;
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM insignia_wallet_entry WHERE kind = ? AND entry_key = ?")) {
        ps.setString(1, kind.name());
        ps.setString(2, key);
        deleted = ps.executeUpdate();
      }
      return deleted == 1 && expires > nowMillis ? Optional.of(value) : Optional.<String>empty();
    }));
  }

  /** Deletes the expired rows and counts the live ones, in one transaction. */
  private long purge(long nowMillis) {
    return Sql.transaction(dataSource, "wallet store purge", c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM insignia_wallet_entry WHERE expires_at_ms <= ?")) {
        ps.setLong(1, nowMillis);
        ps.executeUpdate();
      }
      return count(c);
    });
  }

  private static long count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM insignia_wallet_entry");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Milliseconds since the epoch, rounded down, saturating for instants beyond a long's range. */
  private static long millis(Instant instant) {
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException e) {
      return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Runs database work, reporting its failure as the {@link WalletStore} contract's exception. */
  private static <T> T io(String what, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbcException e) {
      throw new WalletException(WalletErrorCode.WALLET_STORE_IO, what + ": " + e.getMessage(), e);
    }
  }
}
