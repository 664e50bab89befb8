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
