-- Export to a backpack: the backpacks each account connected (by the API base the portal discovered).
-- The OAuth tokens themselves are in the backpack token store (openbadges-jdbc's tables, through the
-- TokenStore interface); these rows say which of them to forget when the account is deleted, and
-- go with the account (ON DELETE CASCADE).
CREATE TABLE portal_backpack (
  account_id BIGINT NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
  service VARCHAR(1024) NOT NULL,
  api_version VARCHAR(8) NOT NULL,
  last_export_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (account_id, service)
);

-- Export to a wallet: which account and badge each wallet grant belongs to (the SHA-256 of a
-- pre-authorized code, of the access token it was exchanged for, or of a VC-API exchange id), so
-- that a grant whose badge was revoked meanwhile is refused, and each copy a wallet received is
-- recorded against the account (and revoked when the account is deleted).
CREATE TABLE portal_wallet_grant (
  grant_hash VARCHAR(64) PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
  badge_id VARCHAR(64) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The copies wallets received (each issued to the wallet's DID, with its own status list entry).
CREATE TABLE portal_wallet_copy (
  credential_id VARCHAR(200) PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
  badge_id VARCHAR(64) NOT NULL,
  issued_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX portal_wallet_copy_account ON portal_wallet_copy (account_id);
