package io.github.insignia.openbadges.jdbc;

import io.github.insignia.openbadges.export.backpack.ClientRegistration;
import io.github.insignia.openbadges.export.backpack.TokenSet;
import io.github.insignia.openbadges.export.backpack.TokenStore;
import io.github.insignia.openbadges.jdbc.internal.Sql;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The backpack client's {@link TokenStore} in a SQL database (tables of {@link InsigniaMigrations}).
 * Saves are portable upserts (update, else insert, in one transaction; a concurrent first insert
 * is retried as an update). The secrets and tokens are stored as given: encrypt the column storage or
 * the database at rest, and restrict who may read these tables. Thread-safe.
 */
public final class JdbcTokenStore implements TokenStore {
  private static final int MAX_SERVICE = 1024;
  private static final int MAX_ACCOUNT = 512;
  private static final int MAX_TOKEN = 4096;
  private static final int MAX_URL = 2048;

  private final DataSource dataSource;

  private JdbcTokenStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * @param dataSource the database, migrated by {@link InsigniaMigrations#migrate(DataSource)}
   * @return the store
   */
  public static JdbcTokenStore of(DataSource dataSource) {
    return new JdbcTokenStore(dataSource);
  }

  @Override
  public Optional<ClientRegistration> loadClient(String service) {
    Objects.requireNonNull(service, "service");
    if (!Sql.fits(service, MAX_SERVICE)) {
      return Optional.empty();
    }
    return Sql.transaction(dataSource, "backpack client lookup", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT client_id, client_secret, secret_expires_at, scope, token_endpoint FROM insignia_backpack_client"
              + " WHERE service = ?")) {
        ps.setString(1, service);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          String endpoint = rs.getString(5);
          return Optional.of(new ClientRegistration(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
              endpoint == null ? null : uri(endpoint)));
        }
      }
    });
  }

  @Override
  public void saveClient(String service, ClientRegistration client) {
    Objects.requireNonNull(client, "client");
    Sql.bounded("backpack service", Objects.requireNonNull(service, "service"), MAX_SERVICE);
    Sql.bounded("client id", client.clientId(), MAX_TOKEN);
    Sql.bounded("client secret", client.clientSecret(), MAX_TOKEN);
    Sql.bounded("scope", client.scope(), MAX_TOKEN);
    String endpoint = client.tokenEndpoint().map(URI::toString).orElse(null);
    Sql.bounded("token endpoint", endpoint, MAX_URL);
    Sql.transaction(dataSource, "backpack client save", c -> {
      // update first (it locks an existing row, so concurrent saves queue up); insert when there was
      // none; two first inserts at once: the loser's unique violation is retried and updates
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE insignia_backpack_client SET client_id = ?, client_secret = ?, secret_expires_at = ?, scope = ?,"
              + " token_endpoint = ? WHERE service = ?")) {
        ps.setString(1, client.clientId());
        ps.setString(2, client.clientSecret());
        ps.setLong(3, client.secretExpiresAt());
        ps.setString(4, client.scope());
        setNullable(ps, 5, endpoint);
        ps.setString(6, service);
        if (ps.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO insignia_backpack_client (service, client_id, client_secret, secret_expires_at, scope,"
              + " token_endpoint) VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, service);
        ps.setString(2, client.clientId());
        ps.setString(3, client.clientSecret());
        ps.setLong(4, client.secretExpiresAt());
        ps.setString(5, client.scope());
        setNullable(ps, 6, endpoint);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<TokenSet> loadTokens(String service, String account) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(account, "account");
    if (!Sql.fits(service, MAX_SERVICE) || !Sql.fits(account, MAX_ACCOUNT)) {
      return Optional.empty();
    }
    return Sql.transaction(dataSource, "backpack token lookup", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT access_token, refresh_token, expires_at, scope FROM insignia_backpack_token"
              + " WHERE service = ? AND account = ?")) {
        ps.setString(1, service);
        ps.setString(2, account);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          String expires = rs.getString(3);
          return Optional.of(new TokenSet(rs.getString(1), rs.getString(2),
              expires == null ? null : Sql.instant("expires_at", expires), rs.getString(4)));
        }
      }
    });
  }

  @Override
  public void saveTokens(String service, String account, TokenSet tokens) {
    Objects.requireNonNull(tokens, "tokens");
    Sql.bounded("backpack service", Objects.requireNonNull(service, "service"), MAX_SERVICE);
    Sql.bounded("account", Objects.requireNonNull(account, "account"), MAX_ACCOUNT);
    Sql.bounded("access token", tokens.accessToken(), MAX_TOKEN);
    Sql.bounded("refresh token", tokens.refreshToken(), MAX_TOKEN);
    Sql.bounded("scope", tokens.scope(), MAX_TOKEN);
    String expires = tokens.expiresAt() == null ? null : tokens.expiresAt().toString();
    Sql.transaction(dataSource, "backpack token save", c -> {
      // update first, insert when there was none (as saveClient)
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE insignia_backpack_token SET access_token = ?, refresh_token = ?, expires_at = ?, scope = ?"
              + " WHERE service = ? AND account = ?")) {
        ps.setString(1, tokens.accessToken());
        setNullable(ps, 2, tokens.refreshToken());
        setNullable(ps, 3, expires);
        ps.setString(4, tokens.scope());
        ps.setString(5, service);
        ps.setString(6, account);
        if (ps.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO insignia_backpack_token (service, account, access_token, refresh_token, expires_at, scope)"
              + " VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, service);
        ps.setString(2, account);
        ps.setString(3, tokens.accessToken());
        setNullable(ps, 4, tokens.refreshToken());
        setNullable(ps, 5, expires);
        ps.setString(6, tokens.scope());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void deleteTokens(String service, String account) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(account, "account");
    if (!Sql.fits(service, MAX_SERVICE) || !Sql.fits(account, MAX_ACCOUNT)) {
      return; // never stored
    }
    Sql.transaction(dataSource, "backpack token delete", c -> {
      deleteTokens(c, service, account);
      return null;
    });
  }

  private static void deleteTokens(Connection c, String service, String account) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM insignia_backpack_token WHERE service = ? AND account = ?")) {
      ps.setString(1, service);
      ps.setString(2, account);
      ps.executeUpdate();
    }
  }

  private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  private static URI uri(String text) {
    try {
      return new URI(text);
    } catch (java.net.URISyntaxException e) {
      throw new JdbcException(JdbcErrorCode.JDBC_DATA_CORRUPT, "a stored token endpoint is not a URL", e);
    }
  }
}
