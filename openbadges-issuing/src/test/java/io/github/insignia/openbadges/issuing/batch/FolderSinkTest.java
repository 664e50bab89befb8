package io.github.insignia.openbadges.issuing.batch;

import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.IssuingException;
import io.github.insignia.openbadges.issuing.TestKeys;
import io.github.insignia.openbadges.issuing.internal.ThisProcess;
import io.github.insignia.openbadges.issuing.status.InMemoryStatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusAssignment;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.issuing.status.StatusStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FolderSink}: done means a completion marker, nothing foreign is deleted, links are not followed. */
class FolderSinkTest {
  @TempDir Path dir;
  private final TestKeys keys = new TestKeys();

  /** The mark of a temporary folder whose writer (on this host) has ended. */
  static String deadWriterMark(String credentialId) {
    return "writing " + Long.MAX_VALUE + " 0 " + ThisProcess.HOST + " " + credentialId + "\n";
  }

  private BadgeIssuer issuer() {
    return BadgeIssuer.builder(TestKeys.profile(), keys.signer, "https://school.example/issuer#key-1").defaultImage(BadgeImage.placeholder()).build();
  }

  private Path roster(int learners) throws IOException {
    StringBuilder csv = new StringBuilder("email\n");
    for (int i = 0; i < learners; i++) {
      csv.append("learner").append(i).append("@example.org\n");
    }
    return Files.writeString(dir.resolve("roster.csv"), csv);
  }

  private String idOf(int learner) {
    return issuer().credentialIdFor(TestKeys.achievement().get("id").asText(), BatchIssuer.recipientOf(
        new RosterEntry(2 + learner, java.util.Optional.of("learner" + learner + "@example.org"), java.util.Optional.empty(),
            java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty())));
  }

  @Test
  void anOb2HostedAwardLeavesItsDocumentsInItsFolder() throws Exception {
    BadgeIssuer ob2 = BadgeIssuer.builder(TestKeys.profile(), keys.signer, "https://school.example/issuer#key-1")
        .defaultImage(BadgeImage.placeholder())
        .formats(io.github.insignia.openbadges.issuing.BadgeFormat.OB2_HOSTED)
        .ob2Hosting(io.github.insignia.openbadges.issuing.Ob2Hosting.at("https://school.example/ob2/"))
        .build();
    Path out = dir.resolve("out");
    BatchResult result = BatchIssuer.builder(ob2, TestKeys.achievement()).threads(1).build().run(roster(1), out, BatchListener.none());
    assertEquals(1, result.issued());
    Path folder;
    try (Stream<Path> s = Files.list(out).filter(p -> !p.getFileName().toString().startsWith("."))) {
      folder = s.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    com.fasterxml.jackson.databind.JsonNode docs =
        io.github.insignia.openbadges.json.SafeJson.read(Files.readAllBytes(folder.resolve(FolderSink.OB2_DOCUMENTS)));
    String assertionUrl = "https://school.example/ob2/assertions/" + folder.getFileName();
    assertEquals("Assertion", docs.path(assertionUrl).path("type").asText(), docs.toString());
    assertEquals(assertionUrl, docs.path(assertionUrl).path("id").asText());
    assertEquals("Issuer", docs.path("https://school.example/ob2/issuer").path("type").asText(), docs.toString());
    String badgeClass = docs.path(assertionUrl).path("badge").asText();
    assertEquals("BadgeClass", docs.path(badgeClass).path("type").asText(), docs.toString());
    // an OB 3.0-only award has none
    Path out3 = dir.resolve("out3");
    BatchIssuer.builder(issuer(), TestKeys.achievement()).threads(1).build().run(roster(1), out3, BatchListener.none());
    try (Stream<Path> s = Files.walk(out3)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().equals(FolderSink.OB2_DOCUMENTS)));
    }
  }

  @Test
  void anEmptyOrForeignFolderIsNeitherDoneNorOverwritten() throws Exception {
    Path out = dir.resolve("out");
    FolderSink sink = new FolderSink(out);
    Path empty = Files.createDirectories(sink.folderOf(idOf(0)));
    Path foreign = Files.createDirectories(sink.folderOf(idOf(1)));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    Path otherId = Files.createDirectories(sink.folderOf(idOf(2)));
    Files.writeString(otherId.resolve(FolderSink.MARKER), "complete 1 0 h urn:uuid:someone-else\n");
    assertFalse(sink.isDone(idOf(0)), "an empty folder is not a finished learner");
    assertFalse(sink.isDone(idOf(1)));
    assertFalse(sink.isDone(idOf(2)), "a marker naming another credential");

    BatchIssuer batch = BatchIssuer.builder(issuer(), TestKeys.achievement()).threads(2).build();
    BatchResult result = batch.run(roster(5), out, BatchListener.none());
    assertEquals(2, result.issued());
    assertEquals(3, result.failed());
    assertTrue(result.failures().stream().allMatch(f -> f.code().equals("BATCH_OUTPUT_CONFLICT")), result.failures().toString());
    try (Stream<Path> s = Files.list(empty)) {
      assertEquals(0, s.count(), "left as it was");
    }
    assertEquals("mine", Files.readString(foreign.resolve("notes.txt")));

    // the operator moves them away; the rerun finishes those learners and skips the others
    for (Path p : new Path[] {empty, foreign, otherId}) {
      try (Stream<Path> s = Files.walk(p)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    BatchResult rerun = batch.run(roster(5), out, BatchListener.none());
    assertEquals(3, rerun.issued());
    assertEquals(2, rerun.skipped());
    for (int i = 0; i < 5; i++) {
      assertTrue(sink.isDone(idOf(i)));
      assertTrue(Files.readString(sink.folderOf(idOf(i)).resolve(FolderSink.MARKER)).startsWith("complete "));
    }
  }

  @Test
  void cleanUpDeletesOnlyTheLeftoversOfDeadWriters() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path dead = Files.createDirectories(out.resolve(FolderSink.TEMP_PREFIX + "dead"));
    Files.writeString(dead.resolve(FolderSink.MARKER), deadWriterMark("urn:uuid:a"));
    Files.writeString(dead.resolve("badge.json"), "{}");
    Path alive = Files.createDirectories(out.resolve(FolderSink.TEMP_PREFIX + "alive"));
    Files.writeString(alive.resolve(FolderSink.MARKER),
        "writing " + ThisProcess.PID + " " + ThisProcess.STARTED + " " + ThisProcess.HOST + " urn:uuid:b\n");
    Path otherHost = Files.createDirectories(out.resolve(FolderSink.TEMP_PREFIX + "other-host"));
    Files.writeString(otherHost.resolve(FolderSink.MARKER), "writing " + Long.MAX_VALUE + " 0 elsewhere.example urn:uuid:c\n");
    Path unmarked = Files.createDirectories(out.resolve(FolderSink.TEMP_PREFIX + "unmarked"));
    Path foreign = Files.createDirectories(out.resolve(".tmp-someone-elses"));
    new FolderSink(out).cleanUp();
    assertFalse(Files.exists(dead));
    for (Path kept : new Path[] {alive, otherHost, unmarked, foreign}) {
      assertTrue(Files.isDirectory(kept), kept + " kept");
    }
  }

  @Test
  void aSymlinkedOutIsRefusedUnlessAskedAndLinkedLearnerFoldersAreNotFollowed() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = dir.resolve("link");
    try {
      Files.createSymbolicLink(link, real);
    } catch (IOException | UnsupportedOperationException e) {
      assumeTrue(false, "no symbolic links here");
    }
    IssuingException e = assertThrows(IssuingException.class, () -> new FolderSink(link));
    assertEquals(IssuingErrorCode.BATCH_OUT_SYMLINK, e.errorCode());
    FolderSink following = new FolderSink(link, true);
    assertEquals(link, following.out());

    // a learner "folder" that is a link to a completed folder elsewhere is not done, and not written through
    Path out = dir.resolve("out");
    BatchIssuer batch = BatchIssuer.builder(issuer(), TestKeys.achievement()).threads(1).build();
    batch.run(roster(1), real, BatchListener.none());
    FolderSink sink = new FolderSink(out);
    Files.createSymbolicLink(sink.folderOf(idOf(0)), new FolderSink(real).folderOf(idOf(0)));
    assertTrue(new FolderSink(real).isDone(idOf(0)));
    assertFalse(sink.isDone(idOf(0)));
    BatchResult result = batch.run(roster(1), out, BatchListener.none());
    assertEquals("BATCH_OUTPUT_CONFLICT", result.failures().get(0).code());
  }

  @Test
  void aFailingStatusStoreStopsTheBatchWithItsOwnError() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    InMemoryStatusListStore locked =
        new InMemoryStatusListStore(Clock.systemUTC()) {
          @Override
          public StatusAssignment assign(String credentialId, String recipientKey, int listCapacity) {
            if (calls.incrementAndGet() > 3) {
              throw new StatusStoreException(IssuingErrorCode.STATUS_STORE_LOCKED, "the status store is locked by pid 1 on host h");
            }
            return super.assign(credentialId, recipientKey, listCapacity);
          }
        };
    BadgeIssuer withStatus = BadgeIssuer.builder(TestKeys.profile(), keys.signer, "https://school.example/issuer#key-1")
        .defaultImage(BadgeImage.placeholder())
        .status(StatusService.builder("https://school.example/issuer", "https://school.example/status/", locked).build())
        .build();
    BatchIssuer batch = BatchIssuer.builder(withStatus, TestKeys.achievement()).threads(1).build();
    StatusStoreException e = assertThrows(StatusStoreException.class, () -> batch.run(roster(50), dir.resolve("out"), BatchListener.none()));
    assertEquals(IssuingErrorCode.STATUS_STORE_LOCKED, e.errorCode());
    assertTrue(calls.get() < 10, "stopped instead of failing every learner: " + calls.get());
  }
}
