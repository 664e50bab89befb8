// Export every public API package; never an .internal one.
/**
 * Verification of OB 2.0 and OB 3.0 badges. {@code java.net.http} and {@code javax.net.ssl} types
 * appear in the fetch API. networknt's SLF4J logging goes to java.util.logging through the
 * {@code org.slf4j.jul} provider, found by SLF4J's service loader and deliberately not required
 * here, so that a host may exclude it in favour of its own SLF4J provider.
 */
module io.github.insignia.openbadges.validation {
  requires transitive io.github.insignia.openbadges.model;
  requires transitive io.github.insignia.openbadges.signing;
  requires transitive io.github.insignia.openbadges.baking;
  requires transitive java.net.http;
  requires com.networknt.schema;

  exports io.github.insignia.openbadges.validation;
  exports io.github.insignia.openbadges.validation.fetch;
}
