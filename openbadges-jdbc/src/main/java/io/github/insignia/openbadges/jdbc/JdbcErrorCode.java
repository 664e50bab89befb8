package io.github.insignia.openbadges.jdbc;

import io.github.insignia.openbadges.ErrorCode;

/** The stable codes of {@code openbadges-jdbc}; each has a row in {@code docs/error-codes.md}. */
public enum JdbcErrorCode implements ErrorCode {
  /** The database refused or failed a statement (connection lost, table missing, constraint, ...). */
  JDBC_IO,
  /**
   * A status slot could not be allocated because concurrent writers kept conflicting (serialization
   * failures, deadlocks, lock timeouts) through every bounded retry; no slot was handed out.
   * {@code JdbcStatusListStore} reports it as the cause of a {@code StatusStoreException} {@code
   * STATUS_STORE_LOCKED}, the {@code StatusListStore} contract.
   */
  JDBC_CONFLICT,
  /** A value is longer than its column allows (an id, URL, token or reason). */
  JDBC_VALUE_TOO_LONG,
  /** A stored row cannot be read back (a malformed time or URL written by something else). */
  JDBC_DATA_CORRUPT,
  /** The Flyway migrations of the Insignia tables failed. */
  JDBC_MIGRATION_FAILED
}
