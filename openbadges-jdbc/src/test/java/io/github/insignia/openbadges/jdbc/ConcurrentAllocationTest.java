package io.github.insignia.openbadges.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.issuing.status.Revocation;
import io.github.insignia.openbadges.issuing.status.StatusAssignment;
import io.github.insignia.openbadges.issuing.status.StatusSlot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Several writers sharing one database (threads with their own store instances, as separate nodes
 * would be, and separate JVMs) never get the same status slot, lose none, and lose no revocation.
 */
class ConcurrentAllocationTest {
  static final List<String> KINDS = TestDatabases.KINDS;
  private static final int THREADS = 8;
  private static final int PER_THREAD = 25;
  private static final int CAPACITY = 37; // small, so that lists roll over under contention

  @TempDir Path temp;

  @ParameterizedTest
  @FieldSource("KINDS")
  void threadsOnSeparateStoreInstancesNeverShareASlotAndLoseNone(String kind) throws Exception {
    DataSource ds = TestDatabases.migrated(kind, temp);
    List<StatusAssignment> all = run(THREADS, t -> {
      JdbcStatusListStore node = JdbcStatusListStore.of(ds); // one "node" per thread
      List<StatusAssignment> mine = new ArrayList<>();
      for (int i = 0; i < PER_THREAD; i++) {
        mine.add(node.assign("urn:uuid:t" + t + "-" + i, "k" + t, CAPACITY));
        // every thread also asks for one shared credential: it gets exactly one slot
        mine.add(node.assign("urn:uuid:shared-" + i, "shared", CAPACITY));
      }
      return mine;
    });
    assertAllocatedExactly(JdbcStatusListStore.of(ds), all, THREADS * PER_THREAD + PER_THREAD);
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void concurrentRevocationsAreNeverLostAndTheFirstWins(String kind) throws Exception {
    DataSource ds = TestDatabases.migrated(kind, temp);
    List<Boolean> outcomes = run(THREADS, t -> {
      JdbcStatusListStore node = JdbcStatusListStore.of(ds);
      List<Boolean> mine = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        mine.add(node.revoke(new Revocation("urn:uuid:t" + t + "-" + i, "own", Instant.EPOCH)));
        mine.add(node.revoke(new Revocation("urn:uuid:contested-" + i, "by " + t, Instant.EPOCH)));
      }
      return mine;
    });
    List<Revocation> stored = JdbcStatusListStore.of(ds).revocations();
    assertEquals(THREADS * 25 + 25, stored.size());
    assertEquals(THREADS * 25 + 25, outcomes.stream().filter(b -> b).count(), "exactly one winner each");
    assertEquals(stored.size(), stored.stream().map(Revocation::credentialId).distinct().count());
  }

  @Test
  void twoJvmsOnOnePostgresqlNeverShareASlot() throws Exception {
    DataSource ds = TestDatabases.migrated("postgresql", temp);
    assertTwoJvmsShare(ds);
  }

  @Test
  void twoJvmsOnOneH2FileServerNeverShareASlot() throws Exception {
    // AUTO_SERVER: the first process opens the file and serves it to the others over loopback TCP
    DataSource ds = TestDatabases.forUrl("jdbc:h2:file:" + temp.resolve("shared").toAbsolutePath()
        + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000");
    InsigniaMigrations.migrate(ds);
    try (java.sql.Connection keepOpen = ds.getConnection()) {
      // this JVM keeps the database open (and so serves it) while the children connect
      assertTwoJvmsShare(ds);
    }
  }

  private void assertTwoJvmsShare(DataSource ds) throws Exception {
    String url = TestDatabases.url(ds);
    int each = 40;
    List<Process> children = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      Path out = temp.resolve("child" + p + ".txt");
      outputs.add(out);
      children.add(childJvm(AllocatingChild.class, out, url, "p" + p, String.valueOf(each)));
    }
    // this JVM allocates at the same time
    List<StatusAssignment> all = new ArrayList<>();
    JdbcStatusListStore here = JdbcStatusListStore.of(ds);
    for (int i = 0; i < each; i++) {
      all.add(here.assign("urn:uuid:parent-" + i, "parent", CAPACITY));
    }
    for (Process child : children) {
      assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child finished");
      assertEquals(0, child.exitValue(), () -> "child failed: " + log(child));
    }
    JdbcStatusListStore store = JdbcStatusListStore.of(ds);
    for (Path out : outputs) {
      for (String id : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        all.add(store.assignment(id).orElseThrow(() -> new AssertionError("lost: " + id)));
      }
    }
    assertAllocatedExactly(store, all, 3 * each);
  }

  private static void assertAllocatedExactly(JdbcStatusListStore store, List<StatusAssignment> seen, int expected) {
    Set<String> ids = seen.stream().map(StatusAssignment::credentialId).collect(Collectors.toSet());
    assertEquals(expected, ids.size());
    Set<StatusSlot> slots = new HashSet<>();
    for (String id : ids) {
      slots.add(store.assignment(id).orElseThrow().slot());
    }
    assertEquals(expected, slots.size(), "no slot shared");
    // every answer a writer got is what the store kept, and the slots are exactly the first N
    for (StatusAssignment a : seen) {
      assertEquals(a.slot(), store.assignment(a.credentialId()).orElseThrow().slot());
    }
    Set<StatusSlot> firstN = new HashSet<>();
    for (int n = 0; n < expected; n++) {
      firstN.add(new StatusSlot(n / CAPACITY, n % CAPACITY));
    }
    assertEquals(firstN, slots, "none skipped, none lost");
  }

  /** Runs {@code task(t)} on {@code threads} threads started together; returns all their results. */
  static <T> List<T> run(int threads, ThreadTask<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<T>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int n = t;
        Callable<List<T>> c = () -> {
          start.await();
          return task.run(n);
        };
        futures.add(pool.submit(c));
      }
      start.countDown();
      List<T> all = new ArrayList<>();
      for (Future<List<T>> f : futures) {
        all.addAll(f.get(180, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One thread's work. */
  interface ThreadTask<T> {
    List<T> run(int thread) throws Exception;
  }

  private Process childJvm(Class<?> main, Path out, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx64m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.add(out.toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(temp.resolve(out.getFileName() + ".log").toFile()).start();
  }

  private String log(Process child) {
    try (var files = Files.list(temp)) {
      return files.filter(p -> p.toString().endsWith(".log")).map(p -> {
        try {
          return Files.readString(p);
        } catch (java.io.IOException e) {
          return e.toString();
        }
      }).collect(Collectors.joining("\n"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** A second process: allocates N slots and writes the credential ids it got, one a line. */
  public static final class AllocatingChild {
    public static void main(String[] args) throws Exception {
      Path out = Path.of(args[0]);
      DataSource ds = TestDatabases.forUrl(args[1]);
      JdbcStatusListStore store = JdbcStatusListStore.of(ds);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < Integer.parseInt(args[3]); i++) {
        String id = "urn:uuid:" + args[2] + "-" + i;
        store.assign(id, args[2], CAPACITY);
        ids.add(id);
      }
      Files.write(out, ids, StandardCharsets.UTF_8);
    }
  }
}
