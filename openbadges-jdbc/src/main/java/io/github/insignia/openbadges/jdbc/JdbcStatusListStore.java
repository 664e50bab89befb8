package io.github.insignia.openbadges.jdbc;

import io.github.insignia.openbadges.jdbc.internal.Sql;
import io.github.insignia.openbadges.issuing.status.Revocation;
import io.github.insignia.openbadges.issuing.status.StatusAssignment;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusSlot;
import io.github.insignia.openbadges.issuing.status.StatusStoreException;
import io.github.insignia.openbadges.issuing.IssuingErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link StatusListStore} in a SQL database (H2 or PostgreSQL, tables created by {@link
 * InsigniaMigrations}), shared safely by any number of threads, processes and nodes.
 *
 * <p>Allocation is one transaction: the credential's existing slot is looked up; if it has none, the
 * single counter row is locked ({@code SELECT ... FOR UPDATE}), the credential is looked up again
 * (another node may have just given it one), the slot is computed from the counter, inserted and
 * the counter advanced; then commit. Every node therefore allocates in one order, and a unique
 * constraint on {@code (list_number, list_index)} refuses a duplicate slot whatever happens.
 * Serialization failures, deadlocks, lock timeouts and unique violations are retried a bounded
 * number of times ({@code STATUS_STORE_LOCKED} after that, with nothing handed out). A slot is committed
 * before {@code assign} returns. Revocations are single inserts under a unique constraint: the
 * first one wins and none is lost to a concurrent writer.
 *
 * <p>Failures follow the interface: a database failure is a {@link StatusStoreException} ({@code
 * STATUS_STORE_IO}, {@code STATUS_STORE_LOCKED}, {@code STATUS_STORE_CORRUPT}; its cause is the
 * {@link JdbcException} naming the {@code JDBC_*} code and SQL state), so a caller such as a batch
 * stops on it as on the file store's; a value too long for its column is an {@code
 * InvalidInputException} ({@code JDBC_VALUE_TOO_LONG}), a fault of that one call's input.
 *
 * <p>Thread-safe and stateless: every call borrows a connection from the data source (use a pool).
 */
public final class JdbcStatusListStore implements StatusListStore {
  static final int MAX_CREDENTIAL_ID = 2048;
  static final int MAX_RECIPIENT_KEY = 512;
  static final int MAX_REASON = 4000;

  private final DataSource dataSource;
  private final Clock clock;

  private JdbcStatusListStore(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A store over tables already created by {@link InsigniaMigrations#migrate(DataSource)}.
   *
   * @param dataSource the database (a pooled data source in production)
   * @return the store
   */
  public static JdbcStatusListStore of(DataSource dataSource) {
    return of(dataSource, Clock.systemUTC());
  }

  /**
   * A store over tables already created by {@link InsigniaMigrations#migrate(DataSource)}.
   *
   * @param dataSource the database
   * @param clock the time source for assignment times
   * @return the store
   */
  public static JdbcStatusListStore of(DataSource dataSource, Clock clock) {
    return new JdbcStatusListStore(dataSource, clock);
  }

  @Override
  public StatusAssignment assign(String credentialId, String recipientKey, int listCapacity) {
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(recipientKey, "recipientKey");
    if (listCapacity < 1) {
      throw new IllegalArgumentException("listCapacity must be at least 1");
    }
    Sql.bounded("credential id", credentialId, MAX_CREDENTIAL_ID);
    Sql.bounded("recipient key", recipientKey, MAX_RECIPIENT_KEY);
    Optional<StatusAssignment> existing = assignment(credentialId);
    if (existing.isPresent()) {
      return existing.get();
    }
    return transaction("status slot allocation", c -> {
      long list;
      int next;
      try (PreparedStatement lock = c.prepareStatement(
              "SELECT list_number, next_index FROM insignia_status_counter WHERE id = 1 FOR UPDATE");
          ResultSet rs = lock.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("the status counter row is missing (were the migrations run?)", "02000");
        }
        list = rs.getLong(1);
        next = rs.getInt(2);
      }
      // under the lock: another node may have assigned this credential since the first look
      Optional<StatusAssignment> raced = find(c, credentialId);
      if (raced.isPresent()) {
        return raced.get();
      }
      if (list < 0 || next >= listCapacity) {
        list++;
        next = 0;
      }
      StatusAssignment made =
          new StatusAssignment(credentialId, recipientKey, new StatusSlot(list, next), clock.instant());
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO insignia_status_assignment (credential_id, recipient_key, list_number, list_index, assigned_at)"
              + " VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, credentialId);
        insert.setString(2, recipientKey);
        insert.setLong(3, list);
        insert.setInt(4, next);
        insert.setString(5, made.assignedAt().toString());
        insert.executeUpdate();
      }
      try (PreparedStatement advance = c.prepareStatement(
          "UPDATE insignia_status_counter SET list_number = ?, next_index = ? WHERE id = 1")) {
        advance.setLong(1, list);
        advance.setInt(2, next + 1);
        advance.executeUpdate();
      }
      return made;
    });
  }

  @Override
  public Optional<StatusAssignment> assignment(String credentialId) {
    Objects.requireNonNull(credentialId, "credentialId");
    if (!Sql.fits(credentialId, MAX_CREDENTIAL_ID)) {
      return Optional.empty(); // never stored
    }
    return read("status slot lookup", c -> find(c, credentialId));
  }

  @Override
  public List<StatusAssignment> assignmentsOf(String recipientKey) {
    Objects.requireNonNull(recipientKey, "recipientKey");
    return read("status slots of a recipient", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT credential_id, recipient_key, list_number, list_index, assigned_at FROM insignia_status_assignment"
              + " WHERE recipient_key = ? ORDER BY list_number, list_index")) {
        ps.setString(1, recipientKey);
        try (ResultSet rs = ps.executeQuery()) {
          List<StatusAssignment> out = new ArrayList<>();
          while (rs.next()) {
            out.add(assignmentAt(rs));
          }
          return List.copyOf(out);
        }
      }
    });
  }

  @Override
  public boolean revoke(Revocation revocation) {
    Objects.requireNonNull(revocation, "revocation");
    Sql.bounded("credential id", revocation.credentialId(), MAX_CREDENTIAL_ID);
    Sql.bounded("revocation reason", revocation.reason(), MAX_REASON);
    // a concurrent first revocation turns the insert into a unique violation, which is retried:
    // the retry finds it and answers "already revoked"; the insert is committed before returning
    return transaction("revocation", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM insignia_revocation WHERE credential_id = ?")) {
        ps.setString(1, revocation.credentialId());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO insignia_revocation (credential_id, reason, revoked_at) VALUES (?, ?, ?)")) {
        ps.setString(1, revocation.credentialId());
        ps.setString(2, revocation.reason());
        ps.setString(3, revocation.revokedAt().toString());
        ps.executeUpdate();
      }
      return true;
    });
  }

  @Override
  public Optional<Revocation> revocation(String credentialId) {
    Objects.requireNonNull(credentialId, "credentialId");
    if (!Sql.fits(credentialId, MAX_CREDENTIAL_ID)) {
      return Optional.empty(); // never stored
    }
    return read("revocation lookup", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT credential_id, reason, revoked_at FROM insignia_revocation WHERE credential_id = ?")) {
        ps.setString(1, credentialId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(revocationAt(rs)) : Optional.<Revocation>empty();
        }
      }
    });
  }

  @Override
  public List<Revocation> revocations() {
    return read("revocations", c -> {
      try (PreparedStatement ps = c.prepareStatement(
              "SELECT credential_id, reason, revoked_at FROM insignia_revocation ORDER BY seq");
          ResultSet rs = ps.executeQuery()) {
        List<Revocation> out = new ArrayList<>();
        while (rs.next()) {
          out.add(revocationAt(rs));
        }
        return List.copyOf(out);
      }
    });
  }

  @Override
  public long listCount() {
    return read("status list count", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT list_number FROM insignia_status_counter WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) + 1 : 0L;
      }
    });
  }

  /**
   * Checks that this store can allocate: locks the counter row as {@link #assign} does, then rolls
   * back (a health check; nothing is changed).
   *
   * @throws StatusStoreException {@code STATUS_STORE_IO} when the database cannot be written or the
   *     lock cannot be had
   */
  public void checkWritable() {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement lock = c.prepareStatement(
              "SELECT list_number FROM insignia_status_counter WHERE id = 1 FOR UPDATE");
          ResultSet rs = lock.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("the status counter row is missing (were the migrations run?)", "02000");
        }
      } finally {
        c.rollback();
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw storeFailure(Sql.io("status store write check", e));
    }
  }

  private <T> T read(String what, Sql.Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw storeFailure(Sql.io(what, e));
    } catch (JdbcException e) {
      throw storeFailure(e); // a row that cannot be read back
    }
  }

  private <T> T transaction(String what, Sql.Work<T> work) {
    try {
      return Sql.transaction(dataSource, what, work);
    } catch (JdbcException e) {
      throw storeFailure(e);
    }
  }

  /**
   * The interface's exception for a database failure, so that every caller of a {@link
   * StatusListStore} (a batch stops on it) treats this store like the others: {@code JDBC_IO} is
   * {@code STATUS_STORE_IO}, {@code JDBC_CONFLICT} (retries exhausted against concurrent writers)
   * {@code STATUS_STORE_LOCKED}, {@code JDBC_DATA_CORRUPT} {@code STATUS_STORE_CORRUPT}; the
   * {@link JdbcException} with its own code and SQL state is the cause.
   */
  static StatusStoreException storeFailure(JdbcException e) {
    IssuingErrorCode code = switch ((JdbcErrorCode) e.errorCode()) {
      case JDBC_CONFLICT -> IssuingErrorCode.STATUS_STORE_LOCKED;
      case JDBC_DATA_CORRUPT -> IssuingErrorCode.STATUS_STORE_CORRUPT;
      default -> IssuingErrorCode.STATUS_STORE_IO;
    };
    return new StatusStoreException(code, e.getMessage() + " [" + e.errorCode() + "]", e);
  }

  private static Optional<StatusAssignment> find(Connection c, String credentialId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT credential_id, recipient_key, list_number, list_index, assigned_at FROM insignia_status_assignment"
            + " WHERE credential_id = ?")) {
      ps.setString(1, credentialId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(assignmentAt(rs)) : Optional.empty();
      }
    }
  }

  private static StatusAssignment assignmentAt(ResultSet rs) throws SQLException {
    return new StatusAssignment(rs.getString(1), rs.getString(2), new StatusSlot(rs.getLong(3), rs.getInt(4)),
        Sql.instant("assigned_at", rs.getString(5)));
  }

  private static Revocation revocationAt(ResultSet rs) throws SQLException {
    return new Revocation(rs.getString(1), rs.getString(2), Sql.instant("revoked_at", rs.getString(3)));
  }
}
