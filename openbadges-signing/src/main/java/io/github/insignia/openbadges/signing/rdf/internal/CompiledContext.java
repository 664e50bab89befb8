package io.github.insignia.openbadges.signing.rdf.internal;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.ActiveContextBuilder;
import com.apicatalog.jsonld.context.TermDefinition;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An active context that Titanium processed once and that is kept, with the contexts derived from
 * it (type-scoped and property-scoped) memoized the same way. Processing a context is most of what
 * JSON-LD costs; with pinned contexts the set of reachable active contexts is small and fixed, so
 * each is computed once per canonicalizer and then only looked up.
 *
 * <p>Titanium's {@link ActiveContext} is not mutated after processing (the inverse context, which
 * is built lazily, serves compaction only and is never asked for here), so sharing it between
 * threads is safe once published through the concurrent maps.
 */
final class CompiledContext {
  /** Bound on memoized contexts per canonicalizer: a host loader could offer endless contexts. */
  static final int MAX_DERIVED = 4096;

  private final ActiveContext context;
  private final AtomicInteger budget;
  private final Map<ScopedKey, CompiledContext> derived = new ConcurrentHashMap<>();
  private final Map<String, Object> keys = new ConcurrentHashMap<>();
  private final Map<String, CompiledContext> byUrls = new ConcurrentHashMap<>();
  private volatile CompiledContext previous;

  /** Bound on memoized keys per context: keys come from documents, so from anyone. */
  private static final int MAX_KEYS = 512;

  private record ScopedKey(JsonValue localContext, URI baseUrl, boolean propagate, boolean override) {
    @Override
    public boolean equals(Object o) {
      // Identity: a scoped context is one JSON value inside a pinned, parsed context document.
      return o instanceof ScopedKey k
          && k.localContext == localContext
          && Objects.equals(k.baseUrl, baseUrl)
          && k.propagate == propagate
          && k.override == override;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(localContext) * 31 + (propagate ? 2 : 0) + (override ? 1 : 0);
    }
  }

  CompiledContext(ActiveContext context, AtomicInteger budget) {
    this.context = context;
    this.budget = budget;
  }

  ActiveContext titanium() {
    return context;
  }

  TermDefinition term(String term) {
    return context.getTermsMapping().get(term);
  }

  String vocab() {
    return context.getVocabularyMapping();
  }

  String defaultLanguage() {
    return context.getDefaultLanguage();
  }

  boolean hasDirection() {
    return context.getDefaultBaseDirection() != null;
  }

  /** What the fast path worked out for {@code key} in this context, or {@code null}. */
  Object keyInfo(String key) {
    return keys.get(key);
  }

  void rememberKeyInfo(String key, Object info) {
    if (keys.size() < MAX_KEYS) {
      keys.putIfAbsent(key, info);
    }
  }

  /** The context before a non-propagating (type-scoped) context, or {@code null}. */
  CompiledContext previous() {
    ActiveContext p = context.getPreviousContext();
    if (p == null) {
      return null;
    }
    CompiledContext cached = previous;
    if (cached == null || cached.context != p) {
      cached = new CompiledContext(p, budget);
      previous = cached;
    }
    return cached;
  }

  /**
   * This context with an embedded {@code @context} of URLs applied ({@code urls} names them, one
   * per line; {@code json} gives the value itself, built only when not memoized yet).
   */
  CompiledContext applyUrls(String urls, java.util.function.Supplier<JsonValue> json)
      throws JsonLdError {
    CompiledContext found = byUrls.get(urls);
    if (found != null) {
      return found;
    }
    CompiledContext compiled =
        new CompiledContext(ActiveContextBuilder.with(context).create(json.get(), null), budget);
    if (budget.getAndDecrement() > 0) {
      CompiledContext raced = byUrls.putIfAbsent(urls, compiled);
      return raced != null ? raced : compiled;
    }
    return compiled;
  }

  /** This context with a scoped context applied (Titanium's context processing, memoized). */
  CompiledContext apply(JsonValue localContext, URI baseUrl, boolean propagate, boolean override)
      throws JsonLdError {
    ScopedKey key = new ScopedKey(localContext, baseUrl, propagate, override);
    CompiledContext found = derived.get(key);
    if (found != null) {
      return found;
    }
    ActiveContext next =
        ActiveContextBuilder.with(context)
            .propagate(propagate)
            .overrideProtected(override)
            .create(localContext, baseUrl);
    CompiledContext compiled = new CompiledContext(next, budget);
    if (budget.getAndDecrement() > 0) {
      CompiledContext raced = derived.putIfAbsent(key, compiled);
      return raced != null ? raced : compiled;
    }
    return compiled;
  }
}
