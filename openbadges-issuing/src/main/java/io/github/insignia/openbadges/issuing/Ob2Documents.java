package io.github.insignia.openbadges.issuing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The OB 2.0 documents of one award, by the URL where the host serves each: the assertion (for a
 * hosted badge), the BadgeClass, the issuer Profile and, for signed badges, the public key.
 *
 * @param assertionId the assertion's {@code id} (its URL when hosted, {@code urn:uuid:…} when signed)
 * @param assertion the assertion document
 * @param documents every document to serve, by URL (the assertion included when hosted)
 */
public record Ob2Documents(String assertionId, ObjectNode assertion, Map<String, ObjectNode> documents) {
  /** Copies the map, keeping its order. */
  public Ob2Documents {
    Objects.requireNonNull(assertionId, "assertionId");
    Objects.requireNonNull(assertion, "assertion");
    documents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(documents));
  }
}
