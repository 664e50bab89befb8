package io.github.insignia.openbadges.signing.rdf;

import java.util.Map;
import java.util.Objects;

/**
 * A canonical dataset with the identifiers RDFC-1.0 issued.
 *
 * @param nquads the canonical N-Quads, each line ending in {@code \n}
 * @param issuedIdentifiers input blank node label → canonical label, both without {@code _:}
 *     (for example {@code e0 → c14n0}), in issue order
 */
public record CanonicalDataset(String nquads, Map<String, String> issuedIdentifiers) {
  /** Validates and copies. */
  public CanonicalDataset {
    Objects.requireNonNull(nquads, "nquads");
    issuedIdentifiers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(issuedIdentifiers));
  }
}
