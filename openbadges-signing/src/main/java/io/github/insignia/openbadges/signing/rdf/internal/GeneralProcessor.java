package io.github.insignia.openbadges.signing.rdf.internal;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationException;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationOptions;
import jakarta.json.JsonArray;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * JSON-LD 1.1 to RDF with Titanium, for any document: contexts from the pinned loader only,
 * undefined terms fail, and (in safe mode) the expanded form is checked for anything toRdf would
 * drop before it is turned into quads.
 */
public final class GeneralProcessor {
  private final CanonicalizationOptions options;
  private final PinnedContextLoader loader;

  /**
   * @param options the canonicalizer's options
   * @param loader the shared context loader
   */
  public GeneralProcessor(CanonicalizationOptions options, PinnedContextLoader loader) {
    this.options = options;
    this.loader = loader;
  }

  /** The document's quads (blank nodes labelled by Titanium), at most {@code maxQuads}. */
  public List<Quad> toQuads(JsonNode document) {
    JsonDepth.check(document);
    JsonValue json = JakartaJson.toJakarta(document);
    if (!(json instanceof JsonStructure structure)) {
      throw new CanonicalizationException(
          SigningErrorCode.JSONLD_INVALID, "a JSON-LD document is an object or an array");
    }
    QuadCollector quads = new QuadCollector(options.maxQuads(), "document");
    try {
      JsonDocument input = JsonDocument.of(structure);
      if (options.safeMode()) {
        JsonArray expanded = JsonLd.expand(input).options(jsonLdOptions()).get();
        ExpandedSafetyCheck.check(expanded);
        input = JsonDocument.of(expanded);
      }
      JsonLd.toRdf(input).options(jsonLdOptions()).provide(quads);
    } catch (JsonLdError e) {
      throw translate(e);
    } catch (CanonicalizationException e) {
      throw e;
    } catch (RuntimeException e) {
      // Titanium assumes well-formed input in places (casts); hostile input must still be typed.
      throw new CanonicalizationException(
          SigningErrorCode.JSONLD_INVALID, "invalid JSON-LD: " + e, e);
    }
    return quads.quads;
  }

  private JsonLdOptions jsonLdOptions() {
    JsonLdOptions o = baseOptions(loader, options.safeMode());
    o.setTimeout(options.jsonLdTimeout());
    return o;
  }

  /** Titanium's options as every processor here uses them (no time limit). */
  public static JsonLdOptions baseOptions(PinnedContextLoader loader, boolean safeMode) {
    JsonLdOptions o = new JsonLdOptions(loader);
    o.setUndefinedTermsPolicy(
        safeMode ? JsonLdOptions.ProcessingPolicy.Fail : JsonLdOptions.ProcessingPolicy.Ignore);
    // What jsonld.js does (an IRI is absolute when it has a scheme): Titanium's default would drop
    // IRIs java.net.URI dislikes, so the two stacks would sign different data.
    o.setUriValidation(UriValidationPolicy.SchemeOnly);
    // The pinned loader already keeps parsed contexts; Titanium's own caches would only copy them.
    o.setDocumentCache(null);
    return o;
  }

  /** Maps Titanium's error to a stable code. */
  static CanonicalizationException translate(JsonLdError e) {
    // A pinned context that fails to process surfaces as "loading failed" around the real error.
    JsonLdError innermost = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CanonicalizationException c) {
        return c;
      }
      if (t instanceof JsonLdError j && !isLoading(j.getCode())) {
        innermost = j;
      }
    }
    e = innermost;
    JsonLdErrorCode code = e.getCode();
    String message = e.getMessage() == null ? String.valueOf(code) : e.getMessage();
    if (code == JsonLdErrorCode.UNDEFINED_TERM) {
      return new CanonicalizationException(
          SigningErrorCode.JSONLD_UNDEFINED_TERM,
          "a term is not defined by any context and would be dropped: " + message,
          e);
    }
    if (code == JsonLdErrorCode.PROCESSING_TIMEOUT_EXCEEDED) {
      return new CanonicalizationException(
          SigningErrorCode.JSONLD_LIMIT, "JSON-LD processing took too long", e);
    }
    if (isLoading(code)) {
      return new CanonicalizationException(
          SigningErrorCode.JSONLD_CONTEXT_NOT_PINNED, "a context could not be loaded: " + message, e);
    }
    return new CanonicalizationException(
        SigningErrorCode.JSONLD_INVALID, "invalid JSON-LD (" + code + "): " + message, e);
  }

  private static boolean isLoading(JsonLdErrorCode code) {
    return code == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED
        || code == JsonLdErrorCode.LOADING_DOCUMENT_FAILED;
  }
}
