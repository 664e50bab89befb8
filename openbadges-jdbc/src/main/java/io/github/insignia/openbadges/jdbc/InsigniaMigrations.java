package io.github.insignia.openbadges.jdbc;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades the Insignia tables with Flyway. The migrations live at {@value #LOCATION}
 * and keep their own history table, {@value #HISTORY_TABLE}, so they sit beside a host's own Flyway
 * migrations in the same schema without either seeing the other's. The SQL runs unchanged on H2 2.x
 * and PostgreSQL 12+.
 */
public final class InsigniaMigrations {
  /** Where the migration scripts are, as a Flyway location. */
  public static final String LOCATION = "classpath:db/migration/insignia";
  /** The Flyway history table of the Insignia migrations. */
  public static final String HISTORY_TABLE = "insignia_schema_history";

  private InsigniaMigrations() {}

  /**
   * Applies every pending migration. Safe to call from several nodes at once (Flyway locks its
   * history table) and on every start (nothing to do is a no-op). A schema that already holds a
   * host's tables is accepted: the history starts empty and version 1 is applied.
   *
   * @param dataSource the database
   * @return how many migrations were applied by this call
   * @throws JdbcException {@code JDBC_MIGRATION_FAILED} when Flyway fails
   */
  public static int migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    try {
      MigrateResult result = Flyway.configure(InsigniaMigrations.class.getClassLoader())
          .dataSource(dataSource)
          .locations(LOCATION)
          .table(HISTORY_TABLE)
          // a host schema with its own tables is not empty: start our history at 0 so V1 still runs
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new JdbcException(JdbcErrorCode.JDBC_MIGRATION_FAILED, "the Insignia migrations failed: " + e.getMessage(), e);
    }
  }
}
