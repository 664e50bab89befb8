package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Badges earned elsewhere that a learner imported ({@code portal_imported}). */
@Repository
class Imports {
  /** What the learner's last check of an imported badge said. */
  enum Status { VALID, EXPIRED, REVOKED, INVALID, UNCHECKED }

  /** A competence or standard the badge is aligned to. */
  record Alignment(String name, String url, String framework) {}

  /** What the portal keeps of a badge besides its file: read from the verified documents at import. */
  record Details(String fingerprint, String name, String issuerName, String issuerUrl, String version,
      String sourceUrl, String description, String criteria, String criteriaUrl, List<Alignment> alignments,
      Instant issuedOn, Instant expires) {}

  /** One imported badge as My badges and the details page show it. */
  record Imported(long id, String name, String issuerName, Instant importedAt, String issuerUrl, String version,
      String sourceUrl, String description, String criteria, String criteriaUrl, List<Alignment> alignments,
      Instant issuedOn, Instant expires, Status status, Instant checkedAt, boolean hasImage) {
    /** The status now: a badge whose expiry has passed since the last check is expired. */
    Status statusAt(Instant now) {
      return status == Status.VALID && expires != null && expires.isBefore(now) ? Status.EXPIRED : status;
    }

    /** This entry as of {@code now} (see {@link #statusAt}). */
    Imported at(Instant now) {
      return new Imported(id, name, issuerName, importedAt, issuerUrl, version, sourceUrl, description, criteria, criteriaUrl,
          alignments, issuedOn, expires, statusAt(now), checkedAt, hasImage);
    }
  }

  /** The stored image: its bytes and its media type (image/png or image/svg+xml, from the bytes). */
  record Image(byte[] bytes, String mediaType) {}

  private static final String COLUMNS = "id, name, issuer_name, imported_at, issuer_url, version, source_url, description, "
      + "criteria, criteria_url, alignments, issued_on, expires_at, status, checked_at, image IS NOT NULL";

  private final JdbcClient jdbc;

  Imports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Keeps a verified badge: a new entry, or the same entry refreshed when this account already
   * imported the badge (same fingerprint). Answers the entry's id.
   */
  long save(long accountId, Details d, byte[] payload, Image image) {
    Optional<Long> existing = idOf(accountId, d.fingerprint());
    if (existing.isPresent()) {
      update(existing.get(), d, payload, image);
      return existing.get();
    }
    try {
      jdbc.sql("INSERT INTO portal_imported (account_id, fingerprint, name, issuer_name, payload, imported_at, image, image_type, "
              + "version, source_url, issuer_url, description, criteria, criteria_url, alignments, issued_on, expires_at, status, checked_at) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(accountId, d.fingerprint(), cut(d.name(), 500), cut(d.issuerName(), 500), payload, now(), image.bytes(),
              image.mediaType(), d.version(), cut(d.sourceUrl(), 2000), cut(d.issuerUrl(), 2000), cut(d.description(), 20_000),
              cut(d.criteria(), 20_000), cut(d.criteriaUrl(), 2000), alignmentsJson(d.alignments()), at(d.issuedOn()),
              at(d.expires()), Status.VALID.name(), now())
          .update();
    } catch (DuplicateKeyException raced) {
      // the same badge imported twice at once: the other request made the entry; refresh it
      long id = idOf(accountId, d.fingerprint()).orElseThrow();
      update(id, d, payload, image);
      return id;
    }
    return idOf(accountId, d.fingerprint()).orElseThrow();
  }

  private void update(long id, Details d, byte[] payload, Image image) {
    jdbc.sql("UPDATE portal_imported SET name = ?, issuer_name = ?, payload = ?, image = ?, image_type = ?, version = ?, "
            + "source_url = ?, issuer_url = ?, description = ?, criteria = ?, criteria_url = ?, alignments = ?, issued_on = ?, "
            + "expires_at = ?, status = ?, checked_at = ? WHERE id = ?")
        .params(cut(d.name(), 500), cut(d.issuerName(), 500), payload, image.bytes(), image.mediaType(), d.version(),
            cut(d.sourceUrl(), 2000), cut(d.issuerUrl(), 2000), cut(d.description(), 20_000), cut(d.criteria(), 20_000),
            cut(d.criteriaUrl(), 2000), alignmentsJson(d.alignments()), at(d.issuedOn()), at(d.expires()), Status.VALID.name(),
            now(), id)
        .update();
  }

  private Optional<Long> idOf(long accountId, String fingerprint) {
    return jdbc.sql("SELECT id FROM portal_imported WHERE account_id = ? AND fingerprint = ?").params(accountId, fingerprint)
        .query(Long.class).optional();
  }

  List<Imported> of(long accountId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM portal_imported WHERE account_id = ? ORDER BY imported_at DESC, id DESC")
        .param(accountId).query((rs, n) -> row(rs)).list();
  }

  Optional<Imported> get(long accountId, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM portal_imported WHERE account_id = ? AND id = ?").params(accountId, id)
        .query((rs, n) -> row(rs)).optional();
  }

  Optional<byte[]> payload(long accountId, long id) {
    return jdbc.sql("SELECT payload FROM portal_imported WHERE account_id = ? AND id = ?").params(accountId, id)
        .query((rs, n) -> rs.getBytes(1)).optional();
  }

  Optional<Image> image(long accountId, long id) {
    return jdbc.sql("SELECT image, image_type FROM portal_imported WHERE account_id = ? AND id = ? AND image IS NOT NULL")
        .params(accountId, id).query((rs, n) -> new Image(rs.getBytes(1), rs.getString(2))).optional();
  }

  void status(long id, Status status) {
    jdbc.sql("UPDATE portal_imported SET status = ?, checked_at = ? WHERE id = ?").params(status.name(), now(), id).update();
  }

  boolean delete(long accountId, long id) {
    return jdbc.sql("DELETE FROM portal_imported WHERE account_id = ? AND id = ?").params(accountId, id).update() == 1;
  }

  private static Imported row(ResultSet rs) throws SQLException {
    String status = rs.getString(14);
    return new Imported(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), alignments(rs.getString(11)), instant(rs, 12),
        instant(rs, 13), status == null ? Status.UNCHECKED : Status.valueOf(status), instant(rs, 15), rs.getBoolean(16));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static String alignmentsJson(List<Alignment> list) {
    ArrayNode a = SafeJson.nodeFactory().arrayNode();
    for (Alignment al : list) {
      a.addObject().put("name", al.name()).put("url", al.url()).put("framework", al.framework());
    }
    return SafeJson.write(a);
  }

  private static List<Alignment> alignments(String json) {
    List<Alignment> out = new ArrayList<>();
    if (json != null) {
      for (JsonNode n : SafeJson.read(json)) {
        out.add(new Alignment(n.path("name").asText(null), n.path("url").asText(null), n.path("framework").asText(null)));
      }
    }
    return out;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private static OffsetDateTime at(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
