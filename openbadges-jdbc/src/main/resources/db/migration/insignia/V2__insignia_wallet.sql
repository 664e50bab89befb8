-- Insignia storage, version 2: the wallet issuer's short-lived state (offers, pre-authorized codes,
-- access tokens, nonces, exchanges) for JdbcWalletStore. Portable SQL: H2 2.x and PostgreSQL 12+.
-- Expiry is epoch milliseconds, so "live" is a numeric comparison the index serves.
CREATE TABLE insignia_wallet_entry (
  kind VARCHAR(32) NOT NULL,
  entry_key VARCHAR(128) NOT NULL,
  -- WalletStore.MAX_VALUE_CHARS characters (also H2's largest VARCHAR)
  entry_value VARCHAR(1048576) NOT NULL,
  expires_at_ms BIGINT NOT NULL,
  CONSTRAINT insignia_wallet_entry_pk PRIMARY KEY (kind, entry_key)
);
CREATE INDEX insignia_wallet_entry_expiry ON insignia_wallet_entry (expires_at_ms);
