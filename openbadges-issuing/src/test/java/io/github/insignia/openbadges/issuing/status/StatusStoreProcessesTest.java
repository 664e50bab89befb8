package io.github.insignia.openbadges.issuing.status;

import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real processes (child JVMs) on one {@link FileStatusListStore}: no slot is ever given twice,
 * a writer killed mid-append loses nothing acknowledged, and a held lock is reported with its holder.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatusStoreProcessesTest {
  @TempDir Path dir;

  @Test
  void severalProcessesAllocatingAtOnceNeverShareASlot() throws Exception {
    Path store = dir.resolve("store");
    Path go = dir.resolve("go");
    int processes = 4;
    int each = 250;
    List<Process> children = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      Process child = ChildJvm.start(
          StatusStoreChild.class, dir.resolve("err" + p), "allocate", store.toString(), "p" + p, Integer.toString(each), "64", go.toString());
      children.add(child);
      outputs.add(ChildJvm.stdout(child));
    }
    for (int p = 0; p < processes; p++) {
      assertEquals("ready", outputs.get(p).readLine(), () -> stderr(0));
    }
    Files.createFile(go); // all stores are open: start together
    Map<String, String> slotOwner = new HashMap<>();
    Map<String, String> sharedSlots = new HashMap<>();
    int own = 0;
    for (int p = 0; p < processes; p++) {
      for (String line = outputs.get(p).readLine(); line != null; line = outputs.get(p).readLine()) {
        String[] f = line.split(" ");
        String slot = f[1] + "/" + f[2];
        if (f[0].startsWith("shared-")) {
          String before = sharedSlots.putIfAbsent(f[0], slot);
          assertTrue(before == null || before.equals(slot), "a shared credential got two slots: " + f[0]);
          String holder = slotOwner.putIfAbsent(slot, f[0]);
          assertTrue(holder == null || holder.equals(f[0]), "slot " + slot + " given to " + holder + " and " + f[0]);
        } else {
          own++;
          String holder = slotOwner.putIfAbsent(slot, f[0]);
          assertEquals(null, holder, "slot " + slot + " given twice");
        }
      }
      assertTrue(children.get(p).waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, children.get(p).exitValue(), stderr(p));
    }
    assertEquals(processes * (each - 20), own);
    assertEquals(20, sharedSlots.size());
    // the journal still opens, holds exactly what the processes were given, and allocation goes on
    try (FileStatusListStore reopened = FileStatusListStore.open(store, Clock.systemUTC())) {
      for (Map.Entry<String, String> e : slotOwner.entrySet()) {
        StatusSlot slot = reopened.assignment(e.getValue()).orElseThrow().slot();
        assertEquals(e.getKey(), slot.listNumber() + "/" + slot.index());
      }
      int total = slotOwner.size();
      assertEquals((total + 63) / 64, reopened.listCount());
      StatusSlot next = reopened.assign("after", "k", 64).slot();
      assertFalse(slotOwner.containsKey(next.listNumber() + "/" + next.index()));
    }
  }

  @Test
  void aWriterKilledMidAppendLosesNothingAndTheOthersRepairTheJournal() throws Exception {
    Path store = dir.resolve("store");
    try (FileStatusListStore running = FileStatusListStore.open(store, Clock.systemUTC())) {
      running.assign("before", "k", 1000);
      Process child = ChildJvm.start(StatusStoreChild.class, dir.resolve("err"), "tear", store.toString(), "10");
      BufferedReader out = ChildJvm.stdout(child);
      List<String> given = new ArrayList<>();
      for (String line = out.readLine(); line != null && !line.equals("torn"); line = out.readLine()) {
        given.add(line);
      }
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      assertEquals(3, child.exitValue(), Files.readString(dir.resolve("err")));
      assertEquals(10, given.size());
      assertTrue(Files.readString(store.resolve(FileStatusListStore.JOURNAL)).endsWith("\"half"), "the child left a torn record");
      // the store that was open all along takes the lock the dead writer held and repairs the tail
      assertEquals(new StatusSlot(0, 11), running.assign("after", "k", 1000).slot());
      for (String line : given) {
        String[] f = line.split(" ");
        assertEquals(new StatusSlot(Long.parseLong(f[1]), Integer.parseInt(f[2])), running.assignment(f[0]).orElseThrow().slot());
      }
    }
    assertTrue(Files.readString(store.resolve(FileStatusListStore.JOURNAL)).endsWith("}\n"));
    try (FileStatusListStore reopened = FileStatusListStore.open(store, Clock.systemUTC())) {
      assertEquals(new StatusSlot(0, 12), reopened.assign("later", "k", 1000).slot());
    }
  }

  @Test
  void writersKilledWithSigkillInALoopNeverLoseAnAcknowledgedSlot() throws Exception {
    Path store = dir.resolve("store");
    Random random = new Random(18);
    Map<String, String> acknowledged = new HashMap<>();
    for (int round = 0; round < 2; round++) {
      Process child = ChildJvm.start(StatusStoreChild.class, dir.resolve("err" + round), "loop", store.toString(), "r" + round, "50");
      BufferedReader out = ChildJvm.stdout(child);
      int killAfter = 20 + random.nextInt(80);
      for (int i = 0; i < killAfter; i++) {
        String line = out.readLine();
        assertNotNull(line, () -> stderr(0));
        String[] f = line.split(" ");
        assertEquals(null, acknowledged.put(f[1] + "/" + f[2], f[0]), "slot given twice");
      }
      child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, possibly mid-append
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      try (FileStatusListStore reopened = FileStatusListStore.open(store, Clock.systemUTC())) {
        for (Map.Entry<String, String> e : acknowledged.entrySet()) {
          StatusSlot slot = reopened.assignment(e.getValue()).orElseThrow().slot();
          assertEquals(e.getKey(), slot.listNumber() + "/" + slot.index());
        }
      }
    }
    String journal = Files.readString(store.resolve(FileStatusListStore.JOURNAL));
    assertTrue(journal.endsWith("\n"));
    long distinct = journal.lines().map(l -> l.replaceAll(".*\"list\":(\\d+),\"index\":(\\d+).*", "$1/$2")).distinct().count();
    assertEquals(journal.lines().count(), distinct, "every journal record has its own slot");
  }

  @Test
  void aLockHeldByAnotherProcessFailsFastNamingTheHolder() throws Exception {
    Path store = dir.resolve("store");
    Process child = ChildJvm.start(StatusStoreChild.class, dir.resolve("err"), "hold", store.toString(), "20000");
    String holding = ChildJvm.stdout(child).readLine();
    assertNotNull(holding, () -> stderr(0));
    long started = System.nanoTime();
    StatusStoreException e =
        assertThrows(StatusStoreException.class, () -> FileStatusListStore.open(store, Clock.systemUTC(), Duration.ofMillis(300)));
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "bounded wait");
    assertEquals(IssuingErrorCode.STATUS_STORE_LOCKED, e.errorCode());
    assertTrue(e.getMessage().contains("pid " + child.pid() + " on host "), e.getMessage());
    assertTrue(e.getMessage().contains(store.toRealPath().toString()), e.getMessage());
    child.destroyForcibly(); // the OS frees a dead holder's lock
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    try (FileStatusListStore store2 = FileStatusListStore.open(store, Clock.systemUTC())) {
      assertEquals(new StatusSlot(0, 0), store2.assign("a", "k", 10).slot());
    }
  }

  private String stderr(int p) {
    try {
      Path f = dir.resolve("err" + p);
      return Files.exists(f) ? Files.readString(f) : Files.exists(dir.resolve("err")) ? Files.readString(dir.resolve("err")) : "";
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
