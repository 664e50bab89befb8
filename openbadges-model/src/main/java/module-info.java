// Export every public API package; never an .internal one.
/**
 * The Open Badges data model (OB 2.0/2.1 and OB 3.0), JSON helpers and the pinned standard
 * documents. The API hands out Jackson trees, hence {@code requires transitive} on databind.
 */
module io.github.insignia.openbadges.model {
  requires transitive com.fasterxml.jackson.databind;

  exports io.github.insignia.openbadges;
  exports io.github.insignia.openbadges.documents;
  exports io.github.insignia.openbadges.json;
  exports io.github.insignia.openbadges.model;
  exports io.github.insignia.openbadges.model.ob2;
  exports io.github.insignia.openbadges.model.ob3;
  exports io.github.insignia.openbadges.model.status;
}
