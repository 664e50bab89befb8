// Export every public API package; never an .internal one.
/** Export and import of badges (backpacks, Open Badges API provider and client). */
module io.github.insignia.openbadges.export {
  requires transitive io.github.insignia.openbadges.model;
  requires transitive io.github.insignia.openbadges.signing;
  requires java.net.http;
  requires jdk.httpserver;

  exports io.github.insignia.openbadges.export;
  exports io.github.insignia.openbadges.export.backpack;
  exports io.github.insignia.openbadges.export.provider;

  // One HTML escaper for the export pages and the web module's pages: shared with our own module
  // only (a qualified export), never with hosts.
  exports io.github.insignia.openbadges.export.internal to io.github.insignia.openbadges.web;
}
