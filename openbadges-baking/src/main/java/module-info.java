// Export every public API package; never an .internal one.
/** Baking and extracting badges in PNG and SVG images. */
module io.github.insignia.openbadges.baking {
  requires transitive io.github.insignia.openbadges.model;
  requires org.apache.commons.imaging;
  requires java.desktop;

  exports io.github.insignia.openbadges.baking;
}
