package io.github.insignia.openbadges.jdbc.internal;

import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.jdbc.JdbcErrorCode;
import io.github.insignia.openbadges.jdbc.JdbcException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/** Transactions with bounded retries, and the checks every store applies to what it writes. */
public final class Sql {
  /** How many times a transaction that conflicted with another writer is tried in all. */
  public static final int ATTEMPTS = 8;

  private Sql() {}

  /** Work done in one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * @param connection a connection with auto-commit off
     * @return the result
     * @throws SQLException on a database failure (the transaction is rolled back)
     */
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction, retrying (with a short random back-off) when the database
   * reports a conflict with a concurrent writer; any other failure is a {@link JdbcException}.
   */
  public static <T> T transaction(DataSource dataSource, String what, Work<T> work) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c, e);
          throw e;
        } finally {
          restoreQuietly(c, autoCommit);
        }
      } catch (SQLException e) {
        if (!retryable(e)) {
          throw io(what, e);
        }
        last = e;
        backOff(attempt);
      }
    }
    throw new JdbcException(JdbcErrorCode.JDBC_CONFLICT,
        what + ": still conflicting with concurrent writers after " + ATTEMPTS + " attempts ("
            + last.getSQLState() + "); nothing was changed", last);
  }

  /** A database failure as the module's exception; the message names the SQL state, not the data. */
  public static JdbcException io(String what, SQLException e) {
    return new JdbcException(JdbcErrorCode.JDBC_IO,
        what + " failed: SQL state " + e.getSQLState() + ": " + e.getMessage(), e);
  }

  /**
   * Whether a failure is a conflict another attempt may not meet: a serialization failure or deadlock
   * (class 40), a lock timeout (H2's HYT00, PostgreSQL's 55P03), or a unique violation (23505) that a
   * concurrent insert of the same key caused.
   */
  static boolean retryable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("40") || state.equals("HYT00") || state.equals("55P03") || state.equals("23505")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a failure is a unique-constraint violation (SQL state 23505 on H2 and PostgreSQL). */
  public static boolean uniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  /**
   * Refuses a value whose UTF-8 form is longer than {@code maxBytes}: checked before any statement,
   * so an oversized id is a typed error, never a driver-specific truncation or index failure.
   */
  public static String bounded(String field, String value, int maxBytes) {
    if (value != null && !fits(value, maxBytes)) {
      throw new InvalidInputException(JdbcErrorCode.JDBC_VALUE_TOO_LONG,
          field + " is longer than " + maxBytes + " bytes");
    }
    return value;
  }

  /** Whether the UTF-8 form of {@code value} is at most {@code maxBytes} long. */
  public static boolean fits(String value, int maxBytes) {
    return value.length() <= maxBytes / 3 || value.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
  }

  /** Reads an instant written by {@link Instant#toString()}. */
  public static Instant instant(String column, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new JdbcException(JdbcErrorCode.JDBC_DATA_CORRUPT, column + " holds no ISO-8601 instant", e);
    }
  }

  private static void backOff(int attempt) {
    long millis = ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JdbcException(JdbcErrorCode.JDBC_CONFLICT, "interrupted while waiting to retry", e);
    }
  }

  private static void rollbackQuietly(Connection c, Throwable failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void restoreQuietly(Connection c, boolean autoCommit) {
    try {
      c.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      // the connection is being closed (or returned to its pool) anyway
    }
  }
}
