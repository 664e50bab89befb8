// Export every public API package; never an .internal one.
/** Issuing: awarding, batches, claims, status lists and hosting of issued badges. */
module io.github.insignia.openbadges.issuing {
  requires transitive io.github.insignia.openbadges.model;
  requires transitive io.github.insignia.openbadges.signing;
  requires transitive io.github.insignia.openbadges.baking;
  requires transitive io.github.insignia.openbadges.export;

  exports io.github.insignia.openbadges.issuing;
  exports io.github.insignia.openbadges.issuing.batch;
  exports io.github.insignia.openbadges.issuing.claim;
  exports io.github.insignia.openbadges.issuing.http;
  exports io.github.insignia.openbadges.issuing.status;
}
