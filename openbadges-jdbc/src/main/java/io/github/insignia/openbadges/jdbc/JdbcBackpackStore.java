package io.github.insignia.openbadges.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.export.provider.ApiVersion;
import io.github.insignia.openbadges.export.provider.BackpackStore;
import io.github.insignia.openbadges.export.provider.InMemoryBackpackStore;
import io.github.insignia.openbadges.export.provider.StoredBadge;
import io.github.insignia.openbadges.export.provider.VerifiedIdentity;
import io.github.insignia.openbadges.jdbc.internal.Sql;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The backpack provider's {@link BackpackStore} in a SQL database (tables {@code
 * insignia_backpack_badge}, {@code insignia_backpack_profile} and {@code insignia_backpack_identity}
 * of {@link InsigniaMigrations}), so that several nodes of a platform acting as an OB 2.1 / OB 3.0
 * backpack share what users pushed to it. Its semantics are {@link InMemoryBackpackStore}'s: badges
 * are kept per user and per API, {@link #upsert} replaces a badge of the same key unless the stored
 * copy has the same content or a later {@code validFrom}, and {@link #list} returns the most recently
 * updated first (of equal {@code updatedAt}, the last upserted first).
 *
 * <p>{@link #upsert} locks the badge's row ({@code SELECT ... FOR UPDATE}) and decides in one
 * transaction; two first upserts of the same badge at once (any node): the loser's unique violation
 * is retried and then compares with the winner's row, so there is one row, never two.
 *
 * <p>Bounds, checked before any statement: a user id of at most {@value #MAX_USER_BYTES} UTF-8
 * bytes, a badge key, content or profile of at most {@value #MAX_TEXT_CHARS} characters (the JSON
 * parser's default document size), an identity value of at most {@value #MAX_IDENTITY_BYTES} bytes.
 * Beyond them a write is an {@link io.github.insignia.openbadges.InvalidInputException} {@link
 * JdbcErrorCode#JDBC_VALUE_TOO_LONG} and a read finds nothing (nothing that long was stored). The
 * {@link BackpackStore} interface has no exception of its own: a database failure is a {@link
 * JdbcException} ({@link JdbcErrorCode#JDBC_IO}, {@link JdbcErrorCode#JDBC_CONFLICT}), as {@link
 * JdbcTokenStore}'s; the provider answers it with a 500 without details. Thread-safe.
 */
public final class JdbcBackpackStore implements BackpackStore {
  /** The longest user id, in UTF-8 bytes (the column is {@code VARCHAR(512)}). */
  public static final int MAX_USER_BYTES = 512;
  /** The longest badge key, badge content or profile, in characters. */
  public static final int MAX_TEXT_CHARS = 16 * 1024 * 1024;
  /** The longest verified identity value, in UTF-8 bytes. */
  public static final int MAX_IDENTITY_BYTES = 2048;

  private final DataSource dataSource;

  private JdbcBackpackStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * @param dataSource the database, migrated by {@link InsigniaMigrations#migrate(DataSource)}
   * @return the store
   */
  public static JdbcBackpackStore of(DataSource dataSource) {
    return new JdbcBackpackStore(dataSource);
  }

  /**
   * Records an identity the host has verified for a user (as {@link
   * InMemoryBackpackStore#addVerifiedIdentity}; recording one twice lists it twice).
   *
   * @param userId the user
   * @param identity what the host verified
   */
  public void addVerifiedIdentity(String userId, VerifiedIdentity identity) {
    Objects.requireNonNull(identity, "identity");
    Sql.bounded("backpack user id", Objects.requireNonNull(userId, "userId"), MAX_USER_BYTES);
    Sql.bounded("verified identity", identity.value(), MAX_IDENTITY_BYTES);
    Sql.transaction(dataSource, "backpack identity add", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO insignia_backpack_identity (user_id, identity_type, identity_value) VALUES (?, ?, ?)")) {
        ps.setString(1, userId);
        ps.setString(2, identity.type());
        ps.setString(3, identity.value());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public List<VerifiedIdentity> verifiedIdentities(String userId) {
    if (!Sql.fits(Objects.requireNonNull(userId, "userId"), MAX_USER_BYTES)) {
      return List.of();
    }
    return Sql.transaction(dataSource, "backpack identity list", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT identity_type, identity_value FROM insignia_backpack_identity WHERE user_id = ? ORDER BY row_id")) {
        ps.setString(1, userId);
        List<VerifiedIdentity> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            try {
              out.add(new VerifiedIdentity(rs.getString(1), rs.getString(2)));
            } catch (OpenBadgesException e) {
              throw new JdbcException(JdbcErrorCode.JDBC_DATA_CORRUPT, "a stored verified identity is invalid", e);
            }
          }
        }
        return List.copyOf(out);
      }
    });
  }

  @Override
  public StoredBadge.Outcome upsert(String userId, StoredBadge badge) {
    Objects.requireNonNull(badge, "badge");
    Sql.bounded("backpack user id", Objects.requireNonNull(userId, "userId"), MAX_USER_BYTES);
    text("badge key", badge.key());
    text("badge content", badge.content());
    String hash = sha256(badge.key());
    return Sql.transaction(dataSource, "backpack badge upsert", c -> {
      String oldContent;
      String oldValidFrom;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT content, valid_from FROM insignia_backpack_badge WHERE user_id = ? AND api = ? AND key_hash = ?"
              + " FOR UPDATE")) {
        ps.setString(1, userId);
        ps.setString(2, badge.api().name());
        ps.setString(3, hash);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            // a concurrent first insert of the same badge makes this one a unique violation: retried
            insert(c, userId, hash, badge);
            return StoredBadge.Outcome.CREATED;
          }
          oldContent = rs.getString(1);
          oldValidFrom = rs.getString(2);
        }
      }
      Instant old = oldValidFrom == null ? null : Sql.instant("valid_from", oldValidFrom);
      boolean older = old != null && badge.validFrom() != null && badge.validFrom().isBefore(old);
      if (older || oldContent.equals(badge.content())) {
        return StoredBadge.Outcome.NOT_MODIFIED;
      }
      // delete and insert, not update: the new row_id makes it the last upserted
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM insignia_backpack_badge WHERE user_id = ? AND api = ? AND key_hash = ?")) {
        ps.setString(1, userId);
        ps.setString(2, badge.api().name());
        ps.setString(3, hash);
        ps.executeUpdate();
      }
      insert(c, userId, hash, badge);
      return StoredBadge.Outcome.REPLACED;
    });
  }

  private static void insert(Connection c, String userId, String hash, StoredBadge badge) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO insignia_backpack_badge (user_id, api, key_hash, badge_key, valid_from, signed, content, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, userId);
      ps.setString(2, badge.api().name());
      ps.setString(3, hash);
      ps.setString(4, badge.key());
      if (badge.validFrom() == null) {
        ps.setNull(5, Types.VARCHAR);
      } else {
        ps.setString(5, badge.validFrom().toString());
      }
      ps.setBoolean(6, badge.signed());
      ps.setString(7, badge.content());
      ps.setString(8, badge.updatedAt().toString());
      ps.executeUpdate();
    }
  }

  @Override
  public List<StoredBadge> list(String userId, ApiVersion api) {
    Objects.requireNonNull(api, "api");
    if (!Sql.fits(Objects.requireNonNull(userId, "userId"), MAX_USER_BYTES)) {
      return new ArrayList<>();
    }
    List<StoredBadge> all = Sql.transaction(dataSource, "backpack badge list", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT badge_key, valid_from, signed, content, updated_at FROM insignia_backpack_badge"
              + " WHERE user_id = ? AND api = ? ORDER BY row_id DESC")) {
        ps.setString(1, userId);
        ps.setString(2, api.name());
        List<StoredBadge> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String validFrom = rs.getString(2);
            out.add(new StoredBadge(api, rs.getString(1), validFrom == null ? null : Sql.instant("valid_from", validFrom),
                rs.getBoolean(3), rs.getString(4), Sql.instant("updated_at", rs.getString(5))));
          }
        }
        return out;
      }
    });
    // last upserted first, then a stable sort by updatedAt: the in-memory store's order exactly
    all.sort(Comparator.comparing(StoredBadge::updatedAt).reversed());
    return all;
  }

  @Override
  public Optional<JsonNode> profile(String userId, ApiVersion api) {
    Objects.requireNonNull(api, "api");
    if (!Sql.fits(Objects.requireNonNull(userId, "userId"), MAX_USER_BYTES)) {
      return Optional.empty();
    }
    Optional<String> text = Sql.transaction(dataSource, "backpack profile read", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT profile FROM insignia_backpack_profile WHERE user_id = ? AND api = ?")) {
        ps.setString(1, userId);
        ps.setString(2, api.name());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
    try {
      return text.map(SafeJson::read);
    } catch (OpenBadgesException e) {
      throw new JdbcException(JdbcErrorCode.JDBC_DATA_CORRUPT, "a stored backpack profile is not JSON", e);
    }
  }

  @Override
  public void putProfile(String userId, ApiVersion api, JsonNode profile) {
    Objects.requireNonNull(api, "api");
    Sql.bounded("backpack user id", Objects.requireNonNull(userId, "userId"), MAX_USER_BYTES);
    String json = text("backpack profile", SafeJson.write(Objects.requireNonNull(profile, "profile")));
    Sql.transaction(dataSource, "backpack profile save", c -> {
      // update first, insert when there was none; two first inserts at once: the loser's unique
      // violation is retried by Sql.transaction and then updates
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE insignia_backpack_profile SET profile = ? WHERE user_id = ? AND api = ?")) {
        ps.setString(1, json);
        ps.setString(2, userId);
        ps.setString(3, api.name());
        if (ps.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO insignia_backpack_profile (user_id, api, profile) VALUES (?, ?, ?)")) {
        ps.setString(1, userId);
        ps.setString(2, api.name());
        ps.setString(3, json);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Refuses a text longer than {@link #MAX_TEXT_CHARS} characters, before any statement. */
  private static String text(String field, String value) {
    if (value.length() > MAX_TEXT_CHARS) {
      throw new io.github.insignia.openbadges.InvalidInputException(JdbcErrorCode.JDBC_VALUE_TOO_LONG,
          field + " is longer than " + MAX_TEXT_CHARS + " characters");
    }
    return value;
  }

  private static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
