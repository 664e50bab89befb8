package io.github.insignia.openbadges.issuing.status;

import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStatusListStoreTest {
  @TempDir Path dir;

  @Test
  void survivesARestartWithoutReusingSlots() {
    StatusSlot last;
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      for (int i = 0; i < 5; i++) {
        store.assign("urn:uuid:" + i, "k" + (i % 2), 2);
      }
      store.revoke(new Revocation("urn:uuid:1", "because", Instant.parse("2026-01-01T00:00:00Z")));
      last = store.assignment("urn:uuid:4").orElseThrow().slot();
    }
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      assertEquals(new StatusSlot(2, 0), last);
      assertEquals(3, store.listCount());
      assertEquals(new StatusSlot(2, 1), store.assign("urn:uuid:new", "k", 2).slot());
      assertEquals(last, store.assign("urn:uuid:4", "k0", 2).slot(), "existing slot kept");
      assertEquals(3, store.assignmentsOf("k0").size());
      assertEquals("because", store.revocation("urn:uuid:1").orElseThrow().reason());
    }
  }

  @Test
  void dropsATornLastLine() throws Exception {
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      store.assign("urn:uuid:a", "k", 10);
    }
    Files.writeString(dir.resolve(FileStatusListStore.JOURNAL), "{\"op\":\"assign\",\"credentialId\":\"urn:uu", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      assertEquals(new StatusSlot(0, 1), store.assign("urn:uuid:b", "k", 10).slot());
    }
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      assertTrue(store.assignment("urn:uuid:b").isPresent());
    }
  }

  @Test
  void reportsACorruptJournal() throws Exception {
    Files.writeString(dir.resolve(FileStatusListStore.JOURNAL), "not json\n{}\n");
    assertEquals(
        IssuingErrorCode.STATUS_STORE_CORRUPT,
        assertThrows(StatusStoreException.class, () -> FileStatusListStore.open(dir, Clock.systemUTC())).errorCode());
  }

  @Test
  void twoStoresOfOneJvmOnOneFolderShareItAndSurviveTheOtherClosing() throws Exception {
    FileStatusListStore a = FileStatusListStore.open(dir, Clock.systemUTC());
    FileStatusListStore b = FileStatusListStore.open(dir, Clock.systemUTC());
    Set<StatusSlot> slots = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      FileStatusListStore store = t % 2 == 0 ? a : b;
      int thread = t;
      work.add(pool.submit(() -> {
        for (int i = 0; i < 100; i++) {
          assertTrue(slots.add(store.assign("t" + thread + "-" + i, "k", 50).slot()), "slot given twice");
        }
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    assertEquals(400, slots.size());
    // each sees the other's assignments: the same credential keeps its slot through either store
    assertEquals(a.assignment("t1-7"), b.assignment("t1-7"));
    assertEquals(a.assign("t3-9", "k", 50), b.assignment("t3-9").orElseThrow());
    a.close();
    assertEquals(new StatusSlot(8, 0), b.assign("after-close", "k", 50).slot());
    assertEquals(IssuingErrorCode.STATUS_STORE_CLOSED, assertThrows(StatusStoreException.class, () -> a.assign("x", "k", 50)).errorCode());
    b.close();
    try (FileStatusListStore c = FileStatusListStore.open(dir, Clock.systemUTC())) {
      assertEquals(401, c.assignmentsOf("k").size());
    }
  }

  @Test
  void aLockHeldElsewhereInThisJvmIsWaitedForThenReported() throws Exception {
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC(), Duration.ofMillis(200))) {
      store.assign("a", "k", 10);
      try (FileChannel raw = FileChannel.open(dir.resolve(FileStatusListStore.LOCK_FILE), StandardOpenOption.WRITE);
          FileLock held = raw.lock(FileStatusListStore.LOCK_POSITION, 1, false)) {
        StatusStoreException e = assertThrows(StatusStoreException.class, () -> store.assign("b", "k", 10));
        assertEquals(IssuingErrorCode.STATUS_STORE_LOCKED, e.errorCode());
        assertTrue(e.getMessage().contains(dir.toRealPath().toString()) && e.getMessage().contains("pid "), e.getMessage());
        assertTrue(store.assignment("b").isEmpty(), "a failed call hands out nothing");
      }
    }
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      assertEquals(new StatusSlot(0, 1), store.assign("b", "k", 10).slot());
    }
  }

  @Test
  void anInterruptedCallerStillAllocatesAndKeepsItsInterrupt() {
    try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
      Thread.currentThread().interrupt();
      assertEquals(new StatusSlot(0, 0), store.assign("a", "k", 10).slot());
      assertTrue(Thread.interrupted(), "interrupt kept");
      assertEquals(new StatusSlot(0, 1), store.assign("b", "k", 10).slot());
    }
  }

  @Test
  void aNegativeLockWaitIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> FileStatusListStore.open(dir, Clock.systemUTC(), Duration.ofSeconds(-1)));
  }
}
