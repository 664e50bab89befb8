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

  // equals and hashCode written out: a record's generated ones are bound through invokedynamic on
  // first use, a measurable part of the first canonicalization in a fresh JVM. Same semantics.
  @Override
  public boolean equals(Object o) {
    return o instanceof Quad q
        && java.util.Objects.equals(subject, q.subject)
        && java.util.Objects.equals(predicate, q.predicate)
        && java.util.Objects.equals(object, q.object)
        && java.util.Objects.equals(datatype, q.datatype)
        && java.util.Objects.equals(language, q.language)
        && java.util.Objects.equals(direction, q.direction)
        && java.util.Objects.equals(graph, q.graph);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(subject);
    h = 31 * h + java.util.Objects.hashCode(predicate);
    h = 31 * h + java.util.Objects.hashCode(object);
    h = 31 * h + java.util.Objects.hashCode(datatype);
    h = 31 * h + java.util.Objects.hashCode(language);
    h = 31 * h + java.util.Objects.hashCode(direction);
    return 31 * h + java.util.Objects.hashCode(graph);
  }
}
