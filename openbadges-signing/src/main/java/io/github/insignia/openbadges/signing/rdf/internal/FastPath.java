package io.github.insignia.openbadges.signing.rdf.internal;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.TermDefinition;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonValue;
import jakarta.json.JsonNumber;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON-LD 1.1 to RDF for the documents badges are made of, over {@link CompiledContext}s: each
 * pinned context (and each type- or property-scoped context reachable from it) is processed once
 * by Titanium and then only looked up. It follows the expansion algorithm's rules for what it
 * handles (term and compact IRI expansion, {@code @vocab}, type-scoped contexts that do not
 * propagate, property-scoped contexts, type coercion to {@code @id}/{@code @vocab}/datatypes,
 * {@code @set} and {@code @graph} containers) and emits the quads directly, without building the
 * expanded form or the node map (RDFC-1.0 relabels blank nodes and removes duplicates, so the
 * canonical result is the same).
 *
 * <p>Anything else (a nested {@code @context}, value objects, lists, language maps, blank node
 * identifiers, non-integer numbers, anything safe mode would reject, any error) makes it give up
 * by returning {@code null}, and the caller runs the general processor, which gives the exact
 * result or the exact error. So the fast path never decides what is valid: it only skips work.
 */
public final class FastPath {
  private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
  private static final String XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean";
  private static final String XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer";
  private static final String XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double";
  private static final String XSD_FLOAT = "http://www.w3.org/2001/XMLSchema#float";
  private static final String RDF_FIRST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
  private static final String RDF_REST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
  private static final String RDF_NIL = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
  private static final BigDecimal DOUBLE_THRESHOLD = BigDecimal.ONE.movePointRight(21);

  /** Thrown to abandon the fast path; no stack trace, it is control flow. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super("not handled by the fast path", null, false, false);
    }
  }

  private final CompiledContext root;
  private final AtomicInteger budget = new AtomicInteger(CompiledContext.MAX_DERIVED);

  /** @param runtime Titanium's runtime (pinned loader, same policies as the general processor) */
  public FastPath(ProcessingRuntime runtime) {
    this.root = new CompiledContext(new ActiveContext(null, null, runtime), budget);
  }

  /** The document's quads, or {@code null} when the general processor must handle it. */
  public List<Quad> toQuads(JsonNode document, int maxQuads) {
    if (!document.isObject()) {
      return null;
    }
    try {
      CompiledContext context = withContext(root, document.get("@context"));
      Emitter emitter = new Emitter(maxQuads);
      emitter.node(document, context, null, true);
      return emitter.quads;
    } catch (GiveUp | JsonLdError e) {
      return null;
    } catch (RuntimeException e) {
      // Titanium's context processing assumes well-formed contexts in places; let the general
      // processor report whatever this is.
      return null;
    }
  }

  /**
   * Step 9 of the expansion algorithm for a {@code @context} that is a URL or an array of URLs:
   * processed by Titanium once per (active context, URL list), then looked up.
   */
  private static CompiledContext withContext(CompiledContext context, JsonNode contextNode)
      throws JsonLdError {
    if (contextNode == null) {
      return context;
    }
    String key;
    if (contextNode.isTextual()) {
      key = contextNode.textValue();
    } else if (contextNode.isArray() && !contextNode.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode url : contextNode) {
        if (!url.isTextual()) {
          throw GiveUp.INSTANCE;
        }
        sb.append(url.textValue()).append('\n');
      }
      key = sb.toString();
    } else {
      // inline context objects: the general processor
      throw GiveUp.INSTANCE;
    }
    return context.applyUrls(key, () -> JakartaJson.toJakarta(contextNode));
  }

  /** IRI expansion (JSON-LD 1.1 §5.2), giving up wherever the result would not be a safe IRI. */
  private static String expandIri(CompiledContext context, String value, boolean vocab) {
    TermDefinition term = context.term(value);
    if (term != null) {
      String mapping = term.getUriMapping();
      if (mapping != null && mapping.startsWith("@")) {
        return vocab ? mapping : giveUp();
      }
      if (vocab) {
        return mapping == null ? giveUp() : checked(mapping);
      }
    }
    if (value.startsWith("@")) {
      return giveUp();
    }
    int colon = value.indexOf(':', 1);
    if (colon > 0) {
      String prefix = value.substring(0, colon);
      String suffix = value.substring(colon + 1);
      if (prefix.equals("_") || suffix.startsWith("//")) {
        return checked(value);
      }
      TermDefinition prefixTerm = context.term(prefix);
      if (prefixTerm != null && prefixTerm.getUriMapping() != null && prefixTerm.isPrefix()) {
        return checked(prefixTerm.getUriMapping() + suffix);
      }
      if (IriSupport.isAbsolute(value)) {
        return checked(value);
      }
      return giveUp();
    }
    if (vocab && context.vocab() != null) {
      return checked(context.vocab() + value);
    }
    // a relative IRI: the general processor decides (safe mode refuses it)
    return giveUp();
  }

  /** IRI expansion where only an IRI will do (not a keyword). */
  private static String expandToIri(CompiledContext context, String value, boolean vocab) {
    String iri = expandIri(context, value, vocab);
    return iri.startsWith("@") ? giveUp() : iri;
  }

  private static String checked(String iri) {
    return IriSupport.isSafeAbsolute(iri) ? iri : giveUp();
  }

  private static String expandKey(CompiledContext context, String key) {
    if (key.startsWith("@")) {
      return key;
    }
    return expandIri(context, key, true);
  }

  private static <T> T giveUp() {
    throw GiveUp.INSTANCE;
  }

  private static final class Emitter {
    final List<Quad> quads = new ArrayList<>();
    final int maxQuads;
    int blankNodes;
    int depth;

    Emitter(int maxQuads) {
      this.maxQuads = maxQuads;
    }

    void emit(String s, String p, String o, String datatype, String graph) {
      if (quads.size() >= maxQuads) {
        giveUp();
      }
      quads.add(new Quad(s, p, o, datatype, null, null, graph));
    }

    String blank() {
      return "_:b" + blankNodes++;
    }

    /** Expands one node object and emits its quads; returns its subject. */
    String node(JsonNode element, CompiledContext context, String graph, boolean top)
        throws JsonLdError {
      if (++depth > JsonDepth.MAX_DEPTH) {
        giveUp();
      }
      String subject = nodeAtDepth(element, context, graph, top);
      depth--;
      return subject;
    }

    private String nodeAtDepth(JsonNode element, CompiledContext context, String graph, boolean top)
        throws JsonLdError {
      if (!top) {
        context = withContext(context, element.get("@context"));
      }
      // Type-scoped contexts, applied in lexicographic order of the type terms.
      CompiledContext typeScoped = context;
      String typeKey = null;
      String idKey = null;
      for (Iterator<String> it = element.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (key.equals("@context")) {
          continue;
        }
        // Keys defined only by a type-scoped context do not expand yet; they are not @type.
        if ("@type".equals(keyInfo(typeScoped, key).expanded())) {
          if (typeKey != null) {
            giveUp();
          }
          typeKey = key;
        }
      }
      List<String> types = null;
      if (typeKey != null) {
        types = strings(element.get(typeKey));
        List<String> sorted = new ArrayList<>(types);
        sorted.sort(null);
        for (String type : sorted) {
          TermDefinition term = typeScoped.term(type);
          if (term != null && term.hasLocalContext()) {
            context = context.apply(term.getLocalContext(), term.getBaseUrl(), false, false);
          }
        }
      }
      // Keys are expanded with the final context; @type values with the one before type scoping.
      String subject = null;
      for (Iterator<String> it = element.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (key.equals("@context")) {
          continue;
        }
        String expanded = keyInfo(context, key).expanded();
        if (expanded == null) {
          giveUp();
        }
        if (expanded.equals("@id")) {
          if (idKey != null) {
            giveUp();
          }
          idKey = key;
          JsonNode id = element.get(key);
          if (!id.isTextual()) {
            giveUp();
          }
          subject = expandToIri(context, id.textValue(), false);
        } else if (expanded.equals("@type")) {
          if (!key.equals(typeKey)) {
            giveUp();
          }
        } else if (expanded.startsWith("@")) {
          giveUp();
        }
      }
      if (subject == null) {
        subject = blank();
      }
      if (types != null) {
        for (String type : types) {
          // a type expands like a key (vocabulary-relative), so its memoized expansion serves
          String iri = keyInfo(typeScoped, type).expanded();
          if (iri == null || iri.startsWith("@")) {
            giveUp();
          }
          emit(subject, RDF_TYPE, iri, null, graph);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String key = entry.getKey();
        if (key.equals("@context") || key.equals(idKey) || key.equals(typeKey)) {
          continue;
        }
        property(subject, key, keyInfo(context, key), entry.getValue(), context, graph);
      }
      return subject;
    }

    private void property(
        String subject, String key, KeyInfo info, JsonNode value, CompiledContext context, String graph)
        throws JsonLdError {
      if (info.shape() == KeyInfo.UNSUPPORTED) {
        giveUp();
      }
      String predicate = info.expanded();
      TermDefinition term = info.term();
      boolean graphContainer = info.shape() == KeyInfo.GRAPH;
      boolean listContainer = info.shape() == KeyInfo.LIST;
      if (listContainer) {
        if (graphContainer) {
          giveUp();
        }
        list(subject, key, predicate, value, term, context, graph);
        return;
      }
      if (value.isArray()) {
        for (JsonNode item : value) {
          if (item.isArray()) {
            giveUp();
          }
          item(subject, key, predicate, item, term, graphContainer, context, graph);
        }
      } else {
        item(subject, key, predicate, value, term, graphContainer, context, graph);
      }
    }

    private void item(
        String subject,
        String key,
        String predicate,
        JsonNode item,
        TermDefinition term,
        boolean graphContainer,
        CompiledContext context,
        String graph)
        throws JsonLdError {
      if (item.isNull()) {
        return;
      }
      if (item.isObject()) {
        CompiledContext child = childContext(item, key, term, context);
        if (graphContainer) {
          String namedGraph = blank();
          node(item, child, namedGraph, false);
          emit(subject, predicate, namedGraph, null, graph);
        } else {
          emit(subject, predicate, node(item, child, graph, false), null, graph);
        }
        return;
      }
      if (graphContainer) {
        giveUp();
      }
      scalar(subject, key, predicate, item, term, context, graph);
    }

    /** A {@code @list} container: an RDF collection (rdf:first/rdf:rest chain, rdf:nil if empty). */
    private void list(
        String subject,
        String key,
        String predicate,
        JsonNode value,
        TermDefinition term,
        CompiledContext context,
        String graph)
        throws JsonLdError {
      if (value.isNull()) {
        return;
      }
      List<JsonNode> items = new ArrayList<>();
      if (value.isArray()) {
        for (JsonNode item : value) {
          if (item.isArray()) {
            giveUp();
          }
          if (!item.isNull()) {
            items.add(item);
          }
        }
      } else {
        items.add(value);
      }
      String head = items.isEmpty() ? RDF_NIL : blank();
      emit(subject, predicate, head, null, graph);
      String cell = head;
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        if (item.isObject()) {
          CompiledContext child = childContext(item, key, term, context);
          emit(cell, RDF_FIRST, node(item, child, graph, false), null, graph);
        } else {
          scalar(cell, key, RDF_FIRST, item, term, context, graph);
        }
        String next = i + 1 < items.size() ? blank() : RDF_NIL;
        emit(cell, RDF_REST, next, null, graph);
        cell = next;
      }
    }

    /** Steps 7 and 8 of the expansion algorithm for a map value of {@code key}. */
    private CompiledContext childContext(
        JsonNode item, String key, TermDefinition term, CompiledContext context)
        throws JsonLdError {
      CompiledContext child = context;
      CompiledContext previous = context.previous();
      if (previous != null) {
        boolean onlyId = false;
        for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
          String k = it.next();
          String expanded = keyInfo(context, k).expanded();
          if ("@value".equals(expanded)) {
            giveUp();
          }
          onlyId = item.size() == 1 && "@id".equals(expanded);
        }
        if (!onlyId) {
          child = previous;
        }
      }
      if (term != null && term.hasLocalContext()) {
        TermDefinition own = child.term(key);
        URI base = own == null ? null : own.getBaseUrl();
        child = child.apply(term.getLocalContext(), base, true, true);
      }
      return child;
    }

    private void scalar(
        String subject,
        String key,
        String predicate,
        JsonNode item,
        TermDefinition term,
        CompiledContext context,
        String graph)
        throws JsonLdError {
      CompiledContext valueContext = context;
      TermDefinition valueTerm = term;
      if (term != null && term.hasLocalContext()) {
        valueContext = context.apply(term.getLocalContext(), term.getBaseUrl(), true, true);
        valueTerm = valueContext.term(key);
      }
      String typeMapping = valueTerm == null ? null : valueTerm.getTypeMapping();
      if (item.isTextual()) {
        String text = item.textValue();
        if ("@id".equals(typeMapping)) {
          emit(subject, predicate, expandToIri(valueContext, text, false), null, graph);
          return;
        }
        if ("@vocab".equals(typeMapping)) {
          emit(subject, predicate, expandToIri(valueContext, text, true), null, graph);
          return;
        }
        if (typeMapping != null) {
          if (typeMapping.startsWith("@")) {
            giveUp();
          }
          emit(subject, predicate, text, checked(typeMapping), graph);
          return;
        }
        JsonValue language = valueTerm == null ? null : valueTerm.getLanguageMapping();
        if (language == null && valueContext.defaultLanguage() != null
            || language != null && language != JsonValue.NULL
            || valueTerm != null && valueTerm.getDirectionMapping() != null
            || valueContext.hasDirection()) {
          giveUp();
        }
        emit(subject, predicate, text, XSD_STRING, graph);
        return;
      }
      // A number or boolean: value expansion adds the term's datatype, toRdf writes the lexical form.
      String datatype = null;
      if (typeMapping != null) {
        if (typeMapping.startsWith("@")) {
          giveUp();
        }
        datatype = checked(typeMapping);
      }
      if (item.isBoolean()) {
        String lexical = item.booleanValue() ? "true" : "false";
        emit(subject, predicate, lexical, datatype == null ? XSD_BOOLEAN : datatype, graph);
      } else if (item.isNumber()) {
        number(subject, predicate, item, datatype, graph);
      } else {
        giveUp();
      }
    }

    /** Numbers exactly as Titanium's JSON-LD to RDF writes them (so the fast path cannot differ). */
    private void number(String subject, String predicate, JsonNode item, String datatype, String graph) {
      JsonNumber number = (JsonNumber) JakartaJson.toJakarta(item);
      BigDecimal decimal = number.bigDecimalValue();
      if ((!number.isIntegral() && number.doubleValue() % -1 != 0)
          || XSD_DOUBLE.equals(datatype)
          || XSD_FLOAT.equals(datatype)
          || decimal.compareTo(DOUBLE_THRESHOLD) >= 0) {
        DecimalFormat format = new DecimalFormat("0.0##############E0", new DecimalFormatSymbols(Locale.ENGLISH));
        emit(subject, predicate, format.format(decimal), datatype == null ? XSD_DOUBLE : datatype, graph);
      } else {
        String lexical = number.bigIntegerValue().toString();
        emit(subject, predicate, lexical, datatype == null ? XSD_INTEGER : datatype, graph);
      }
    }
  }

  /**
   * What a key means in a context: its expansion ({@code null} when the fast path cannot expand
   * it), its term definition and the container shape of its values. Computed once per context.
   */
  private record KeyInfo(String expanded, TermDefinition term, int shape) {
    static final int PLAIN = 0;
    static final int GRAPH = 1;
    static final int LIST = 2;
    static final int UNSUPPORTED = 3;
  }

  private static KeyInfo keyInfo(CompiledContext context, String key) {
    Object cached = context.keyInfo(key);
    if (cached != null) {
      return (KeyInfo) cached;
    }
    String expanded = expandKeyOrNull(context, key);
    TermDefinition term = context.term(key);
    int shape = expanded == null || expanded.startsWith("@") ? KeyInfo.UNSUPPORTED : KeyInfo.PLAIN;
    if (term != null && shape == KeyInfo.PLAIN) {
      if (term.isReverseProperty()
          || term.getNestValue() != null
          || term.getIndexMapping() != null
          || "@json".equals(term.getTypeMapping())) {
        shape = KeyInfo.UNSUPPORTED;
      }
      boolean graph = false;
      boolean list = false;
      for (String c : term.getContainerMapping()) {
        if (c.equals("@graph")) {
          graph = true;
        } else if (c.equals("@list")) {
          list = true;
        } else if (!c.equals("@set")) {
          shape = KeyInfo.UNSUPPORTED;
        }
      }
      if (shape == KeyInfo.PLAIN) {
        shape = graph && list ? KeyInfo.UNSUPPORTED : graph ? KeyInfo.GRAPH : list ? KeyInfo.LIST : KeyInfo.PLAIN;
      }
    }
    KeyInfo info = new KeyInfo(expanded, term, shape);
    context.rememberKeyInfo(key, info);
    return info;
  }

  private static String expandKeyOrNull(CompiledContext context, String key) {
    try {
      return expandKey(context, key);
    } catch (GiveUp e) {
      return null;
    }
  }

  private static List<String> strings(JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value.isTextual()) {
      out.add(value.textValue());
    } else if (value.isArray()) {
      for (JsonNode v : value) {
        if (!v.isTextual()) {
          giveUp();
        }
        out.add(v.textValue());
      }
    } else {
      giveUp();
    }
    return out;
  }
}
