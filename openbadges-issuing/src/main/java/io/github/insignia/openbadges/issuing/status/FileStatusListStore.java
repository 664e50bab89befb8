package io.github.insignia.openbadges.issuing.status;

import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.issuing.internal.ThisProcess;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link StatusListStore} kept as an append-only journal ({@value #JOURNAL}, one JSON object a
 * line) in a folder, which any number of stores may share at once: threads, several stores in one
 * JVM, and several processes (two {@code issue-batch} runs, a web node and a batch job).
 *
 * <p><b>How writers exclude each other.</b> Every change takes the store's lock for one short
 * critical section: lock, read the records other writers appended since this store last looked,
 * decide, append one record, force it to disk, unlock. The lock is an OS byte-range lock ({@link
 * FileLock}, {@code fcntl} on Linux and macOS, {@code LockFileEx} on Windows) on byte {@value
 * #LOCK_POSITION} of {@value #LOCK_FILE}, taken through one channel per JVM that stays open while any
 * store uses the folder (closing any other handle on a locked file would drop a POSIX lock), plus a
 * JVM-wide lock for the stores and threads of one JVM. The OS frees the lock when a process dies, so
 * a crashed writer never blocks the others. The holder writes its pid, host and time at the start of
 * {@value #LOCK_FILE}; a store that waits longer than its lock wait ({@link #DEFAULT_LOCK_WAIT} unless
 * given) fails with {@code STATUS_STORE_LOCKED} naming the folder and that holder. A tool that must
 * pause every writer (a backup) may take the same lock.
 *
 * <p><b>Durability and crashes.</b> A record is written with one positional write and forced before
 * the call returns, so a slot that reached a credential is never handed out again. A writer that dies
 * mid-append leaves a torn last record (no newline); the next store to take the lock (a running one
 * or a new one) truncates it, losing nothing that was acknowledged. A complete record that cannot be
 * read is {@code STATUS_STORE_CORRUPT}.
 *
 * <p>Reads see every change completed before the read began, in any process. The folder must be on
 * a local file system: network file systems may not honour byte-range locks.
 */
public final class FileStatusListStore extends InMemoryStatusListStore implements AutoCloseable {
  /** The journal's file name inside the store folder. */
  public static final String JOURNAL = "status-journal.jsonl";
  /** The lock file's name inside the store folder; it starts with the last holder's pid and host. */
  public static final String LOCK_FILE = "status-journal.lock";
  /** The byte of {@link #LOCK_FILE} that writers lock exclusively (past the holder text, so Windows can read it). */
  public static final long LOCK_POSITION = 1024;
  /** How long {@link #open(Path, Clock)} and every change wait for another writer. */
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(10);

  private static final System.Logger LOG = System.getLogger(FileStatusListStore.class.getName());
  private static final int HOLDER_BYTES = 256;
  private static final int MAX_RECORD_BYTES = 1 << 20;
  private static final int CHUNK = 64 * 1024;

  private final Path directory;
  private final Path journalPath;
  private final SharedLock shared;
  private final Duration lockWait;
  private volatile FileChannel journal;
  private volatile boolean closed;
  /** Bytes of the journal applied to memory: always the end of a complete record. Guarded by the lock. */
  private volatile long applied;
  private long records;

  private FileStatusListStore(Clock clock, Path directory, SharedLock shared, Duration lockWait) throws IOException {
    super(clock);
    this.directory = directory;
    this.journalPath = directory.resolve(JOURNAL);
    this.shared = shared;
    this.lockWait = lockWait;
    this.journal = openJournal(journalPath);
  }

  /**
   * Opens (or creates) the store in a folder and replays its journal, waiting up to {@link
   * #DEFAULT_LOCK_WAIT} for another writer.
   *
   * @param directory the store folder, created when missing
   * @param clock the time source
   * @return the store, to be closed when the host shuts down
   * @throws StatusStoreException {@code STATUS_STORE_IO} when the journal cannot be opened, {@code
   *     STATUS_STORE_LOCKED} when another writer holds it too long, {@code STATUS_STORE_CORRUPT} when a
   *     complete record is unreadable
   */
  public static FileStatusListStore open(Path directory, Clock clock) {
    return open(directory, clock, DEFAULT_LOCK_WAIT);
  }

  /**
   * Opens (or creates) the store in a folder and replays its journal.
   *
   * @param directory the store folder, created when missing
   * @param clock the time source
   * @param lockWait how long this call and every later change wait for another writer before failing
   *     with {@code STATUS_STORE_LOCKED}; {@link Duration#ZERO} fails at once
   * @return the store, to be closed when the host shuts down
   * @throws StatusStoreException as {@link #open(Path, Clock)}
   */
  public static FileStatusListStore open(Path directory, Clock clock, Duration lockWait) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(clock, "clock");
    if (Objects.requireNonNull(lockWait, "lockWait").isNegative()) {
      throw new IllegalArgumentException("lockWait must not be negative");
    }
    Path real;
    SharedLock shared;
    try {
      Files.createDirectories(directory);
      real = directory.toRealPath();
      shared = SharedLock.use(real.resolve(LOCK_FILE));
    } catch (IOException e) {
      throw new StatusStoreException(IssuingErrorCode.STATUS_STORE_IO, "cannot open the status store " + directory + ": " + e, e);
    }
    FileStatusListStore store;
    try {
      store = new FileStatusListStore(clock, real, shared, lockWait);
    } catch (IOException e) {
      shared.release();
      throw new StatusStoreException(IssuingErrorCode.STATUS_STORE_IO, "cannot open the status journal in " + real + ": " + e, e);
    }
    try {
      store.locked(() -> null); // replays the whole journal and repairs a torn tail
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The store folder (its real path). */
  public Path directory() {
    return directory;
  }

  @Override
  public StatusAssignment assign(String credentialId, String recipientKey, int listCapacity) {
    return locked(() -> super.assign(credentialId, recipientKey, listCapacity));
  }

  @Override
  public boolean revoke(Revocation revocation) {
    return locked(() -> super.revoke(revocation));
  }

  @Override
  public Optional<StatusAssignment> assignment(String credentialId) {
    catchUpIfChanged();
    return super.assignment(credentialId);
  }

  @Override
  public List<StatusAssignment> assignmentsOf(String recipientKey) {
    catchUpIfChanged();
    return super.assignmentsOf(recipientKey);
  }

  @Override
  public Optional<Revocation> revocation(String credentialId) {
    catchUpIfChanged();
    return super.revocation(credentialId);
  }

  @Override
  public List<Revocation> revocations() {
    catchUpIfChanged();
    return super.revocations();
  }

  @Override
  public long listCount() {
    catchUpIfChanged();
    return super.listCount();
  }

  /** Catches up with other writers when the journal grew since this store last looked. */
  private void catchUpIfChanged() {
    checkOpen();
    long size;
    try {
      size = journal.size();
    } catch (IOException e) {
      size = -1; // the locked path reopens the channel or reports the failure
    }
    if (size != applied) {
      locked(() -> null);
    }
  }

  /**
   * Runs {@code action} holding the store's lock (JVM-wide, then the OS lock), after catching up with
   * the journal. Package-private for the crash tests.
   */
  <T> T locked(Supplier<T> action) {
    checkOpen();
    // an interrupt would close the channels under us (they are interruptible): hold it until we leave
    Wait wait = new Wait(System.nanoTime() + lockWait.toNanos(), Thread.interrupted());
    try {
      if (!lockInJvm(wait)) {
        throw lockedError("another store of this JVM on the same folder");
      }
      try {
        FileLock lock = lockFile(wait);
        try {
          shared.writeHolder();
          catchUp();
          return action.get();
        } finally {
          try {
            lock.release();
          } catch (IOException ignored) {
            // closing the channel (last store) or the process exit frees it
          }
        }
      } finally {
        shared.inJvm.unlock();
      }
    } catch (IOException e) {
      throw new StatusStoreException(IssuingErrorCode.STATUS_STORE_IO, "cannot use the status journal " + journalPath + ": " + e, e);
    } finally {
      if (wait.interrupted || Thread.interrupted()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A bounded wait that remembers an interrupt instead of acting on it. */
  private static final class Wait {
    final long deadline;
    boolean interrupted;

    Wait(long deadline, boolean interrupted) {
      this.deadline = deadline;
      this.interrupted = interrupted;
    }

    long left() {
      return deadline - System.nanoTime();
    }

    void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }

  private boolean lockInJvm(Wait wait) {
    while (true) {
      try {
        return shared.inJvm.tryLock(Math.max(0, wait.left()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        wait.interrupted = true;
      }
    }
  }

  private FileLock lockFile(Wait wait) throws IOException {
    long pause = 1;
    while (true) {
      FileLock lock;
      try {
        lock = shared.channel().tryLock(LOCK_POSITION, 1, false);
      } catch (OverlappingFileLockException e) {
        lock = null; // a channel of this JVM outside Insignia holds it: wait like for another process
      }
      if (lock != null) {
        return lock;
      }
      long left = wait.left();
      if (left <= 0) {
        throw lockedError(shared.readHolder());
      }
      wait.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, pause));
      pause = Math.min(pause * 2, 20);
    }
  }

  private StatusStoreException lockedError(String holder) {
    return new StatusStoreException(
        IssuingErrorCode.STATUS_STORE_LOCKED,
        "the status store " + directory + " is locked by " + holder + " and was not freed within "
            + lockWait.toMillis() + " ms; retry when that writer has finished");
  }

  /** Applies every complete record appended since {@link #applied}; truncates a torn last record. Holds the lock. */
  private void catchUp() throws IOException {
    FileChannel ch = journal();
    long size = ch.size();
    if (size < applied) {
      throw new StatusStoreException(
          IssuingErrorCode.STATUS_STORE_CORRUPT, "the status journal " + journalPath + " shrank from " + applied + " to " + size + " bytes");
    }
    ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, size - applied)));
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    long position = applied;
    while (position < size) {
      chunk.clear();
      int n = ch.read(chunk, position);
      if (n < 0) {
        break;
      }
      byte[] bytes = chunk.array();
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (bytes[i] == '\n') {
          record.write(bytes, start, i - start);
          applyRecord(record.toByteArray());
          record.reset();
          start = i + 1;
          applied = position + i + 1;
        }
      }
      record.write(bytes, start, n - start);
      if (record.size() > MAX_RECORD_BYTES) {
        throw new StatusStoreException(
            IssuingErrorCode.STATUS_STORE_CORRUPT, "status journal record " + (records + 1) + " is longer than " + MAX_RECORD_BYTES + " bytes");
      }
      position += n;
    }
    if (applied < size) {
      // we hold the lock, so nobody is writing: these bytes are a record whose writer died mid-append
      // (its call never returned, so no credential carries it)
      LOG.log(System.Logger.Level.WARNING, "status journal {0}: dropping a torn last record of {1} bytes", journalPath, size - applied);
      ch.truncate(applied);
      ch.force(false);
    }
  }

  private void applyRecord(byte[] bytes) {
    records++;
    String line = new String(bytes, StandardCharsets.UTF_8).strip();
    if (line.isEmpty()) {
      return;
    }
    try {
      applyLine(SafeJson.read(line));
    } catch (OpenBadgesException | IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
      throw new StatusStoreException(
          IssuingErrorCode.STATUS_STORE_CORRUPT, "status journal record " + records + " is unreadable: " + e.getMessage(), e);
    }
  }

  private void applyLine(JsonNode line) {
    String op = line.path("op").asText();
    String credentialId = line.get("credentialId").asText();
    Instant at = Instant.parse(line.get("at").asText());
    switch (op) {
      case "assign" -> apply(
          new StatusAssignment(
              credentialId,
              line.get("recipientKey").asText(),
              new StatusSlot(line.get("list").asLong(), line.get("index").asInt()),
              at));
      case "revoke" -> applyRevocation(new Revocation(credentialId, line.get("reason").asText(), at));
      default -> throw new IllegalArgumentException("unknown operation '" + op + "'");
    }
  }

  @Override
  protected void persistAssignment(StatusAssignment a) {
    ObjectNode line = SafeJson.nodeFactory().objectNode();
    line.put("op", "assign");
    line.put("credentialId", a.credentialId());
    line.put("recipientKey", a.recipientKey());
    line.put("list", a.slot().listNumber());
    line.put("index", a.slot().index());
    line.put("at", a.assignedAt().toString());
    append(line);
  }

  @Override
  protected void persistRevocation(Revocation r) {
    ObjectNode line = SafeJson.nodeFactory().objectNode();
    line.put("op", "revoke");
    line.put("credentialId", r.credentialId());
    line.put("reason", r.reason());
    line.put("at", r.revokedAt().toString());
    append(line);
  }

  /** Appends one record at the end with one positional write and forces it. Holds the lock. */
  private void append(ObjectNode line) {
    ByteBuffer bytes = ByteBuffer.wrap((SafeJson.write(line) + "\n").getBytes(StandardCharsets.UTF_8));
    long at = applied; // the end of the journal: catchUp ran under the same lock
    try {
      FileChannel ch = journal();
      while (bytes.hasRemaining()) {
        ch.write(bytes, at + bytes.position());
      }
      ch.force(false);
      applied = at + bytes.limit();
      records++;
    } catch (IOException e) {
      try {
        journal().truncate(at); // leave no half record behind for the others
      } catch (IOException ignored) {
        // the next writer to take the lock drops it as a torn record
      }
      throw new StatusStoreException(IssuingErrorCode.STATUS_STORE_IO, "cannot write the status journal " + journalPath + ": " + e, e);
    }
  }

  /** The journal channel, reopened when an interrupt closed it. Holds the lock, or only reads its size. */
  private FileChannel journal() throws IOException {
    FileChannel ch = journal;
    if (!ch.isOpen()) {
      checkOpen();
      ch = openJournal(journalPath);
      journal = ch;
    }
    return ch;
  }

  private static FileChannel openJournal(Path path) throws IOException {
    return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private void checkOpen() {
    if (closed) {
      throw new StatusStoreException(IssuingErrorCode.STATUS_STORE_CLOSED, "the status store " + directory + " was closed");
    }
  }

  /** Releases the journal; the lock channel closes with the last store of this JVM on the folder. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      journal.close();
    } catch (IOException ignored) {
      // nothing more to do
    }
    shared.release();
  }

  /**
   * The lock of one store folder inside this JVM: one channel on the lock file for every store of the
   * JVM (so that no store closes a handle another relies on) and a lock for the JVM's own threads.
   * The registry is the one static state here: it mirrors the JVM-wide table of file locks.
   */
  private static final class SharedLock {
    private static final Map<Path, SharedLock> OPEN = new HashMap<>();

    final Path file;
    final ReentrantLock inJvm = new ReentrantLock(true);
    private FileChannel channel;
    private int users;

    private SharedLock(Path file) {
      this.file = file;
    }

    static SharedLock use(Path file) throws IOException {
      synchronized (OPEN) {
        SharedLock lock = OPEN.get(file);
        if (lock == null) {
          lock = new SharedLock(file);
          lock.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
          OPEN.put(file, lock);
        }
        lock.users++;
        return lock;
      }
    }

    void release() {
      synchronized (OPEN) {
        if (--users == 0) {
          OPEN.remove(file);
          try {
            channel.close();
          } catch (IOException ignored) {
            // nothing more to do
          }
        }
      }
    }

    /** The channel, reopened when an interrupt closed it (no lock was held through it then). Holds {@link #inJvm}. */
    FileChannel channel() throws IOException {
      synchronized (OPEN) {
        if (!channel.isOpen()) {
          channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return channel;
      }
    }

    /** Records who holds the lock, for the error another writer gives when it gives up waiting. */
    void writeHolder() throws IOException {
      String text = "pid " + ThisProcess.PID + " on host " + ThisProcess.HOST + " since " + Instant.now();
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      byte[] bytes = Arrays.copyOf(utf8, HOLDER_BYTES);
      Arrays.fill(bytes, Math.min(utf8.length, HOLDER_BYTES - 1), HOLDER_BYTES - 1, (byte) ' ');
      bytes[HOLDER_BYTES - 1] = '\n';
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      FileChannel ch = channel();
      while (buffer.hasRemaining()) {
        ch.write(buffer, buffer.position());
      }
    }

    /** What the holder recorded, through this JVM's one channel (never a second handle). */
    String readHolder() {
      try {
        ByteBuffer buffer = ByteBuffer.allocate(HOLDER_BYTES);
        channel().read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        text = text.replaceAll("[^\\p{Print}]", "?");
        return text.isEmpty() ? "another process (it recorded no pid)" : text;
      } catch (IOException e) {
        return "another process";
      }
    }
  }
}
