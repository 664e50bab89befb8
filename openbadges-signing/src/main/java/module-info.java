// Export every public API package; never an .internal one.
/**
 * Keys, JWS / VC-JWT and Data Integrity proofs. Nimbus JOSE types appear in the JOSE adapters and
 * a Bouncy Castle {@code SubjectPublicKeyInfo} in {@code Keys}, hence {@code requires transitive}.
 * Titanium (JSON-LD, RDF canonicalisation) has no module descriptor: it is used as automatic
 * modules named from its jar files (see docs/jpms.md).
 */
module io.github.insignia.openbadges.signing {
  requires transitive io.github.insignia.openbadges.model;
  requires transitive com.nimbusds.jose.jwt;
  requires transitive org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires jakarta.json;
  requires titanium.json.ld;
  requires titanium.rdfc;
  requires titanium.rdf.api;
  requires titanium.rdf.n.quads;

  exports io.github.insignia.openbadges.signing;
  exports io.github.insignia.openbadges.signing.dataintegrity;
  exports io.github.insignia.openbadges.signing.jose;
  exports io.github.insignia.openbadges.signing.keys;
  exports io.github.insignia.openbadges.signing.rdf;
  exports io.github.insignia.openbadges.signing.resolve;
  exports io.github.insignia.openbadges.signing.verify;
}
