package io.github.insignia.openbadges.issuing.batch;

import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.AwardRequest;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.AwardEvidence;
import io.github.insignia.openbadges.issuing.IssuingException;
import io.github.insignia.openbadges.issuing.Recipient;
import io.github.insignia.openbadges.issuing.status.StatusStoreException;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Awards one achievement to every learner of a roster, on all cores, without holding the roster in
 * memory: the roster is read lazily and at most {@code 2 × threads} learners are in flight (a
 * semaphore holds the reader back), so memory does not grow with the roster.
 *
 * <p>Resumable: a learner whose award is already complete in the {@link PackSink} (same
 * deterministic credential id) is skipped, so rerunning a crashed batch finishes it with exactly
 * one badge per learner. A learner that fails (a malformed e-mail, a signer error) is reported and
 * the batch goes on; an {@link Error} in a worker (out of memory, …) stops the batch after the
 * learners in flight ({@code BATCH_ABORTED}), and so does a status store that fails (its {@link
 * StatusStoreException} is thrown as is, for example {@code STATUS_STORE_LOCKED}); the rerun resumes.
 *
 * <p>Immutable and thread-safe; {@link #run} may be called for several rosters at once.
 */
public final class BatchIssuer {
  /** At most this many failures are listed in the result (all are counted). */
  public static final int MAX_REPORTED_FAILURES = 10_000;

  private static final System.Logger LOG = System.getLogger(BatchIssuer.class.getName());

  private final BadgeIssuer issuer;
  private final ObjectNode achievement;
  private final Optional<BadgeImage> image;
  private final int threads;
  private final Duration progressInterval;

  private BatchIssuer(Builder b) {
    this.issuer = b.issuer;
    this.achievement = b.achievement.deepCopy();
    this.image = Optional.ofNullable(b.image);
    this.threads = b.threads;
    this.progressInterval = b.progressInterval;
  }

  /**
   * @param issuer the issuer that makes each award
   * @param achievement the OB 3.0 Achievement awarded to every learner
   */
  public static Builder builder(BadgeIssuer issuer, ObjectNode achievement) {
    return new Builder(issuer, achievement);
  }

  /**
   * As {@link #builder(BadgeIssuer, ObjectNode)}, from the typed model.
   *
   * @param issuer the issuer that makes each award
   * @param achievement the OB 3.0 Achievement awarded to every learner
   */
  public static Builder builder(BadgeIssuer issuer, io.github.insignia.openbadges.model.ob3.Achievement achievement) {
    return new Builder(issuer, Objects.requireNonNull(achievement, "achievement").json());
  }

  /**
   * Runs a roster file into {@code out} with the default {@link FolderSink}, and writes {@code
   * summary.json} there.
   */
  public BatchResult run(Path roster, Path out, BatchListener listener) throws IOException {
    return run(roster, new FolderSink(out), listener);
  }

  /**
   * Runs a roster file into a {@link FolderSink} (after removing what its dead writers left behind),
   * and writes {@code summary.json} in its folder.
   */
  public BatchResult run(Path roster, FolderSink sink, BatchListener listener) throws IOException {
    Path out = sink.out();
    sink.cleanUp();
    long total = RosterReader.count(roster);
    BatchResult result;
    try (RosterReader reader = RosterReader.open(roster)) {
      result = run(reader, sink, OptionalLong.of(total), listener);
    }
    writeSummary(out, result);
    return result;
  }

  /** Writes {@code summary.json} atomically. */
  public static void writeSummary(Path out, BatchResult result) throws IOException {
    Path temp = out.resolve(".summary.json.tmp");
    Files.writeString(temp, SafeJson.writePretty(result.toJson()), StandardCharsets.UTF_8);
    Files.move(temp, out.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Awards every learner the iterator yields into the sink.
   *
   * @param roster the learners, read lazily
   * @param sink where awards go
   * @param total the roster size, when known (for the ETA)
   * @param listener progress
   */
  public BatchResult run(Iterator<RosterEntry> roster, PackSink sink, OptionalLong total, BatchListener listener) {
    Objects.requireNonNull(roster, "roster");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(listener, "listener");
    long start = System.nanoTime();
    AtomicLong issued = new AtomicLong();
    AtomicLong skipped = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong lastReport = new AtomicLong(start);
    List<BatchFailure> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<Throwable> fatal = new AtomicReference<>();
    String aborted = null;
    Semaphore inFlight = new Semaphore(2 * threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    Runnable report =
        () -> listener.progress(
            new BatchProgress(issued.get(), skipped.get(), failed.get(), total, Duration.ofNanos(System.nanoTime() - start)));
    try {
      while (fatal.get() == null) {
        RosterEntry entry;
        try {
          if (!roster.hasNext()) {
            break;
          }
          entry = roster.next();
        } catch (OpenBadgesException e) {
          aborted = e.code() + ": " + e.getMessage();
          break;
        }
        inFlight.acquireUninterruptibly();
        pool.execute(
            () -> {
              try {
                if (awardOne(entry, sink)) {
                  issued.incrementAndGet();
                } else {
                  skipped.incrementAndGet();
                }
              } catch (StatusStoreException e) {
                fatal.compareAndSet(null, e); // every later learner would fail the same way: stop
              } catch (OpenBadgesException e) {
                fail(entry, e.errorCode(), e.getMessage(), failed, failures);
              } catch (RuntimeException e) {
                fail(entry, IssuingErrorCode.INTERNAL_ERROR, e.toString(), failed, failures);
              } catch (Error e) {
                fatal.compareAndSet(null, e);
              } finally {
                inFlight.release();
                long now = System.nanoTime();
                long last = lastReport.get();
                if (now - last >= progressInterval.toNanos() && lastReport.compareAndSet(last, now)) {
                  report.run();
                }
              }
            });
      }
    } finally {
      pool.shutdown();
      awaitQuietly(pool);
    }
    report.run();
    Throwable t = fatal.get();
    if (t instanceof StatusStoreException e) {
      throw e;
    }
    if (t != null) {
      throw new IssuingException(IssuingErrorCode.BATCH_ABORTED, "the batch stopped: " + t, t);
    }
    return new BatchResult(
        issued.get(), skipped.get(), failed.get(), failures, Duration.ofNanos(System.nanoTime() - start), Optional.ofNullable(aborted));
  }

  /** @return true when awarded now, false when it was already done */
  private boolean awardOne(RosterEntry entry, PackSink sink) {
    Recipient recipient = recipientOf(entry);
    String id = issuer.credentialIdFor(achievement.get("id").asText(), recipient);
    if (sink.isDone(id)) {
      return false;
    }
    AwardRequest.Builder request = AwardRequest.builder(achievement, recipient);
    entry.evidence().ifPresent(e -> request.evidence(e.matches("(?i)https?://\\S+") ? AwardEvidence.url(e) : AwardEvidence.narrative(e)));
    entry.narrative().ifPresent(request::narrative);
    image.ifPresent(request::image);
    Award award = issuer.award(request.build());
    return sink.write(award);
  }

  /** The recipient of a roster row: the e-mail, else the identifier (a DID/URL becomes the subject id). */
  static Recipient recipientOf(RosterEntry entry) {
    Recipient r;
    if (entry.email().isPresent()) {
      r = Recipient.email(entry.email().get());
    } else if (entry.identifier().isPresent()) {
      String id = entry.identifier().get();
      r = id.matches("(?i)(did:|https?://).+") ? Recipient.subjectId(id) : Recipient.identifier("identifier", id);
    } else {
      throw new IssuingException(IssuingErrorCode.ROSTER_ROW_INVALID, "the row has neither an e-mail nor an identifier");
    }
    return entry.name().map(r::withName).orElse(r);
  }

  private static void fail(RosterEntry entry, ErrorCode code, String message, AtomicLong failed, List<BatchFailure> failures) {
    failed.incrementAndGet();
    LOG.log(System.Logger.Level.DEBUG, "roster row {0} failed: {1}", entry.row(), code);
    synchronized (failures) {
      if (failures.size() < MAX_REPORTED_FAILURES) {
        failures.add(new BatchFailure(entry.row(), entry.recipientText().orElse(""), code.name(), String.valueOf(message)));
      }
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.HOURS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, "insignia-batch-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Builds a {@link BatchIssuer}. */
  public static final class Builder {
    private final BadgeIssuer issuer;
    private final ObjectNode achievement;
    private BadgeImage image;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Duration progressInterval = Duration.ofMillis(500);

    private Builder(BadgeIssuer issuer, ObjectNode achievement) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      this.achievement = Objects.requireNonNull(achievement, "achievement");
      if (!achievement.path("id").isTextual()) {
        throw new io.github.insignia.openbadges.InvalidInputException(IssuingErrorCode.ACHIEVEMENT_INVALID, "the achievement has no 'id'");
      }
    }

    /** The artwork to bake (default: the issuer's, else the achievement's data URI). */
    public Builder image(BadgeImage value) {
      this.image = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Worker threads (default: the available processors). */
    public Builder threads(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = value;
      return this;
    }

    /** How often the listener hears about progress (default 500 ms). */
    public Builder progressInterval(Duration value) {
      this.progressInterval = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The batch issuer. */
    public BatchIssuer build() {
      return new BatchIssuer(this);
    }
  }
}
