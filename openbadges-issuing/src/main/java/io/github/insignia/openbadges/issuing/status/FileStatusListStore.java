package io.github.insignia.openbadges.issuing.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.issuing.IssuingException;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link StatusListStore} kept as an append-only journal ({@value #JOURNAL}, one JSON object a
 * line) in a folder. Every assignment and revocation is appended and forced to disk before the call
 * returns, so a slot that reached a credential is never handed out again after a crash. On open the
 * journal is replayed; a torn last line (a crash in the middle of a write) is dropped, since the call
 * that wrote it never returned. One process at a time: the journal is locked while open.
 */
public final class FileStatusListStore extends InMemoryStatusListStore implements AutoCloseable {
  /** The journal's file name inside the store folder. */
  public static final String JOURNAL = "status-journal.jsonl";

  private final FileChannel channel;
  private final java.nio.channels.FileLock lock;

  private FileStatusListStore(Clock clock, FileChannel channel, java.nio.channels.FileLock lock) {
    super(clock);
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Opens (or creates) the store in a folder and replays its journal.
   *
   * @param directory the store folder, created when missing
   * @param clock the time source
   * @return the store, to be closed when the host shuts down
   * @throws IssuingException {@code STATUS_STORE_IO} when the journal cannot be opened or is locked
   * @throws InvalidInputException {@code STATUS_STORE_CORRUPT} when a line before the last is unreadable
   */
  public static FileStatusListStore open(Path directory, Clock clock) {
    Objects.requireNonNull(directory, "directory");
    Path journal = directory.resolve(JOURNAL);
    FileChannel channel = null;
    try {
      Files.createDirectories(directory);
      channel =
          FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      java.nio.channels.FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new IssuingException("STATUS_STORE_IO", "the status journal is in use by another process: " + journal);
      }
      FileStatusListStore store = new FileStatusListStore(clock, channel, lock);
      store.replay(journal);
      return store;
    } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new IssuingException("STATUS_STORE_IO", "cannot open the status journal " + journal + ": " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private void replay(Path journal) throws IOException {
    byte[] all = Files.readAllBytes(journal);
    int start = 0;
    long validLength = 0;
    int lineNumber = 0;
    while (start < all.length) {
      int end = indexOf(all, (byte) '\n', start);
      lineNumber++;
      if (end < 0) {
        break; // torn last line: never acknowledged, so dropped
      }
      String line = new String(all, start, end - start, StandardCharsets.UTF_8).strip();
      if (!line.isEmpty()) {
        try {
          applyLine(SafeJson.read(line));
        } catch (OpenBadgesException | IllegalArgumentException | NullPointerException e) {
          throw new InvalidInputException(
              "STATUS_STORE_CORRUPT", "status journal line " + lineNumber + " is unreadable: " + e.getMessage(), e);
        }
      }
      start = end + 1;
      validLength = start;
    }
    channel.truncate(validLength);
    channel.position(validLength);
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

  private void append(ObjectNode line) {
    ByteBuffer bytes = ByteBuffer.wrap((SafeJson.write(line) + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new IssuingException("STATUS_STORE_IO", "cannot write the status journal: " + e, e);
    }
  }

  /** Releases the journal. */
  @Override
  public synchronized void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // the channel close below releases it anyway
    }
    closeQuietly(channel);
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }
}
