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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON-LD contexts and JSON Schemas of the standards, shipped inside the jar (see {@code
 * io/github/insignia/openbadges/standards/SOURCES.md} for the origin of each file). Immutable,
 * thread-safe; never touches the network. Only the catalog is read up front: each document is read
 * from the jar the first time it is asked for (a verification needs a few of the dozens pinned,
 * and reading them all cost a fresh JVM a noticeable part of its first verification).
 */
public final class PinnedDocuments {
  private static final String BASE = "/io/github/insignia/openbadges/standards/";

  private static final class Holder {
    /** URL → where its file is; read once, at the first lookup. */
    static final Map<String, Entry> CATALOG = catalog();
    /** Documents read so far; bounded by the catalog (a fixed set of URLs). */
    static final Map<String, PinnedDocument> LOADED = new ConcurrentHashMap<>();
  }

  private record Entry(String url, PinnedDocument.Kind kind, String relative) {}

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
    Entry entry = Holder.CATALOG.get(key);
    if (entry == null && key.startsWith("http://")) {
      entry = Holder.CATALOG.get("https://" + key.substring("http://".length()));
    }
    if (entry == null) {
      return Optional.empty();
    }
    return Optional.of(Holder.LOADED.computeIfAbsent(entry.url(), PinnedDocuments::read));
  }

  /** Every URL (with aliases) that has a pinned document. */
  public static Set<String> urls() {
    return Collections.unmodifiableSet(Holder.CATALOG.keySet());
  }

  private static PinnedDocument read(String url) {
    Entry entry = Holder.CATALOG.get(url);
    return new PinnedDocument(URI.create(url), entry.kind(), resource(entry.relative()));
  }

  private static Map<String, Entry> catalog() {
    JsonNode catalog = SafeJson.read(resource("catalog.json"));
    Map<String, Entry> all = new LinkedHashMap<>();
    add(all, catalog.path("jsonld-contexts"), PinnedDocument.Kind.CONTEXT);
    add(all, catalog.path("json-schemas"), PinnedDocument.Kind.SCHEMA);
    return Collections.unmodifiableMap(all);
  }

  private static void add(Map<String, Entry> all, JsonNode section, PinnedDocument.Kind kind) {
    for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      all.put(entry.getKey(), new Entry(entry.getKey(), kind, entry.getValue().asText()));
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
