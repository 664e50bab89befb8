package io.github.insignia.openbadges.portal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Badges earned elsewhere that a learner imported ({@code portal_imported}). */
@Repository
class Imports {
  /** One imported badge. */
  record Imported(long id, String name, String issuerName, Instant importedAt) {}

  private final JdbcClient jdbc;

  Imports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(long accountId, String name, String issuerName, byte[] payload) {
    jdbc.sql("INSERT INTO portal_imported (account_id, name, issuer_name, payload, imported_at) VALUES (?, ?, ?, ?, ?)")
        .params(accountId, cut(name), issuerName == null ? null : cut(issuerName), payload, OffsetDateTime.now(ZoneOffset.UTC))
        .update();
  }

  List<Imported> of(long accountId) {
    return jdbc.sql("SELECT id, name, issuer_name, imported_at FROM portal_imported WHERE account_id = ? ORDER BY imported_at DESC, id DESC")
        .param(accountId)
        .query((rs, n) -> new Imported(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
        .list();
  }

  Optional<byte[]> payload(long accountId, long id) {
    return jdbc.sql("SELECT payload FROM portal_imported WHERE account_id = ? AND id = ?").params(accountId, id)
        .query((rs, n) -> rs.getBytes(1)).optional();
  }

  boolean delete(long accountId, long id) {
    return jdbc.sql("DELETE FROM portal_imported WHERE account_id = ? AND id = ?").params(accountId, id).update() == 1;
  }

  private static String cut(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500);
  }
}
