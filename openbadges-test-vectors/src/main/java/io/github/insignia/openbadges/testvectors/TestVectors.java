package io.github.insignia.openbadges.testvectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The published test vectors (specification examples, W3C and 1EdTech test suites, baked images)
 * that this module carries as resources, as files on disk.
 *
 * <p>Paths are relative to the vectors' root, the layout of {@code openbadges-test-vectors/vectors/}
 * in the repository: {@code TestVectors.path("ob3/ob-spec-examples/examples-01.json")}. When the
 * module is on the classpath as a folder (an IDE, {@code mvn test}) the files are read where they
 * are; when it is a jar ({@code mvn verify}) they are copied once per JVM into a temporary folder,
 * deleted at exit, so every caller gets a real {@link Path} it can list or hand to a command line.
 * Nothing here reads outside the module: the build needs nothing beside the repository.
 */
public final class TestVectors {
  /** Where the vectors sit on the classpath. */
  static final String RESOURCE_ROOT = "io/github/insignia/openbadges/testvectors";

  private TestVectors() {}

  /**
   * The folder holding every vector; {@code MANIFEST.json} is directly inside it.
   *
   * @return an existing folder on the default file system
   */
  public static Path root() {
    return Root.PATH;
  }

  /**
   * A vector file or folder.
   *
   * @param first the path relative to the root, or its first segment ({@code "ob3"} or {@code "ob3/ob-spec-examples"})
   * @param more further segments
   * @return the existing file or folder
   * @throws IllegalArgumentException if no such vector exists, or the path leaves the root
   */
  public static Path path(String first, String... more) {
    Path root = root();
    Path p = root.resolve(String.join("/", concat(first, more))).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("not a path inside the test vectors: " + p);
    }
    if (!Files.exists(p)) {
      throw new IllegalArgumentException("no such test vector: " + root.relativize(p)
          + " (vectors live in openbadges-test-vectors/vectors/; see docs/testing.md)");
    }
    return p;
  }

  /**
   * A vector's bytes.
   *
   * @param first the path relative to the root, or its first segment
   * @param more further segments
   * @return the file's bytes, exactly
   */
  public static byte[] bytes(String first, String... more) {
    try {
      return Files.readAllBytes(path(first, more));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A vector as UTF-8 text.
   *
   * @param first the path relative to the root, or its first segment
   * @param more further segments
   * @return the file's text
   */
  public static String text(String first, String... more) {
    return new String(bytes(first, more), StandardCharsets.UTF_8);
  }

  /**
   * The files of one vector folder whose names end with a suffix, in name order (the folder's
   * {@code NOTICE.md} is left out unless the suffix asks for it).
   *
   * @param folder the folder relative to the root, such as {@code "ob3/ob-spec-examples"}
   * @param suffix the end of the file names to keep, such as {@code ".json"}; empty for all
   * @return the matching regular files, sorted by name
   */
  public static List<Path> list(String folder, String suffix) {
    try (Stream<Path> files = Files.list(path(folder))) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> !suffix.isEmpty() || !p.getFileName().toString().equals("NOTICE.md"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] concat(String first, String... more) {
    String[] all = new String[more.length + 1];
    all[0] = first;
    System.arraycopy(more, 0, all, 1, more.length);
    return all;
  }

  /** Found (and, from a jar, copied out) on first use only. */
  private static final class Root {
    static final Path PATH = locate();

    private static Path locate() {
      URL manifest = TestVectors.class.getClassLoader().getResource(RESOURCE_ROOT + "/MANIFEST.json");
      if (manifest == null) {
        throw new IllegalStateException("the test vectors are not on the classpath: add the test-scoped "
            + "dependency io.github.insignia:openbadges-test-vectors");
      }
      try {
        if ("file".equals(manifest.getProtocol())) {
          return Path.of(manifest.toURI()).getParent().toAbsolutePath().normalize();
        }
        if ("jar".equals(manifest.getProtocol())) {
          Path jar = Path.of(((JarURLConnection) manifest.openConnection()).getJarFileURL().toURI());
          return extract(jar);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
      throw new IllegalStateException("cannot read test vectors from " + manifest);
    }

    private static Path extract(Path jar) throws IOException {
      Path target = Files.createTempDirectory("insignia-test-vectors").toRealPath();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target)));
      try (FileSystem fs = FileSystems.newFileSystem(jar, (ClassLoader) null);
           Stream<Path> entries = Files.walk(fs.getPath("/" + RESOURCE_ROOT))) {
        Path base = fs.getPath("/" + RESOURCE_ROOT);
        for (Path entry : (Iterable<Path>) entries::iterator) {
          Path out = target.resolve(base.relativize(entry).toString());
          if (Files.isDirectory(entry)) {
            Files.createDirectories(out);
          } else {
            Files.copy(entry, out);
          }
        }
      }
      return target;
    }

    private static void deleteTree(Path dir) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // Best effort at exit: a temporary folder left behind is harmless.
      }
    }
  }
}
