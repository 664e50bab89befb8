package io.github.insignia.openbadges.issuing.status;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A writer process for the multi-process tests: started in its own JVM with the test classpath by
 * {@link ChildJvm}. Prints each slot it was given as {@code credentialId list index}, after the call
 * returned.
 */
public final class StatusStoreChild {
  private StatusStoreChild() {}

  /**
   * {@code allocate DIR PREFIX COUNT CAPACITY GOFILE}: waits for GOFILE, then allocates COUNT own and
   * 20 shared credentials, interleaved. {@code loop DIR PREFIX CAPACITY}: allocates until killed.
   * {@code tear DIR N}: allocates N, then dies holding the lock in the middle of an append. {@code hold
   * DIR MILLIS}: holds the lock that long.
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "allocate" -> {
        int count = Integer.parseInt(args[3]);
        int capacity = Integer.parseInt(args[4]);
        Path go = Path.of(args[5]);
        try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC(), Duration.ofSeconds(30))) {
          out.println("ready");
          out.flush();
          while (!Files.exists(go)) {
            Thread.sleep(2);
          }
          List<String> lines = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            String id = i % 10 == 0 && i / 10 < 20 ? "shared-" + (i / 10) : args[2] + "-" + i;
            lines.add(line(store.assign(id, "key-" + args[2], capacity)));
          }
          lines.forEach(out::println);
        }
      }
      case "loop" -> {
        int capacity = Integer.parseInt(args[3]);
        try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC(), Duration.ofSeconds(30))) {
          for (int i = 0; ; i++) {
            out.println(line(store.assign(args[2] + "-" + i, "key", capacity)));
            out.flush();
          }
        }
      }
      case "tear" -> {
        FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC());
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
          out.println(line(store.assign("torn-" + i, "key", 1000)));
        }
        out.flush();
        store.locked(
            () -> {
              try (FileChannel journal = FileChannel.open(dir.resolve(FileStatusListStore.JOURNAL), StandardOpenOption.WRITE)) {
                journal.write(ByteBuffer.wrap("{\"op\":\"assign\",\"credentialId\":\"half".getBytes(StandardCharsets.UTF_8)), journal.size());
                journal.force(false);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              out.println("torn");
              out.flush();
              Runtime.getRuntime().halt(3); // dies holding the lock, mid-append
              return null;
            });
      }
      case "hold" -> {
        try (FileStatusListStore store = FileStatusListStore.open(dir, Clock.systemUTC())) {
          store.locked(
              () -> {
                out.println("holding " + ProcessHandle.current().pid());
                out.flush();
                try {
                  Thread.sleep(Long.parseLong(args[2]));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return null;
              });
        }
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
    out.flush();
  }

  static String line(StatusAssignment a) {
    return a.credentialId() + " " + a.slot().listNumber() + " " + a.slot().index();
  }
}
