package io.github.insignia.openbadges.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.github.insignia.openbadges.jdbc.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One portal per test class on a free loopback port, with its own data folder and database. */
final class PortalTestSupport {
  static final String API_KEY = "test-api-key-0123456789";

  private PortalTestSupport() {}

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("portal-test");
      // removed when the test JVM ends (the Spring context, which writes there, is closed before)
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Which database the portal tests use: {@code -Dinsignia.portal.test.db=postgresql}, else H2 in memory. */
  static boolean onPostgresql() {
    return "postgresql".equals(System.getProperty("insignia.portal.test.db"));
  }

  /**
   * A new empty database for one portal: on PostgreSQL (the server {@link TestDatabases} starts;
   * skipped with the reason where there is none: call it from {@code @BeforeAll}, before the Spring
   * context loads) or H2 in memory.
   */
  static String newDatabaseUrl(String name) {
    return onPostgresql() ? TestDatabases.newPostgresqlDatabaseUrl()
        : "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
  }

  static void register(DynamicPropertyRegistry r, int port, Path data, int captchaBits) {
    register(r, port, data, captchaBits, "jdbc:h2:mem:portal-" + port + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
  }

  static void register(DynamicPropertyRegistry r, int port, Path data, int captchaBits, String databaseUrl) {
    r.add("server.port", () -> port);
    r.add("insignia.portal.base-url", () -> "http://localhost:" + port);
    r.add("insignia.portal.data-dir", data::toString);
    r.add("insignia.portal.api-key", () -> API_KEY);
    r.add("insignia.portal.captcha-bits", () -> captchaBits);
    r.add("spring.datasource.url", () -> databaseUrl);
    // two courses with claim requisites beside the sample one
    r.add("insignia.portal.courses.graded.name", () -> "Graded course");
    r.add("insignia.portal.courses.graded.min-score", () -> "50.5");
    r.add("insignia.portal.courses.graded.requires-completion-date", () -> "true");
    r.add("insignia.portal.courses.graded.available-from", () -> "2026-01-01");
    r.add("insignia.portal.courses.closed.name", () -> "Closed course");
    r.add("insignia.portal.courses.closed.enabled", () -> "false");
    if (databaseUrl.startsWith("jdbc:postgresql:")) {
      r.add("spring.datasource.username", () -> TestDatabases.POSTGRES_USER);
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: a temporary folder left behind is harmless
    }
  }

  /** The newest mail written to the folder for this address. */
  static String lastMailTo(Path data, String to) {
    Path folder = data.resolve("mail");
    try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
      List<Path> mails = files.sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
      for (Path m : mails) {
        String s = Files.readString(m, StandardCharsets.UTF_8);
        if (s.contains("\r\nTo: " + to + "\r\n")) {
          return s;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long mailCount(Path data) {
    try (Stream<Path> files = Files.exists(data.resolve("mail")) ? Files.list(data.resolve("mail")) : Stream.empty()) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first link in a mail that starts with this prefix. */
  static String link(String mail, String prefix) {
    Matcher m = Pattern.compile(Pattern.quote(prefix) + "[^\\s]*").matcher(mail);
    return m.find() ? m.group() : null;
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
