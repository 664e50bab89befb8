package io.github.insignia.openbadges.documents;

import java.net.URI;
import java.util.Optional;

/**
 * Loads a JSON-LD context or JSON Schema by URL. Insignia never fetches a context at run time: the
 * default is {@link PinnedDocuments#loader()}, which answers from copies shipped in the jar. A host
 * that wants more (its own extension contexts, say) passes a loader of its own, typically chaining
 * to the pinned one.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DocumentLoader {
  /**
   * @param url the document's URL as written in the badge (fragment ignored)
   * @return the document, or empty when this loader does not know it
   */
  Optional<PinnedDocument> load(URI url);

  /** A loader that asks this one first and {@code next} when this one has nothing. */
  default DocumentLoader orElse(DocumentLoader next) {
    return url -> {
      Optional<PinnedDocument> found = load(url);
      return found.isPresent() ? found : next.load(url);
    };
  }
}
