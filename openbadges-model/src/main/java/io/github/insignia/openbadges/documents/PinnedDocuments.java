package io.github.insignia.openbadges.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON-LD contexts and JSON Schemas of the standards, shipped inside the jar (see {@code
 * io/github/insignia/openbadges/standards/SOURCES.md} for the origin of each file). Loaded once,
 * immutable, thread-safe; never touches the network.
 */
public final class PinnedDocuments {
  private static final String BASE = "/io/github/insignia/openbadges/standards/";

  private static final class Holder {
    static final Map<String, PinnedDocument> DOCUMENTS = loadAll();
  }

  private PinnedDocuments() {}

  /** A loader over the pinned documents. */
  public static DocumentLoader loader() {
    return PinnedDocuments::find;
  }

  /** The pinned document for {@code url} (its fragment and a trailing {@code #} ignored). */
  public static Optional<PinnedDocument> find(URI url) {
    if (url == null) {
      return Optional.empty();
    }
    return find(url.toString());
  }

  /** The pinned document for {@code url}, given as text. */
  public static Optional<PinnedDocument> find(String url) {
    if (url == null) {
      return Optional.empty();
    }
    int hash = url.indexOf('#');
    String key = hash >= 0 ? url.substring(0, hash) : url;
    PinnedDocument doc = Holder.DOCUMENTS.get(key);
    if (doc == null && key.startsWith("http://")) {
      doc = Holder.DOCUMENTS.get("https://" + key.substring("http://".length()));
    }
    return Optional.ofNullable(doc);
  }

  /** Every URL (with aliases) that has a pinned document. */
  public static Set<String> urls() {
    return Collections.unmodifiableSet(Holder.DOCUMENTS.keySet());
  }

  private static Map<String, PinnedDocument> loadAll() {
    JsonNode catalog = SafeJson.read(resource("catalog.json"));
    Map<String, PinnedDocument> all = new LinkedHashMap<>();
    add(all, catalog.path("jsonld-contexts"), PinnedDocument.Kind.CONTEXT);
    add(all, catalog.path("json-schemas"), PinnedDocument.Kind.SCHEMA);
    return Collections.unmodifiableMap(all);
  }

  private static void add(Map<String, PinnedDocument> all, JsonNode section, PinnedDocument.Kind kind) {
    for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      byte[] bytes = resource(entry.getValue().asText());
      all.put(entry.getKey(), new PinnedDocument(URI.create(entry.getKey()), kind, bytes));
    }
  }

  private static byte[] resource(String relative) {
    try (InputStream in = PinnedDocuments.class.getResourceAsStream(BASE + relative)) {
      if (in == null) {
        throw new IllegalStateException("pinned standards resource missing from the jar: " + relative);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
