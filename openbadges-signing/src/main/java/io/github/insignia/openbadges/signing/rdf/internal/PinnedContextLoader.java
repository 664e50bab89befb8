package io.github.insignia.openbadges.signing.rdf.internal;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import io.github.insignia.openbadges.documents.DocumentLoader;
import io.github.insignia.openbadges.documents.PinnedDocument;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Titanium's document loader over an Insignia {@link DocumentLoader}: never the network, and each
 * context parsed once (Titanium's JSON-P values are immutable, so a parsed document is shared by
 * every thread).
 */
public final class PinnedContextLoader implements com.apicatalog.jsonld.loader.DocumentLoader {
  private static final int MAX_CACHED = 256;

  private final DocumentLoader source;
  private final ConcurrentHashMap<String, JsonDocument> parsed = new ConcurrentHashMap<>();

  /** @param source where contexts come from */
  public PinnedContextLoader(DocumentLoader source) {
    this.source = source;
  }

  @Override
  public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
    return load(url);
  }

  /** The parsed context for {@code url}. */
  public JsonDocument load(URI url) throws JsonLdError {
    String key = url.toString();
    JsonDocument cached = parsed.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<PinnedDocument> found = source.load(url);
    if (found.isEmpty() || found.get().kind() != PinnedDocument.Kind.CONTEXT) {
      throw new JsonLdError(
          JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
          "context not pinned",
          new CanonicalizationException(
              SigningErrorCode.JSONLD_CONTEXT_NOT_PINNED,
              "the context " + key + " is not pinned; contexts are never fetched"));
    }
    JsonDocument document = JsonDocument.of(new ByteArrayInputStream(found.get().content()));
    document.setDocumentUrl(url);
    if (parsed.size() < MAX_CACHED) {
      parsed.putIfAbsent(key, document);
    }
    return document;
  }
}
