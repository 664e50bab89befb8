package io.github.insignia.openbadges.issuing.batch;

import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.IssuingException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes each award's download pack to {@code <out>/<credential UUID>/} ({@code badge.json},
 * {@code badge.jwt}, {@code badge.png}, {@code badge.svg}, {@code links.json}): first into a hidden
 * temporary folder, then renamed in one atomic step, so a folder that exists is complete. Leftover
 * temporary folders of a crashed run are removed by {@link #cleanUp()}. Thread-safe.
 */
public final class FolderSink implements PackSink {
  static final String TEMP_PREFIX = ".tmp-";

  private final Path out;

  /** @param out the output folder (created when missing) */
  public FolderSink(Path out) {
    this.out = Objects.requireNonNull(out, "out");
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new IssuingException("BATCH_IO", "cannot create the output folder " + out + ": " + e, e);
    }
  }

  /** The folder of an award. */
  public Path folderOf(String credentialId) {
    return out.resolve(credentialId.replaceFirst("^urn:uuid:", ""));
  }

  /** Removes temporary folders left by a crashed run. */
  public void cleanUp() {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(out, TEMP_PREFIX + "*")) {
      for (Path t : temps) {
        deleteTree(t);
      }
    } catch (IOException e) {
      throw new IssuingException("BATCH_IO", "cannot clean up " + out + ": " + e, e);
    }
  }

  @Override
  public boolean isDone(String credentialId) {
    return Files.isDirectory(folderOf(credentialId));
  }

  @Override
  public boolean write(Award award) {
    Path target = folderOf(award.credentialId());
    Path temp = out.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
    try {
      Files.createDirectory(temp);
      for (Map.Entry<String, byte[]> file : award.pack().files().entrySet()) {
        Files.write(temp.resolve(file.getKey()), file.getValue());
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target);
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      deleteQuietly(temp); // another worker or run finished the same recipient first: keep theirs
      return false;
    } catch (IOException e) {
      deleteQuietly(temp);
      if (Files.isDirectory(target)) {
        return false; // a rename onto an existing non-empty folder: already complete
      }
      throw new IssuingException("BATCH_IO", "cannot write " + target + ": " + e, e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      deleteTree(dir);
    } catch (IOException ignored) {
      // cleanUp() removes it on the next run
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
