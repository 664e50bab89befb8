package io.github.insignia.openbadges.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, for both implementations: expiry, single take under contention, bounds, keys. */
class WalletStoreTest {
  @TempDir Path dir;
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private List<WalletStore> stores() {
    return List.of(InMemoryWalletStore.create(), FolderWalletStore.open(dir.resolve("s"), 10_000, Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  @Test
  void expiredEntriesAreNeverReturnedAndTakeRemoves() {
    for (WalletStore s : stores()) {
      s.put(WalletStore.Kind.NONCE, "abc", "v", NOW.plusSeconds(60));
      assertEquals(Optional.of("v"), s.get(WalletStore.Kind.NONCE, "abc", NOW));
      assertEquals(Optional.empty(), s.get(WalletStore.Kind.NONCE, "abc", NOW.plusSeconds(60)), s.getClass().getSimpleName());
      assertEquals(Optional.empty(), s.get(WalletStore.Kind.OFFER, "abc", NOW), "kinds are separate key spaces");
      assertEquals(Optional.of("v"), s.take(WalletStore.Kind.NONCE, "abc", NOW));
      assertEquals(Optional.empty(), s.take(WalletStore.Kind.NONCE, "abc", NOW));
      s.put(WalletStore.Kind.NONCE, "old", "v", NOW.minusSeconds(1));
      assertEquals(Optional.empty(), s.take(WalletStore.Kind.NONCE, "old", NOW));
    }
  }

  @Test
  void ofConcurrentTakersExactlyOneWins() throws Exception {
    for (WalletStore s : stores()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        for (int round = 0; round < 20; round++) {
          String key = "code" + round;
          s.put(WalletStore.Kind.PRE_AUTHORIZED_CODE, key, "grant", NOW.plusSeconds(60));
          List<Callable<Boolean>> takers = IntStream.range(0, 8)
              .<Callable<Boolean>>mapToObj(i -> () -> s.take(WalletStore.Kind.PRE_AUTHORIZED_CODE, key, NOW).isPresent()).toList();
          long winners = 0;
          for (Future<Boolean> r : pool.invokeAll(takers)) {
            winners += r.get() ? 1 : 0;
          }
          assertEquals(1, winners, s.getClass().getSimpleName() + " round " + round);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void keysAreCheckedAndStoresAreBounded() {
    for (WalletStore s : stores()) {
      WalletException bad = assertThrows(WalletException.class, () -> s.put(WalletStore.Kind.OFFER, "../x", "v", NOW.plusSeconds(9)));
      assertEquals(WalletErrorCode.WALLET_STORE_KEY_INVALID, bad.errorCode());
      assertEquals(Optional.empty(), s.get(WalletStore.Kind.OFFER, "../x", NOW));
      assertEquals(Optional.empty(), s.take(WalletStore.Kind.OFFER, "", NOW));
    }
    InMemoryWalletStore small = InMemoryWalletStore.create(2);
    small.put(WalletStore.Kind.NONCE, "a", "v", Instant.now().plusSeconds(60));
    small.put(WalletStore.Kind.NONCE, "b", "v", Instant.now().plusSeconds(60));
    assertEquals(WalletErrorCode.WALLET_STORE_FULL,
        assertThrows(WalletException.class, () -> small.put(WalletStore.Kind.NONCE, "c", "v", Instant.now().plusSeconds(60))).errorCode());
    small.put(WalletStore.Kind.NONCE, "a", "w", Instant.now().minusSeconds(1)); // replaced by an expired entry: swept
    small.put(WalletStore.Kind.NONCE, "c", "v", Instant.now().plusSeconds(60));

    FolderWalletStore folder = FolderWalletStore.open(dir.resolve("small"), 1, Clock.fixed(NOW, ZoneOffset.UTC));
    folder.put(WalletStore.Kind.NONCE, "a", "v", NOW.plusSeconds(60));
    for (int i = 0; i < 63; i++) {
      folder.put(WalletStore.Kind.NONCE, "a", "v", NOW.plusSeconds(60)); // replacing is always allowed
    }
    assertEquals(WalletErrorCode.WALLET_STORE_FULL,
        assertThrows(WalletException.class, () -> folder.put(WalletStore.Kind.NONCE, "b", "v", NOW.plusSeconds(60))).errorCode());
  }

  @Test
  void folderStoreRefusesALinkedFolderAndCorruptEntries() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    assertEquals(WalletErrorCode.WALLET_STORE_IO, assertThrows(WalletException.class, () -> FolderWalletStore.open(link)).errorCode());
    FolderWalletStore s = FolderWalletStore.open(dir.resolve("c"));
    Files.writeString(dir.resolve("c/offer/junk"), "not an expiry\nvalue");
    assertEquals(WalletErrorCode.WALLET_STORE_CORRUPT,
        assertThrows(WalletException.class, () -> s.get(WalletStore.Kind.OFFER, "junk", NOW)).errorCode());
    assertFalse(Files.exists(dir.resolve("c/offer/missing")));
    assertTrue(s.get(WalletStore.Kind.OFFER, "missing", NOW).isEmpty());
  }
}
