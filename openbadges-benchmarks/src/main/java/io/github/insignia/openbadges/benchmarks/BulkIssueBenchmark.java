package io.github.insignia.openbadges.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.batch.BatchIssuer;
import io.github.insignia.openbadges.issuing.batch.BatchListener;
import io.github.insignia.openbadges.issuing.batch.BatchResult;
import io.github.insignia.openbadges.issuing.batch.FolderSink;
import io.github.insignia.openbadges.issuing.batch.PackSink;
import io.github.insignia.openbadges.issuing.batch.RosterEntry;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk award at course end: {@code learners} OB 3.0 badges, each with its own
 * {@code eddsa-rdfc-2022} Data Integrity proof and a {@code BitstringStatusListEntry}, baked into a
 * PNG (and an SVG), through {@link BatchIssuer} on all cores. The roster is generated lazily (never
 * in memory) and the heap is capped at 256 MB to show that memory does not grow with the roster.
 * {@code sink=memory} drops each pack after counting its bytes; {@code sink=disk} writes the
 * download-pack folders as {@code insignia issue-batch} does.
 *
 * <p>One shot per iteration (the target is a wall-clock figure: 10,000 badges in at most 15 s on 2
 * cores). Run: {@code java -jar openbadges-benchmarks/target/benchmarks.jar BulkIssueBenchmark -f 1
 * -wi 1 -i 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-Xms256m"})
public class BulkIssueBenchmark {
  @Param({"10000"})
  int learners;

  @Param({"memory"})
  String sink;

  private BatchIssuer batch;
  private ObjectNode achievement;
  private Path out;
  private final AtomicLong bytes = new AtomicLong();

  @Setup(Level.Iteration)
  public void setUp() throws IOException {
    SigningKey key = SigningKey.generate(KeyType.ED25519);
    String issuerId = key.publicKey().didKey();
    String vm = Issuers.verificationMethodFor(issuerId, key.publicKey());
    ObjectNode profile = SafeJson.nodeFactory().objectNode();
    profile.put("id", issuerId);
    profile.putArray("type").add("Profile");
    profile.put("name", "Example University");
    achievement = SafeJson.nodeFactory().objectNode();
    achievement.put("id", "https://university.example.org/achievements/mooc-2026");
    achievement.putArray("type").add("Achievement");
    achievement.put("name", "Teaching with AI (MOOC 2026)");
    achievement.put("description", "Completed the national MOOC for teachers.");
    achievement.putObject("criteria").put("narrative", "Complete 8 of the 10 tasks.");
    StatusService status = StatusService.builder(issuerId, "https://university.example.org/status/", StatusListStore.inMemory()).build();
    BadgeIssuer issuer =
        BadgeIssuer.builder(profile, key, vm)
            .formats(BadgeFormat.OB3_DATA_INTEGRITY)
            .prover(Issuers.dataIntegrity(key, vm).orElseThrow())
            .status(status)
            .defaultImage(BadgeImage.placeholder())
            .build();
    batch = BatchIssuer.builder(issuer, achievement).build();
    out = sink.equals("disk") ? Files.createTempDirectory("insignia-bulk-") : null;
    bytes.set(0);
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws IOException {
    if (out != null) {
      try (Stream<Path> walk = Files.walk(out)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Benchmark
  public BatchResult bulkAward() {
    PackSink target = out != null ? new FolderSink(out) : new CountingSink(bytes);
    BatchResult result = batch.run(roster(learners), target, OptionalLong.of(learners), BatchListener.none());
    if (result.issued() != learners) {
      throw new IllegalStateException("issued " + result.issued() + " of " + learners + ": " + result.failures());
    }
    return result;
  }

  /** A generated roster, produced one learner at a time. */
  static Iterator<RosterEntry> roster(int n) {
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public RosterEntry next() {
        if (i >= n) {
          throw new NoSuchElementException();
        }
        i++;
        return new RosterEntry(i, Optional.of("learner" + i + "@example.org"), Optional.empty(),
            Optional.of("Learner " + i), Optional.of("https://lms.example.org/portfolio/" + i), Optional.empty());
      }
    };
  }

  /** Keeps nothing: counts the pack's bytes so that nothing is optimised away. */
  static final class CountingSink implements PackSink {
    private final AtomicLong bytes;

    CountingSink(AtomicLong bytes) {
      this.bytes = bytes;
    }

    @Override
    public boolean isDone(String credentialId) {
      return false;
    }

    @Override
    public boolean write(Award award) {
      bytes.addAndGet(award.pack().png().map(p -> p.length).orElseThrow());
      return true;
    }
  }
}
