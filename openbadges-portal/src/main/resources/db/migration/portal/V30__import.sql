-- Imported badges as the learner sees them: the image stored at import (the verifier's copy, a PNG
-- or SVG), what the details page shows, the status of the last check, and a fingerprint of the
-- badge (issuer and badge id) so the same badge imported twice stays one entry.
ALTER TABLE portal_imported ADD COLUMN fingerprint VARCHAR(64);
ALTER TABLE portal_imported ADD COLUMN image BYTEA;
ALTER TABLE portal_imported ADD COLUMN image_type VARCHAR(32);
ALTER TABLE portal_imported ADD COLUMN version VARCHAR(8);
ALTER TABLE portal_imported ADD COLUMN source_url VARCHAR(2000);
ALTER TABLE portal_imported ADD COLUMN issuer_url VARCHAR(2000);
ALTER TABLE portal_imported ADD COLUMN description TEXT;
ALTER TABLE portal_imported ADD COLUMN criteria TEXT;
ALTER TABLE portal_imported ADD COLUMN criteria_url VARCHAR(2000);
ALTER TABLE portal_imported ADD COLUMN alignments TEXT;
ALTER TABLE portal_imported ADD COLUMN issued_on TIMESTAMP WITH TIME ZONE;
ALTER TABLE portal_imported ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE portal_imported ADD COLUMN status VARCHAR(16);
ALTER TABLE portal_imported ADD COLUMN checked_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX portal_imported_fingerprint ON portal_imported (account_id, fingerprint);
