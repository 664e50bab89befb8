package io.github.insignia.openbadges.signing.rdf.internal;

/**
 * One RDF quad as Titanium's {@code RdfQuadConsumer} reports it: IRIs and blank nodes ({@code _:x})
 * as text; a literal object has a non-null {@code datatype}; {@code graph} is null for the default
 * graph.
 */
public record Quad(
    String subject,
    String predicate,
    String object,
    String datatype,
    String language,
    String direction,
    String graph) {

  /** Whether the object is a literal. */
  public boolean literal() {
    return datatype != null;
  }
}
