-- Export to an OB 2.1 (Badge Connect) backpack: the OB 2.0 hosted twin of an award (same recipient,
-- achievement, dates and expiry), made at its first OB 2.1 export and served at its URLs under
-- /ob2/. The assertion's row names the credential it twins (its revocation is the credential's);
-- the issuer and BadgeClass rows are shared by the awards (credential_id NULL).
CREATE TABLE portal_ob2_document (
  url VARCHAR(1024) PRIMARY KEY,
  badge_id VARCHAR(64),
  credential_id VARCHAR(200),
  body TEXT NOT NULL
);
CREATE INDEX portal_ob2_document_badge ON portal_ob2_document (badge_id);
