package io.github.insignia.openbadges.spring;

import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh issuer key in a file, and H2 databases, for the starter's tests. */
final class TestKeys {
  private TestKeys() {}

  /** Writes a new Ed25519 private JWK to {@code dir/issuer.jwk}. */
  static Path keyFile(Path dir) {
    try {
      Path file = dir.resolve("issuer.jwk");
      Files.writeString(file, SigningKey.generate(KeyType.ED25519).toPrivateJwk().toString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new in-memory H2 database. */
  static DataSource h2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    ds.setUser("sa");
    return ds;
  }
}
