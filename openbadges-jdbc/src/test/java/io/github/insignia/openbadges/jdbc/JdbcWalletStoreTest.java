package io.github.insignia.openbadges.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.insignia.openbadges.wallet.WalletErrorCode;
import io.github.insignia.openbadges.wallet.WalletException;
import io.github.insignia.openbadges.wallet.WalletStore;
import io.github.insignia.openbadges.wallet.WalletStore.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The wallet issuer's store on H2 and PostgreSQL: the {@link WalletStore} contract, across pools. */
class JdbcWalletStoreTest {
  static final List<String> KINDS = TestDatabases.KINDS;
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(300);

  @TempDir Path temp;

  @ParameterizedTest
  @FieldSource("KINDS")
  void putGetTakeReplaceAndKeySpaces(String kind) {
    JdbcWalletStore store = JdbcWalletStore.of(TestDatabases.migrated(kind, temp));
    assertEquals(Optional.empty(), store.get(Kind.OFFER, "absent", NOW));
    assertEquals(Optional.empty(), store.take(Kind.OFFER, "absent", NOW));

    store.put(Kind.OFFER, "o1", "{\"offer\":1}", LATER);
    store.put(Kind.NONCE, "o1", "nonce", LATER);
    assertEquals(Optional.of("{\"offer\":1}"), store.get(Kind.OFFER, "o1", NOW));
    assertEquals(Optional.of("{\"offer\":1}"), store.get(Kind.OFFER, "o1", NOW), "get leaves it");
    store.put(Kind.OFFER, "o1", "{\"offer\":2}", LATER);
    assertEquals(Optional.of("{\"offer\":2}"), store.get(Kind.OFFER, "o1", NOW), "replaced");

    assertEquals(Optional.of("{\"offer\":2}"), store.take(Kind.OFFER, "o1", NOW));
    assertEquals(Optional.empty(), store.take(Kind.OFFER, "o1", NOW), "single use");
    assertEquals(Optional.empty(), store.get(Kind.OFFER, "o1", NOW));
    assertEquals(Optional.of("nonce"), store.get(Kind.NONCE, "o1", NOW), "each kind is its own key space");
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void expiredEntriesAreNeverReturnedAndArePurged(String kind) throws Exception {
    DataSource ds = TestDatabases.migrated(kind, temp);
    JdbcWalletStore store = JdbcWalletStore.of(ds);
    store.put(Kind.PRE_AUTHORIZED_CODE, "c1", "grant", LATER);
    assertEquals(Optional.empty(), store.get(Kind.PRE_AUTHORIZED_CODE, "c1", LATER), "expiry is exclusive");
    assertEquals(Optional.empty(), store.get(Kind.PRE_AUTHORIZED_CODE, "c1", LATER.plusNanos(1)));
    assertEquals(Optional.of("grant"), store.get(Kind.PRE_AUTHORIZED_CODE, "c1", LATER.minusMillis(1)));
    assertEquals(Optional.empty(), store.take(Kind.PRE_AUTHORIZED_CODE, "c1", LATER), "expired: not taken");
    assertEquals(0, rows(ds), "an expired entry met by take is deleted");

    // sub-millisecond expiry rounds towards expired, never towards live
    store.put(Kind.NONCE, "n", "v", NOW.plusNanos(700_000));
    assertEquals(Optional.empty(), store.get(Kind.NONCE, "n", NOW.plusNanos(500_000)));

    // a fresh instance purges expired rows on its first put (the clock is the real one there)
    store.put(Kind.NONCE, "old", "v", Instant.now().minusSeconds(1));
    JdbcWalletStore.of(ds).put(Kind.NONCE, "new", "v", Instant.now().plusSeconds(60));
    assertEquals(1, rows(ds));
    // instants beyond a long of milliseconds saturate rather than fail
    store.put(Kind.EXCHANGE, "far", "v", Instant.MAX);
    assertEquals(Optional.of("v"), store.get(Kind.EXCHANGE, "far", NOW));
    assertEquals(Optional.empty(), store.get(Kind.EXCHANGE, "far", Instant.MAX), "never live at the end of time");
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void hostileKeysAndValuesAreTypedErrorsBeforeAnyStatement(String kind) {
    JdbcWalletStore store = JdbcWalletStore.of(TestDatabases.migrated(kind, temp));
    for (String key : new String[] {"", "a".repeat(129), "../x", "a b", "é", "x'; DROP TABLE insignia_wallet_entry;--"}) {
      WalletException e = assertThrows(WalletException.class, () -> store.put(Kind.OFFER, key, "v", LATER));
      assertSame(WalletErrorCode.WALLET_STORE_KEY_INVALID, e.errorCode());
      assertEquals(Optional.empty(), store.get(Kind.OFFER, key, NOW), "not a key: never a query");
      assertEquals(Optional.empty(), store.take(Kind.OFFER, key, NOW));
    }
    WalletException tooLong = assertThrows(WalletException.class,
        () -> store.put(Kind.OFFER, "k", "x".repeat(WalletStore.MAX_VALUE_CHARS + 1), LATER));
    assertSame(WalletErrorCode.WALLET_STORE_KEY_INVALID, tooLong.errorCode());
    assertSame(WalletErrorCode.WALLET_STORE_KEY_INVALID,
        assertThrows(WalletException.class, () -> store.put(Kind.OFFER, "k", null, LATER)).errorCode());

    // the largest value, in three-byte characters, and the longest key fit the columns
    String largest = "€".repeat(WalletStore.MAX_VALUE_CHARS);
    String longestKey = "K".repeat(128);
    store.put(Kind.EXCHANGE, longestKey, largest, LATER);
    assertEquals(Optional.of(largest), store.take(Kind.EXCHANGE, longestKey, NOW));
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void theBoundOnLiveEntriesRefusesRatherThanGrows(String kind) {
    DataSource ds = TestDatabases.migrated(kind, temp);
    JdbcWalletStore store = JdbcWalletStore.of(ds, 3);
    Instant future = Instant.now().plusSeconds(600);
    for (int i = 0; i < 3; i++) {
      store.put(Kind.NONCE, "n" + i, "v", future);
    }
    WalletException full = assertThrows(WalletException.class, () -> store.put(Kind.NONCE, "n3", "v", future));
    assertSame(WalletErrorCode.WALLET_STORE_FULL, full.errorCode());
    assertEquals(Optional.of("v"), store.take(Kind.NONCE, "n0", Instant.now()));
    store.put(Kind.NONCE, "n3", "v", future); // the full store recounts at once and finds room
    assertThrows(IllegalArgumentException.class, () -> JdbcWalletStore.of(ds, 0));
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void aDatabaseAtVersionOneIsUpgradedWithItsData(String kind) {
    DataSource ds = TestDatabases.fresh(kind, temp);
    org.flywaydb.core.Flyway.configure(InsigniaMigrations.class.getClassLoader()).dataSource(ds)
        .locations(InsigniaMigrations.LOCATION).table(InsigniaMigrations.HISTORY_TABLE).target("1").load().migrate();
    JdbcTokenStore.of(ds).saveTokens("svc", "ana", new io.github.insignia.openbadges.export.backpack.TokenSet(
        "at", null, null, "scope"));
    assertEquals(2, InsigniaMigrations.migrate(ds), "V2 and V3");
    assertEquals("at", JdbcTokenStore.of(ds).loadTokens("svc", "ana").orElseThrow().accessToken());
    JdbcWalletStore.of(ds).put(Kind.OFFER, "o", "v", LATER);
    assertEquals(Optional.of("v"), JdbcWalletStore.of(ds).take(Kind.OFFER, "o", NOW));
  }

  @Test
  void aDatabaseFailureIsTheContractsIoError() throws Exception {
    DataSource ds = TestDatabases.migrated("h2-memory", temp);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE insignia_wallet_entry");
    }
    WalletException e = assertThrows(WalletException.class,
        () -> JdbcWalletStore.of(ds).get(Kind.OFFER, "k", NOW));
    assertSame(WalletErrorCode.WALLET_STORE_IO, e.errorCode());
    assertInstanceOf(JdbcException.class, e.getCause());
  }

  /**
   * Threads on two separate pools (as two nodes) take the same keys at the same moment: each key
   * goes to exactly one taker, which is what makes a pre-authorized code single use.
   */
  @ParameterizedTest
  @FieldSource("KINDS")
  void concurrentTakersOnTwoPoolsGetEachEntryExactlyOnce(String kind) throws Exception {
    DataSource first = TestDatabases.migrated(kind, temp);
    DataSource second = TestDatabases.forUrl(TestDatabases.url(first));
    int keys = 30;
    int threads = 8;
    JdbcWalletStore writer = JdbcWalletStore.of(first);
    for (int k = 0; k < keys; k++) {
      writer.put(Kind.PRE_AUTHORIZED_CODE, "code" + k, "grant" + k, LATER);
    }
    AtomicIntegerArray winners = new AtomicIntegerArray(keys);
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        JdbcWalletStore node = JdbcWalletStore.of(t % 2 == 0 ? first : second);
        long seed = t;
        done.add(pool.submit(() -> {
          List<Integer> order = new ArrayList<>();
          for (int k = 0; k < keys; k++) {
            order.add(k);
          }
          Collections.shuffle(order, new Random(seed));
          start.await(30, TimeUnit.SECONDS);
          for (int k : order) {
            Optional<String> got = node.take(Kind.PRE_AUTHORIZED_CODE, "code" + k, NOW);
            if (got.isPresent()) {
              assertEquals("grant" + k, got.get());
              winners.incrementAndGet(k);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int k = 0; k < keys; k++) {
      assertEquals(1, winners.get(k), "code" + k + " taken exactly once");
    }
    assertEquals(0, rows(first));
  }

  private static long rows(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM insignia_wallet_entry")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
