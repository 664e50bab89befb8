package io.github.insignia.openbadges.jdbc;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the stores are tested on: H2 in memory, H2 in a file, and a real PostgreSQL server
 * started once per JVM from Debian's binaries ({@code /usr/lib/postgresql/N/bin}) on a temporary
 * folder and a free loopback port (as the {@code postgres} user when the tests run as root, since
 * PostgreSQL refuses to run as root). Without those binaries the PostgreSQL cases are skipped with a
 * visible message ({@code apt-get install postgresql} provides them). Public, in the module's
 * test-jar, for the portal's tests.
 */
public final class TestDatabases {
  /** The user every PostgreSQL database made here belongs to (trust authentication, no password). */
  public static final String POSTGRES_USER = "insignia";
  /** The kinds of database the store tests run on. */
  public static final List<String> KINDS = List.of("h2-memory", "h2-file", "postgresql");
  private static final AtomicInteger NAMES = new AtomicInteger();

  private TestDatabases() {}

  /**
   * The JDBC URL of a new empty database on the test PostgreSQL server (user {@link
   * #POSTGRES_USER}), started on first use; a JUnit assumption failure (the test is skipped, with
   * the reason printed) where there are no PostgreSQL binaries.
   *
   * @return a {@code jdbc:postgresql://127.0.0.1:PORT/NAME} URL
   */
  public static String newPostgresqlDatabaseUrl() {
    return url(Postgres.INSTANCE.get().database("t" + NAMES.incrementAndGet()));
  }

  /** A new empty database of that kind, migrated. */
  static DataSource migrated(String kind, Path tempDir) {
    DataSource ds = fresh(kind, tempDir);
    InsigniaMigrations.migrate(ds);
    return ds;
  }

  /** A new empty database of that kind. */
  static DataSource fresh(String kind, Path tempDir) {
    String name = "t" + NAMES.incrementAndGet();
    switch (kind) {
      case "h2-memory":
        return pooled(h2("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"));
      case "h2-file":
        return pooled(h2("jdbc:h2:file:" + tempDir.resolve(name).toAbsolutePath() + ";LOCK_TIMEOUT=10000"));
      case "postgresql":
        return Postgres.INSTANCE.get().database(name);
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  /**
   * A small connection pool (H2's, which pools any driver's {@code ConnectionPoolDataSource}), as a
   * host would use: the stores borrow a connection per call, and opening one per call costs a
   * PostgreSQL backend fork or an H2 file open.
   */
  static DataSource pooled(javax.sql.ConnectionPoolDataSource source) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(32);
    return new Pooled(pool, source);
  }

  /** A pool that remembers what it pools (for {@link #url}). */
  record Pooled(JdbcConnectionPool pool, javax.sql.ConnectionPoolDataSource source) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return pool.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return pool.getConnection(user, password);
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
      return pool.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  static JdbcDataSource h2(String url) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    return ds;
  }

  /** The JDBC URL of a data source made here (for a child process). */
  static String url(Object ds) {
    if (ds instanceof Pooled p) {
      return url(p.source());
    }
    if (ds instanceof JdbcDataSource h2) {
      return h2.getURL();
    }
    return ((org.postgresql.ds.common.BaseDataSource) ds).getUrl();
  }

  /** A data source for a URL made by {@link #url}. */
  static DataSource forUrl(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return pooled(h2(url));
    }
    org.postgresql.ds.PGConnectionPoolDataSource ds = new org.postgresql.ds.PGConnectionPoolDataSource();
    ds.setUrl(url);
    ds.setUser(POSTGRES_USER);
    return pooled(ds);
  }

  /** A PostgreSQL server for the whole test JVM, or the reason there is none. */
  static final class Postgres {
    static final Postgres INSTANCE = new Postgres();
    private Server server;
    private String unavailable;

    synchronized Server get() {
      if (server == null && unavailable == null) {
        try {
          server = Server.start();
        } catch (Exception e) {
          unavailable = e.getMessage();
        }
        if (unavailable != null) {
          System.err.println("PostgreSQL tests skipped: " + unavailable);
        }
      }
      Assumptions.assumeTrue(server != null, () -> "PostgreSQL tests skipped: " + unavailable);
      return server;
    }
  }

  record Server(int port) {
    static Server start() throws IOException, InterruptedException {
      Path bin = binaries();
      Path dir = Files.createTempDirectory("insignia-pg");
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) {
        run(List.of("chown", "postgres:", dir.toString()), false);
      }
      Path data = dir.resolve("data");
      run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "insignia", "-A", "trust",
          "-E", "UTF8", "--locale=C", "--no-sync"), root);
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
          dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
              + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
          "start"), root);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
        } catch (Exception e) {
          // the JVM is ending; the folder is removed below either way
        }
        try (Stream<Path> all = Files.walk(dir)) {
          all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
          // best effort
        }
      }));
      return new Server(port);
    }

    DataSource database(String name) {
      try (Connection c = admin().getConnection(); Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + name);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return forUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + name);
    }

    private DataSource admin() {
      return forUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
    }

    private static Path binaries() throws IOException {
      Path root = Path.of("/usr/lib/postgresql");
      if (!Files.isDirectory(root)) {
        throw new IOException("no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)");
      }
      try (Stream<Path> versions = Files.list(root)) {
        return versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
            .max(Comparator.comparing(b -> {
              String v = b.getParent().getFileName().toString();
              return v.matches("\\d+") ? Integer.parseInt(v) : 0;
            }))
            .orElseThrow(() -> new IOException("no initdb/pg_ctl under /usr/lib/postgresql/*/bin"));
      }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
      List<String> full = new ArrayList<>();
      if (asPostgres) {
        full.addAll(List.of("runuser", "-u", "postgres", "--"));
      }
      full.addAll(command);
      Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + out);
      }
    }
  }
}
