-- The badge files (credential, JWT, PNG, SVG, links) moved to the Insignia badge store
-- (insignia_badge, insignia_badge_file of openbadges-jdbc), which the badge site serves from any
-- node; portal_claim keeps who received which course's badge.
ALTER TABLE portal_claim DROP COLUMN badge_json;
ALTER TABLE portal_claim DROP COLUMN badge_jwt;
ALTER TABLE portal_claim DROP COLUMN badge_png;
ALTER TABLE portal_claim DROP COLUMN badge_svg;
ALTER TABLE portal_claim DROP COLUMN links_json;
