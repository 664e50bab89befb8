/**
 * JSON-LD to RDF with pinned contexts in safe mode, and RDF Dataset Canonicalization (RDFC-1.0):
 * the canonical form that Data Integrity proofs ({@code eddsa-rdfc-2022}, {@code ecdsa-rdfc-2019})
 * hash and sign. Start with {@link io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer}.
 */
package io.github.insignia.openbadges.signing.rdf;
