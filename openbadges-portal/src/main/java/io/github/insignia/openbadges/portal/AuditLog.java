package io.github.insignia.openbadges.portal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log: issuance, revocation, import and deletion, with ids only (never an address or a name). */
@Repository
class AuditLog {
  /** What happened. */
  enum Action { ISSUANCE, AWARD_REFUSED, REVOCATION, IMPORT, IMPORT_REFUSED, IMPORT_DELETED, DELETION, SIGN_UP, PASSWORD_RESET, EXPORT }

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void record(Action action, Long accountId, String subject, String detail) {
    jdbc.sql("INSERT INTO portal_audit (at, action, account_id, subject, detail) VALUES (?, ?, ?, ?, ?)")
        .params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), action.name(), accountId,
            cut(subject, 200), cut(detail, 500))
        .update();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
