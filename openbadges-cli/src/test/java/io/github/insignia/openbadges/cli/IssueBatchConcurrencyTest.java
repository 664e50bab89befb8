package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.cli.InsigniaCommandTest.Run;
import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code insignia issue-batch} runs on one {@code --status-store} at once (two child JVMs and
 * one run in this JVM): no status index is given twice, and a later run opens the store; a held store
 * fails fast; a symlinked {@code --out} is refused unless asked.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IssueBatchConcurrencyTest {
  @TempDir Path dir;
  Path issuer;
  Path key;

  @BeforeEach
  void files() throws IOException {
    SigningKey signingKey = SigningKey.generate(KeyType.ED25519);
    key = Files.writeString(dir.resolve("issuer.jwk"), SafeJson.write(signingKey.toPrivateJwk()));
    issuer = Files.writeString(dir.resolve("issuer.json"),
        "{\"id\":\"" + signingKey.publicKey().didKey() + "\",\"type\":[\"Profile\"],\"name\":\"Escuela\"}");
  }

  /** A course team: its own achievement and roster of {@code learners}. */
  private String[] course(String name, int learners, Path store, String... more) throws IOException {
    Path achievement = Files.writeString(dir.resolve(name + ".json"),
        "{\"id\":\"https://school.example/a/" + name + "\",\"type\":[\"Achievement\"],\"name\":\"" + name + "\","
            + "\"description\":\"Finished.\",\"criteria\":{\"narrative\":\"Finish it.\"}}");
    StringBuilder csv = new StringBuilder("email\n");
    for (int i = 0; i < learners; i++) {
      csv.append("learner").append(i).append("@example.org\n"); // the same learners take every course
    }
    Path roster = Files.writeString(dir.resolve(name + ".csv"), csv);
    List<String> args = new ArrayList<>(List.of("issue-batch", "--roster", roster.toString(), "--achievement", achievement.toString(),
        "--issuer", issuer.toString(), "--key", key.toString(), "--out", dir.resolve("out-" + name).toString(), "--threads", "2",
        "--status-store", store.toString(), "--status-base", "https://school.example/status/"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static Process childCli(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path") + File.pathSeparator + System.getProperty("jdk.module.path", ""),
        InsigniaCommand.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Each badge's status slot (list URL + index) → its credential id, failing on a slot given twice. */
  private static void collectSlots(Path out, Map<String, String> slots) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      for (Path folder : s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals("publish")).toList()) {
        JsonNode vc = SafeJson.read(Files.readAllBytes(folder.resolve("badge.json")));
        String slot = vc.at("/credentialStatus/id").asText();
        assertTrue(slot.startsWith("https://school.example/status/"), slot);
        String before = slots.put(slot, vc.get("id").asText());
        assertEquals(null, before, "status slot " + slot + " given to " + before + " and " + vc.get("id").asText());
      }
    }
  }

  @Test
  void concurrentRunsOnOneStatusStoreNeverShareASlot() throws Exception {
    Path store = dir.resolve("status");
    int learners = 30;
    Process a = childCli(dir.resolve("a.log"), course("a", learners, store));
    Process b = childCli(dir.resolve("b.log"), course("b", learners, store));
    Run c = InsigniaCommandTest.run(course("c", learners, store));
    assertTrue(a.waitFor(90, TimeUnit.SECONDS) && b.waitFor(90, TimeUnit.SECONDS));
    assertEquals(0, a.exitValue(), Files.readString(dir.resolve("a.log")));
    assertEquals(0, b.exitValue(), Files.readString(dir.resolve("b.log")));
    assertEquals(0, c.exit(), c.err());
    Map<String, String> slots = new HashMap<>();
    for (String course : new String[] {"a", "b", "c"}) {
      collectSlots(dir.resolve("out-" + course), slots);
    }
    assertEquals(3 * learners, slots.size());

    // a later run opens the store and carries on after the highest slot
    Run later = InsigniaCommandTest.run(course("d", 5, store));
    assertEquals(0, later.exit(), later.err());
    collectSlots(dir.resolve("out-d"), slots);
    assertEquals(3 * learners + 5, slots.size());
  }

  @Test
  void aStoreHeldByAnotherWriterFailsFastWithExitTwo() throws Exception {
    Path store = Files.createDirectories(dir.resolve("status"));
    try (FileChannel raw = FileChannel.open(store.resolve(FileStatusListStore.LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = raw.lock(FileStatusListStore.LOCK_POSITION, 1, false)) {
      long started = System.nanoTime();
      Run run = InsigniaCommandTest.run(course("a", 3, store, "--status-lock-wait", "PT0.3S"));
      assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20), "fails fast");
      assertEquals(2, run.exit(), run.err());
      assertTrue(run.err().contains("error: STATUS_STORE_LOCKED: the status store " + store.toRealPath() + " is locked by"), run.err());
    }
    Run after = InsigniaCommandTest.run(course("a", 3, store));
    assertEquals(0, after.exit(), after.err());
  }

  @Test
  void aSymlinkedOutIsRefusedUnlessFollowed() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = dir.resolve("link");
    try {
      Files.createSymbolicLink(link, real);
    } catch (IOException | UnsupportedOperationException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "no symbolic links here");
    }
    String[] args = course("a", 2, dir.resolve("status"));
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--out")) {
        args[i + 1] = link.toString();
      }
    }
    Run refused = InsigniaCommandTest.run(args);
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("error: BATCH_OUT_SYMLINK: "), refused.err());
    try (Stream<Path> s = Files.list(real)) {
      assertEquals(0, s.count(), "nothing written through the link");
    }
    String[] followed = java.util.Arrays.copyOf(args, args.length + 1);
    followed[args.length] = "--follow-symlinks";
    Run run = InsigniaCommandTest.run(followed);
    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.exists(real.resolve("summary.json")));
  }
}
