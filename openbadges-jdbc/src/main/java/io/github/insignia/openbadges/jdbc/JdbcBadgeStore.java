package io.github.insignia.openbadges.jdbc;

import io.github.insignia.openbadges.jdbc.internal.Sql;
import io.github.insignia.openbadges.web.BadgeStore;
import io.github.insignia.openbadges.web.HostedDocument;
import io.github.insignia.openbadges.web.PublishedBadge;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The web module's {@link BadgeStore} in a SQL database (tables of {@link InsigniaMigrations}): a
 * site serves the badges and hosted documents a host saved here, from any node. Besides the two
 * reads of the interface it writes: {@link #save} (a badge's files, replacing an earlier version in
 * one transaction), {@link #delete}, {@link #host} and {@link #unhost} (documents served by URL).
 * Thread-safe.
 */
public final class JdbcBadgeStore implements BadgeStore {
  /** The largest file or document stored, 64 MiB (a PDF certificate with embedded fonts is far less). */
  public static final int MAX_FILE_BYTES = 64 << 20;
  private static final int MAX_URL = 2048;
  private static final int MAX_RECIPIENT_KEY = 512;
  private static final int MAX_FILE_NAME = 64;
  private static final int MAX_CONTENT_TYPE = 255;

  private final DataSource dataSource;
  private final Clock clock;

  private JdbcBadgeStore(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param dataSource the database, migrated by {@link InsigniaMigrations#migrate(DataSource)}
   * @return the store
   */
  public static JdbcBadgeStore of(DataSource dataSource) {
    return new JdbcBadgeStore(dataSource, Clock.systemUTC());
  }

  @Override
  public Optional<PublishedBadge> badge(String id) {
    Objects.requireNonNull(id, "id");
    if (!PublishedBadge.ID.matcher(id).matches()) {
      return Optional.empty(); // never stored: save() takes only valid ids
    }
    return Sql.transaction(dataSource, "badge lookup", c -> {
      try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM insignia_badge WHERE id = ?")) {
        exists.setString(1, id);
        try (ResultSet rs = exists.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
        }
      }
      Map<String, byte[]> files = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT name, content FROM insignia_badge_file WHERE badge_id = ? ORDER BY name")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            files.put(rs.getString(1), rs.getBytes(2));
          }
        }
      }
      return Optional.of(PublishedBadge.of(id, files));
    });
  }

  @Override
  public Map<URI, HostedDocument> hostedDocuments() {
    return Sql.transaction(dataSource, "hosted documents", c -> {
      Map<URI, HostedDocument> out = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
              "SELECT url, status, content_type, body FROM insignia_hosted_document ORDER BY url");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(uri(rs.getString(1)), new HostedDocument(rs.getInt(2), rs.getString(3), rs.getBytes(4)));
        }
      }
      return Collections.unmodifiableMap(out);
    });
  }

  /**
   * Saves a badge's files, replacing every file of an earlier badge with that id.
   *
   * @param badge the badge (its files by the names {@code issue-batch} writes)
   * @param recipientKey an opaque key of its recipient for {@link #idsOf} (never an email address in
   *     the clear: use the status store's hashed key), or {@code null}
   * @throws io.github.insignia.openbadges.InvalidInputException {@code JDBC_VALUE_TOO_LONG} for a file
   *     over {@link #MAX_FILE_BYTES} or a name or key over its column
   */
  public void save(PublishedBadge badge, String recipientKey) {
    Objects.requireNonNull(badge, "badge");
    Sql.bounded("recipient key", recipientKey, MAX_RECIPIENT_KEY);
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : badge.fileNames()) {
      Sql.bounded("file name", name, MAX_FILE_NAME);
      byte[] content = badge.file(name).orElseThrow();
      bytesBounded(name, content);
      files.put(name, content);
    }
    String now = clock.instant().toString();
    Sql.transaction(dataSource, "badge save", c -> {
      // update the badge row first (it locks it: concurrent saves of one badge queue up), else insert
      // it (a concurrent first insert is a unique violation, retried as an update); then its files
      int updated;
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE insignia_badge SET recipient_key = ?, stored_at = ? WHERE id = ?")) {
        setNullable(ps, 1, recipientKey);
        ps.setString(2, now);
        ps.setString(3, badge.id());
        updated = ps.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO insignia_badge (id, recipient_key, stored_at) VALUES (?, ?, ?)")) {
          ps.setString(1, badge.id());
          setNullable(ps, 2, recipientKey);
          ps.setString(3, now);
          ps.executeUpdate();
        }
      } else {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM insignia_badge_file WHERE badge_id = ?")) {
          ps.setString(1, badge.id());
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO insignia_badge_file (badge_id, name, content) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          ps.setString(1, badge.id());
          ps.setString(2, file.getKey());
          ps.setBytes(3, file.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /**
   * Deletes a badge and its files.
   *
   * @param id the badge id
   * @return whether there was such a badge
   */
  public boolean delete(String id) {
    Objects.requireNonNull(id, "id");
    if (!PublishedBadge.ID.matcher(id).matches()) {
      return false;
    }
    return Sql.transaction(dataSource, "badge delete", c -> deleteBadge(c, id));
  }

  /**
   * The ids of the badges saved with this recipient key, oldest first.
   *
   * @param recipientKey the key given to {@link #save}
   * @return the ids
   */
  public List<String> idsOf(String recipientKey) {
    Objects.requireNonNull(recipientKey, "recipientKey");
    if (!Sql.fits(recipientKey, MAX_RECIPIENT_KEY)) {
      return List.of();
    }
    return Sql.transaction(dataSource, "badges of a recipient", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM insignia_badge WHERE recipient_key = ? ORDER BY stored_at, id")) {
        ps.setString(1, recipientKey);
        try (ResultSet rs = ps.executeQuery()) {
          List<String> ids = new ArrayList<>();
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
          return List.copyOf(ids);
        }
      }
    });
  }

  /**
   * Hosts a document at a URL (an issuer profile, JWKS, DID document, OB 2.0 hosted document),
   * replacing what was there.
   *
   * @param url the absolute URL it answers at
   * @param document the status, content type and body
   */
  public void host(URI url, HostedDocument document) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(document, "document");
    String key = Sql.bounded("document URL", url.toString(), MAX_URL);
    Sql.bounded("content type", document.contentType(), MAX_CONTENT_TYPE);
    byte[] body = document.body();
    bytesBounded(key, body);
    Sql.transaction(dataSource, "hosted document save", c -> {
      // update, else insert (as save)
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE insignia_hosted_document SET status = ?, content_type = ?, body = ? WHERE url = ?")) {
        ps.setInt(1, document.status());
        ps.setString(2, document.contentType());
        ps.setBytes(3, body);
        ps.setString(4, key);
        if (ps.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO insignia_hosted_document (url, status, content_type, body) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, key);
        ps.setInt(2, document.status());
        ps.setString(3, document.contentType());
        ps.setBytes(4, body);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Stops hosting a document.
   *
   * @param url its URL
   * @return whether one was hosted there
   */
  public boolean unhost(URI url) {
    Objects.requireNonNull(url, "url");
    String key = url.toString();
    if (!Sql.fits(key, MAX_URL)) {
      return false;
    }
    return Sql.transaction(dataSource, "hosted document delete", c -> unhost(c, key));
  }

  private static boolean unhost(Connection c, String url) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM insignia_hosted_document WHERE url = ?")) {
      ps.setString(1, url);
      return ps.executeUpdate() > 0;
    }
  }

  private static boolean deleteBadge(Connection c, String id) throws SQLException {
    try (PreparedStatement files = c.prepareStatement("DELETE FROM insignia_badge_file WHERE badge_id = ?")) {
      files.setString(1, id);
      files.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM insignia_badge WHERE id = ?")) {
      ps.setString(1, id);
      return ps.executeUpdate() > 0;
    }
  }

  private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  private static void bytesBounded(String what, byte[] content) {
    if (content.length > MAX_FILE_BYTES) {
      throw new io.github.insignia.openbadges.InvalidInputException(JdbcErrorCode.JDBC_VALUE_TOO_LONG,
          "a stored file is larger than " + MAX_FILE_BYTES + " bytes");
    }
  }

  private static URI uri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new JdbcException(JdbcErrorCode.JDBC_DATA_CORRUPT, "a hosted document's URL is not a URL", e);
    }
  }
}
