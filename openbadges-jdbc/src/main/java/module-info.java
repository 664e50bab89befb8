/**
 * JDBC storage for Insignia: the status list store, the web module's badge store, the backpack provider's store, the backpack
 * token store and the wallet issuer's store over one SQL database (H2 or PostgreSQL), with Flyway migrations. Flyway has no
 * module name in its manifest: it is the automatic module {@code flyway.core} named after its jar.
 */
@SuppressWarnings("requires-automatic")
module io.github.insignia.openbadges.jdbc {
  requires transitive io.github.insignia.openbadges.issuing;
  requires transitive io.github.insignia.openbadges.export;
  requires transitive io.github.insignia.openbadges.web;
  requires transitive java.sql;
  // only JdbcWalletStore needs it; a host using that store has the wallet module anyway
  requires static io.github.insignia.openbadges.wallet;
  requires flyway.core;

  exports io.github.insignia.openbadges.jdbc;
}
