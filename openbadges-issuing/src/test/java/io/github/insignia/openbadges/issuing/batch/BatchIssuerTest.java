package io.github.insignia.openbadges.issuing.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.IssuingException;
import io.github.insignia.openbadges.issuing.TestKeys;
import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchIssuerTest {
  @TempDir Path dir;
  private final TestKeys keys = new TestKeys();

  private BadgeIssuer issuer(StatusService status) {
    BadgeIssuer.Builder b = BadgeIssuer.builder(TestKeys.profile(), keys.signer, "https://school.example/issuer#key-1").defaultImage(BadgeImage.placeholder());
    if (status != null) {
      b.status(status);
    }
    return b.build();
  }

  private Path roster(int learners, String... extraRows) throws IOException {
    StringBuilder csv = new StringBuilder("name,email,evidence\n");
    for (int i = 0; i < learners; i++) {
      csv.append("Learner ").append(i).append(",learner").append(i).append("@example.org,https://lms.example/e/").append(i).append('\n');
    }
    for (String row : extraRows) {
      csv.append(row).append('\n');
    }
    Path file = dir.resolve("roster.csv");
    Files.writeString(file, csv);
    return file;
  }

  private static List<Path> folders(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(Files::isDirectory).toList();
    }
  }

  @Test
  void writesOnePackPerLearnerAndASummaryAndReportsBadRows() throws Exception {
    Path out = dir.resolve("out");
    BatchIssuer batch = BatchIssuer.builder(issuer(null), TestKeys.achievement()).threads(2).build();
    List<BatchProgress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    BatchResult result = batch.run(roster(20, "Bad,not-an-email,", "Nobody,,"), out, progress::add);
    assertEquals(20, result.issued());
    assertEquals(2, result.failed());
    assertEquals(List.of("RECIPIENT_INVALID", "ROSTER_ROW_INVALID"), result.failures().stream().map(BatchFailure::code).sorted().toList());
    assertEquals(20, folders(out).size());
    for (Path folder : folders(out)) {
      for (String f : List.of("badge.json", "badge.jwt", "badge.png", "badge.svg", "links.json")) {
        assertTrue(Files.size(folder.resolve(f)) > 0, folder + "/" + f);
      }
    }
    JsonNode summary = SafeJson.read(Files.readAllBytes(out.resolve("summary.json")));
    assertEquals(22, summary.get("total").asLong());
    assertEquals(2, summary.get("failures").size());
    BatchProgress last = progress.get(progress.size() - 1);
    assertEquals(22, last.done());
    assertEquals(OptionalLong.of(22), last.total());

    // a rerun skips everything
    BatchResult again = batch.run(roster(20), out, BatchListener.none());
    assertEquals(0, again.issued());
    assertEquals(20, again.skipped());
  }

  /** A sink that crashes the batch (an Error, like a killed JVM would) after {@code n} awards. */
  private static final class CrashingSink implements PackSink {
    private final FolderSink delegate;
    private final AtomicInteger left;

    CrashingSink(FolderSink delegate, int n) {
      this.delegate = delegate;
      this.left = new AtomicInteger(n);
    }

    @Override
    public boolean isDone(String credentialId) {
      return delegate.isDone(credentialId);
    }

    @Override
    public boolean write(Award award) {
      if (left.getAndDecrement() <= 0) {
        throw new OutOfMemoryError("injected crash");
      }
      return delegate.write(award);
    }
  }

  @Test
  void crashHalfwayThenRerunGivesExactlyOneBadgePerLearner() throws Exception {
    Path out = dir.resolve("out");
    Path roster = roster(40);
    Path storeDir = dir.resolve("status");
    Set<String> slots = new HashSet<>();
    try (FileStatusListStore store = FileStatusListStore.open(storeDir, Clock.systemUTC())) {
      StatusService status = StatusService.builder("https://school.example/issuer", "https://school.example/status/", store).build();
      BatchIssuer batch = BatchIssuer.builder(issuer(status), TestKeys.achievement()).threads(2).build();
      FolderSink folders = new FolderSink(out);
      // a crashed run (a process that has ended) also leaves a half-written temporary folder behind
      Path halfWritten = Files.createDirectories(out.resolve(FolderSink.TEMP_PREFIX + "half-written"));
      Files.writeString(halfWritten.resolve(FolderSink.MARKER), FolderSinkTest.deadWriterMark("urn:uuid:x"));
      try (RosterReader reader = RosterReader.open(roster)) {
        IssuingException e =
            assertThrows(IssuingException.class, () -> batch.run(reader, new CrashingSink(folders, 20), OptionalLong.empty(), BatchListener.none()));
        assertEquals(IssuingErrorCode.BATCH_ABORTED, e.errorCode());
      }
      int afterCrash = folders(out).size();
      assertTrue(afterCrash >= 20 && afterCrash < 40, "crashed halfway: " + afterCrash);
    }
    try (FileStatusListStore store = FileStatusListStore.open(storeDir, Clock.systemUTC())) {
      StatusService status = StatusService.builder("https://school.example/issuer", "https://school.example/status/", store).build();
      BatchIssuer batch = BatchIssuer.builder(issuer(status), TestKeys.achievement()).threads(2).build();
      BatchResult rerun = batch.run(roster, out, BatchListener.none());
      assertEquals(40, rerun.issued() + rerun.skipped());
      assertEquals(0, rerun.failed());
      assertTrue(rerun.skipped() >= 20);
      assertEquals(40, countAssignments(store, 40), "one status slot per learner across both runs");
    }
    List<Path> done = folders(out);
    assertEquals(40, done.size(), "exactly one folder per learner, no temporary leftovers");
    Set<String> ids = new HashSet<>();
    for (Path folder : done) {
      JsonNode vc = SafeJson.read(Files.readAllBytes(folder.resolve("badge.json")));
      assertTrue(ids.add(vc.get("id").asText()));
      assertTrue(slots.add(vc.at("/credentialStatus/statusListIndex").asText()), "status index reused");
      assertEquals(folder.getFileName().toString(), vc.get("id").asText().substring("urn:uuid:".length()));
    }
  }

  private static int countAssignments(StatusListStore store, int learners) {
    int n = 0;
    for (int i = 0; i < learners; i++) {
      n += store.assignmentsOf(io.github.insignia.openbadges.issuing.status.RecipientKeys.of("learner" + i + "@example.org")).size();
    }
    return n;
  }

  @Test
  void readsTheRosterLazilyWithBoundedLookAhead() {
    int threads = 2;
    AtomicLong read = new AtomicLong();
    AtomicLong written = new AtomicLong();
    AtomicLong maxAhead = new AtomicLong();
    Iterator<RosterEntry> endless =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return read.get() < 2_000;
          }

          @Override
          public RosterEntry next() {
            long r = read.incrementAndGet();
            maxAhead.accumulateAndGet(r - written.get(), Math::max);
            return new RosterEntry(r, java.util.Optional.of("l" + r + "@example.org"), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
          }
        };
    PackSink counting =
        new PackSink() {
          @Override
          public boolean isDone(String credentialId) {
            return false;
          }

          @Override
          public boolean write(Award award) {
            written.incrementAndGet();
            return true;
          }
        };
    BatchResult result =
        BatchIssuer.builder(issuer(null), TestKeys.achievement()).threads(threads).build()
            .run(endless, counting, OptionalLong.empty(), BatchListener.none());
    assertEquals(2_000, result.issued());
    assertTrue(maxAhead.get() <= 2 * threads + 1, "look-ahead " + maxAhead.get());
  }

  @Test
  void malformedRosterIsRejectedBeforeAnyAward() throws Exception {
    Path out = dir.resolve("out");
    Path file = dir.resolve("broken.csv");
    Files.writeString(file, "email\na@example.org\n\"b@example.org\n");
    BatchIssuer batch = BatchIssuer.builder(issuer(null), TestKeys.achievement()).build();
    assertThrows(io.github.insignia.openbadges.InvalidInputException.class, () -> batch.run(file, out, BatchListener.none()));
    assertEquals(0, folders(out).size());
    // streamed without the counting pass, the good rows are awarded and the result says why it stopped
    try (RosterReader reader = RosterReader.open(file)) {
      BatchResult result = batch.run(reader, new FolderSink(out), OptionalLong.empty(), BatchListener.none());
      assertEquals(1, result.issued());
      assertTrue(result.aborted().orElseThrow().startsWith("ROSTER_MALFORMED"));
      assertTrue(result.toJson().has("aborted"));
    }
  }
}
