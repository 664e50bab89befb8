package io.github.insignia.openbadges.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A member that is either an IRI (a string, typically a URL, {@code urn:uuid:} or DID) or an
 * embedded object; Open Badges allows both for {@code badge}, {@code issuer}, {@code image}, …
 *
 * @param <T> the type of the embedded object
 */
public final class Ref<T extends JsonBacked> {
  private final String iri;
  private final T embedded;

  private Ref(String iri, T embedded) {
    this.iri = iri;
    this.embedded = embedded;
  }

  /** A reference by IRI. */
  public static <T extends JsonBacked> Ref<T> iri(String iri) {
    return new Ref<>(Objects.requireNonNull(iri, "iri"), null);
  }

  /** An embedded object. */
  public static <T extends JsonBacked> Ref<T> embedded(T value) {
    return new Ref<>(null, Objects.requireNonNull(value, "value"));
  }

  /** Whether this is a bare IRI. */
  public boolean isIri() {
    return iri != null;
  }

  /** The IRI, when this is a bare IRI. */
  public Optional<String> iri() {
    return Optional.ofNullable(iri);
  }

  /** The object, when it is embedded. */
  public Optional<T> embedded() {
    return Optional.ofNullable(embedded);
  }

  /** The IRI, or the embedded object's {@code id}. */
  public Optional<String> id() {
    return iri != null ? Optional.of(iri) : embedded.id();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ref<?> other && Objects.equals(iri, other.iri) && Objects.equals(embedded, other.embedded);
  }

  @Override
  public int hashCode() {
    return Objects.hash(iri, embedded);
  }

  @Override
  public String toString() {
    return iri != null ? "Ref[" + iri + "]" : "Ref[" + embedded + "]";
  }
}
