package io.github.insignia.openbadges.issuing.batch;

import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.IssuingException;
import io.github.insignia.openbadges.issuing.internal.ThisProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes each award's download pack to {@code <out>/<credential UUID>/} ({@code badge.json},
 * {@code badge.jwt}, {@code badge.png}, {@code badge.svg}, {@code links.json}, and {@value
 * #OB2_DOCUMENTS} when the award has OB 2.0 documents to host): first into a hidden temporary
 * folder, then renamed in one atomic step. Thread-safe; several runs may share {@code out}.
 *
 * <p>A learner is done only when its folder holds the completion marker {@value #MARKER}, written
 * last (by an atomic rename inside the temporary folder) and naming its credential; an empty or
 * foreign folder under a learner's name is reported ({@code BATCH_OUTPUT_CONFLICT}), never counted
 * as done and never overwritten. The sink deletes only what it made: a temporary folder carries the
 * marker in its "writing" state with the writer's pid and host, and {@link #cleanUp()} removes only
 * those whose writer process on this host is gone. A symbolic link as {@code out} is refused unless
 * the host asks to follow it.
 */
public final class FolderSink implements PackSink {
  /** The completion marker in every finished learner folder (also the ownership mark of a temporary one). */
  public static final String MARKER = ".insignia";

  /**
   * The award's OB 2.0 documents ({@link Award#ob2Hosted()}): a JSON object from each URL to the
   * document to serve there (the hosted assertion, the BadgeClass, the issuer, the key). Written in
   * the learner's folder, with the rest, so that a rerun that skips the learner still has them to
   * publish.
   */
  public static final String OB2_DOCUMENTS = "ob2-documents.json";

  static final String TEMP_PREFIX = ".insignia-tmp-";
  private static final String COMPLETE = "complete";
  private static final String WRITING = "writing";
  private static final int MAX_MARKER_BYTES = 4096;
  private static final System.Logger LOG = System.getLogger(FolderSink.class.getName());

  private final Path out;

  /**
   * A sink that refuses a symbolic link as {@code out}.
   *
   * @param out the output folder (created when missing)
   * @throws IssuingException {@code BATCH_OUT_SYMLINK} when {@code out} is a symbolic link, {@code
   *     BATCH_IO} when it cannot be created
   */
  public FolderSink(Path out) {
    this(out, false);
  }

  /**
   * @param out the output folder (created when missing)
   * @param followSymlinks whether {@code out} may be a symbolic link (it is then written through)
   * @throws IssuingException {@code BATCH_OUT_SYMLINK} when {@code out} is a symbolic link and {@code
   *     followSymlinks} is false, {@code BATCH_IO} when it cannot be created
   */
  public FolderSink(Path out, boolean followSymlinks) {
    this.out = Objects.requireNonNull(out, "out");
    if (!followSymlinks && Files.isSymbolicLink(out)) {
      throw new IssuingException(
          IssuingErrorCode.BATCH_OUT_SYMLINK, "the output folder " + out + " is a symbolic link; refusing to write through it unless asked to follow it");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new IssuingException(IssuingErrorCode.BATCH_IO, "cannot create the output folder " + out + ": " + e, e);
    }
  }

  /** The output folder. */
  public Path out() {
    return out;
  }

  /** The folder of an award. */
  public Path folderOf(String credentialId) {
    return out.resolve(credentialId.replaceFirst("^urn:uuid:", ""));
  }

  /**
   * Removes temporary folders that this sink's writers left behind when their process died (marked
   * as ours, written on this host by a process that no longer runs). Anything else is left alone.
   */
  public void cleanUp() {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(out, TEMP_PREFIX + "*")) {
      for (Path t : temps) {
        if (Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS) && Mark.parse(readMarker(t)).filter(Mark::leftByADeadWriter).isPresent()) {
          deleteTree(t);
        } else {
          LOG.log(System.Logger.Level.DEBUG, "leaving {0}: not a leftover of a dead Insignia writer", t);
        }
      }
    } catch (IOException e) {
      throw new IssuingException(IssuingErrorCode.BATCH_IO, "cannot clean up " + out + ": " + e, e);
    }
  }

  @Override
  public boolean isDone(String credentialId) {
    return isComplete(folderOf(credentialId), credentialId);
  }

  private static boolean isComplete(Path folder, String credentialId) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    return Mark.parse(readMarker(folder)).filter(m -> m.state().equals(COMPLETE) && m.credentialId().equals(credentialId)).isPresent();
  }

  /**
   * @throws IssuingException {@code BATCH_OUTPUT_CONFLICT} when the learner's folder exists but is not
   *     a completed one (an empty or foreign folder, a link); it is left untouched
   */
  @Override
  public boolean write(Award award) {
    String id = award.credentialId();
    Path target = folderOf(id);
    if (alreadyThere(target, id)) {
      return false;
    }
    Path temp = out.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
    try {
      Files.createDirectory(temp);
      // first file: marks the folder as ours, so a later cleanUp may remove it if we die
      Files.writeString(temp.resolve(MARKER), Mark.line(WRITING, id), StandardCharsets.UTF_8);
      for (Map.Entry<String, byte[]> file : award.pack().files().entrySet()) {
        Files.write(temp.resolve(file.getKey()), file.getValue());
      }
      if (award.ob2Hosted().isPresent()) {
        com.fasterxml.jackson.databind.node.ObjectNode docs =
            io.github.insignia.openbadges.json.SafeJson.nodeFactory().objectNode();
        award.ob2Hosted().get().documents().forEach(docs::set);
        Files.writeString(temp.resolve(OB2_DOCUMENTS), io.github.insignia.openbadges.json.SafeJson.writePretty(docs),
            StandardCharsets.UTF_8);
      }
      // last: the completion marker, by an atomic rename inside the folder
      Path marker = temp.resolve(MARKER + ".new");
      Files.writeString(marker, Mark.line(COMPLETE, id), StandardCharsets.UTF_8);
      move(marker, temp.resolve(MARKER), StandardCopyOption.REPLACE_EXISTING);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(target.toString()); // never rename over anything
      }
      move(temp, target);
      return true;
    } catch (IOException e) {
      deleteQuietly(temp);
      if (alreadyThere(target, id)) {
        return false; // another worker or run finished the same learner first: keep theirs
      }
      throw new IssuingException(IssuingErrorCode.BATCH_IO, "cannot write " + target + ": " + e, e);
    }
  }

  /**
   * Whether the learner's folder is already complete; a folder (or link) there that is not is a
   * conflict, left untouched.
   */
  private static boolean alreadyThere(Path target, String credentialId) {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (isComplete(target, credentialId)) {
      return true;
    }
    throw new IssuingException(
        IssuingErrorCode.BATCH_OUTPUT_CONFLICT,
        target + " exists but holds no completed badge (no " + MARKER + " marker); it was left as is: move it away and rerun");
  }

  private static void move(Path from, Path to, StandardCopyOption... options) throws IOException {
    try {
      StandardCopyOption[] atomic = Stream.concat(Stream.of(options), Stream.of(StandardCopyOption.ATOMIC_MOVE)).toArray(StandardCopyOption[]::new);
      Files.move(from, to, atomic);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, options);
    }
  }

  /** The marker's text, when the folder holds a small regular marker file (never through a link). */
  private static Optional<String> readMarker(Path folder) {
    Path marker = folder.resolve(MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(marker, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes(MAX_MARKER_BYTES + 1);
      return bytes.length > MAX_MARKER_BYTES ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8).strip());
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      deleteTree(dir);
    } catch (IOException ignored) {
      // cleanUp() of a later run removes it once this process is gone
    }
  }

  /** Deletes a folder we made; links inside are removed, never followed. */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The marker: {@code <state> <pid> <process start ms> <host> <credential id>}. */
  private record Mark(String state, long pid, long started, String host, String credentialId) {
    static String line(String state, String credentialId) {
      return state + " " + ThisProcess.PID + " " + ThisProcess.STARTED + " " + ThisProcess.HOST + " " + credentialId + "\n";
    }

    static Optional<Mark> parse(Optional<String> text) {
      if (text.isEmpty()) {
        return Optional.empty();
      }
      String[] f = text.get().split(" ", 5);
      if (f.length < 5 || !(f[0].equals(WRITING) || f[0].equals(COMPLETE))) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Mark(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[4]));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** A temporary folder's mark written on this host by a process that has ended. */
    boolean leftByADeadWriter() {
      return ThisProcess.hasEnded(pid, started, host);
    }
  }
}
