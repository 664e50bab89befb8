package io.github.insignia.openbadges.validation.internal;

import io.github.insignia.openbadges.BoundedCache;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.insignia.openbadges.documents.PinnedDocument;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON Schema validation against the pinned 1EdTech schemas (networknt, draft 2019-09). Schemas
 * come only from {@link PinnedDocuments}, never the network, and each is compiled once per JVM.
 */
public final class Schemas {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2019_09,
      b -> b.schemas(iri -> PinnedDocuments.find(iri)
              .filter(d -> d.kind() == PinnedDocument.Kind.SCHEMA)
              .map(PinnedDocument::text)
              .orElse(null))
          .schemaLoader(l -> l.fetchRemoteResources(false)));
  /** Bounded by the pinned schemas (only those are compiled); cleared by BoundedCache.clearAll. */
  private static final BoundedCache<String, Schema> COMPILED = new BoundedCache<>(64);

  private Schemas() {}

  /** One problem: where in the instance (a JSON pointer) and what. */
  public record Problem(String pointer, String message) {}

  /** Whether a schema with this URL is pinned. */
  public static boolean isPinned(String url) {
    return PinnedDocuments.find(url).filter(d -> d.kind() == PinnedDocument.Kind.SCHEMA).isPresent();
  }

  /** Validates; empty when the schema is not pinned. */
  public static Optional<List<Problem>> validate(String schemaUrl, JsonNode instance) {
    if (!isPinned(schemaUrl)) {
      return Optional.empty();
    }
    Schema schema = COMPILED.get(schemaUrl, u -> {
      Schema s = REGISTRY.getSchema(SchemaLocation.of(u));
      s.initializeValidators();
      return s;
    });
    List<Problem> problems = new ArrayList<>();
    for (Error e : schema.validate(instance)) {
      problems.add(new Problem(pointer(e.getInstanceLocation().toString()), e.getMessage()));
    }
    return Optional.of(problems);
  }

  /** networknt writes {@code $.a.b[0]} or {@code /a/b/0}; the report wants a JSON pointer. */
  static String pointer(String location) {
    if (location == null || location.equals("$") || location.isEmpty()) {
      return "";
    }
    if (location.startsWith("/")) {
      return location;
    }
    String s = location.startsWith("$") ? location.substring(1) : location;
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '.') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '.' && s.charAt(j) != '[') {
          j++;
        }
        out.append('/').append(escape(s.substring(i + 1, j)));
        i = j;
      } else if (c == '[') {
        int j = s.indexOf(']', i);
        if (j < 0) {
          break;
        }
        String inner = s.substring(i + 1, j);
        if (inner.startsWith("'") && inner.endsWith("'") && inner.length() >= 2) {
          inner = inner.substring(1, inner.length() - 1);
        }
        out.append('/').append(escape(inner));
        i = j + 1;
      } else {
        i++;
      }
    }
    return out.toString();
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
