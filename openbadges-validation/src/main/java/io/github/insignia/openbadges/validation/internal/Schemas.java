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
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schema validation against the pinned 1EdTech schemas (networknt, draft 2019-09). Schemas
 * come only from {@link PinnedDocuments}, never the network, and each is parsed and compiled once
 * per JVM, on first use: the parsed tree serves both the vocabulary screen and the compiled schema,
 * so a fresh JVM parses the (large) credential schema once, not twice.
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
  /** The parsed pinned schemas, by URL; bounded like COMPILED (only pinned schemas are parsed). */
  private static final BoundedCache<String, Optional<JsonNode>> TREES = new BoundedCache<>(64);
  /**
   * Held while a schema is parsed or compiled: a verification that needs a schema {@link #prepare}
   * (or another thread) is already compiling waits for that result instead of compiling it again.
   */
  private static final Object BUILDING = new Object();

  private Schemas() {}

  /**
   * Members whose values come from a vocabulary the OB 3.0 specification lets grow: the schema
   * lists the published values and admits {@code ext:} names, so a value outside both is a
   * conformance warning, never proof that the document is not what it claims.
   */
  private static final Set<String> OPEN_VOCABULARIES =
      Set.of("achievementType", "targetType", "identifierType", "identityType", "resultType");
  /** Keywords that restrict a value to a list (or a pattern of extension names). */
  private static final Set<String> VOCABULARY_KEYWORDS = Set.of("enum", "anyOf", "oneOf", "pattern");

  /**
   * One problem: where in the instance (a JSON pointer), what, and the schema keyword that
   * reported it ({@code required}, {@code type}, {@code const}, {@code enum}, …).
   */
  public record Problem(String pointer, String message, String keyword) {
    /** One problem without a keyword. */
    public Problem(String pointer, String message) {
      this(pointer, message, "");
    }

    /**
     * Whether this problem is a value outside an open vocabulary ({@code achievementType}, an
     * alignment's {@code targetType}, …): a warning. Everything else (a required member missing, a
     * wrong JSON type, a wrong {@code const} type, a malformed format) is structural: an error.
     */
    public boolean openVocabulary() {
      String last = pointer.substring(pointer.lastIndexOf('/') + 1);
      return VOCABULARY_KEYWORDS.contains(keyword) && OPEN_VOCABULARIES.contains(last);
    }
  }

  /** The schema's own pattern for extension values of an open vocabulary (unanchored, as JSON Schema). */
  private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile("(ext:)[a-z|A-Z|0-9|.|-|_]+");
  private static final ConcurrentHashMap<String, Map<String, List<String>>> VOCABULARIES = new ConcurrentHashMap<>();

  /**
   * An instance screened for open-vocabulary values: {@code vocabulary} lists each value outside the
   * published list (and not an {@code ext:} name), and {@code instance} is the document to validate
   * for structure, with those values replaced by a published one (the same document when none).
   */
  public record Screened(JsonNode instance, List<Problem> vocabulary) {}

  /**
   * Screens an instance against the open vocabularies of a pinned schema. networknt reports a value
   * outside an enumeration nested in {@code oneOf} (an array of alignments, say) as a failure of the
   * enclosing member, so the values are judged here and the schema then sees only structure.
   */
  public static Screened screen(String schemaUrl, JsonNode instance) {
    Map<String, List<String>> vocabularies = vocabularies(schemaUrl);
    List<Problem> found = new ArrayList<>();
    if (!vocabularies.isEmpty()) {
      walk(instance, "", vocabularies, found, null, 0);
    }
    if (found.isEmpty()) {
      return new Screened(instance, List.of());
    }
    JsonNode copy = instance.deepCopy();
    walk(copy, "", vocabularies, new ArrayList<>(), copy, 0);
    return new Screened(copy, List.copyOf(found));
  }

  private static void walk(JsonNode node, String pointer, Map<String, List<String>> vocabularies, List<Problem> found,
      JsonNode replacing, int depth) {
    if (depth > 32) {
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, vocabularies, found, replacing, depth + 1);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = pointer + "/" + escape(e.getKey());
      List<String> allowed = vocabularies.get(e.getKey());
      JsonNode value = e.getValue();
      if (allowed != null && value.isTextual() && !allowed.contains(value.asText()) && !EXTENSION.matcher(value.asText()).find()) {
        found.add(new Problem(p, e.getKey() + " '" + value.asText() + "'", "enum"));
        if (replacing != null) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) node).put(e.getKey(), allowed.get(0));
        }
      } else {
        walk(value, p, vocabularies, found, replacing, depth + 1);
      }
    }
  }

  /** Member name → published values, for the members {@link #OPEN_VOCABULARIES} names. */
  private static Map<String, List<String>> vocabularies(String schemaUrl) {
    return VOCABULARIES.computeIfAbsent(schemaUrl, u -> {
      Map<String, List<String>> out = new HashMap<>();
      tree(u).ifPresent(t -> collect(t, false, null, out, 0));
      return Map.copyOf(out);
    });
  }

  /** The pinned schema's parsed tree (shared, never modified), empty when the URL is not a pinned schema. */
  private static Optional<JsonNode> tree(String schemaUrl) {
    Optional<JsonNode> tree = TREES.getIfPresent(schemaUrl);
    if (tree != null) {
      return tree;
    }
    synchronized (BUILDING) {
      return TREES.get(schemaUrl, u -> PinnedDocuments.find(u).filter(d -> d.kind() == PinnedDocument.Kind.SCHEMA)
          .map(d -> io.github.insignia.openbadges.json.SafeJson.read(d.text())));
    }
  }

  private static void collect(JsonNode node, boolean inProperties, String member, Map<String, List<String>> out, int depth) {
    if (depth > 64) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, false, member, out, depth + 1));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String m = inProperties && OPEN_VOCABULARIES.contains(e.getKey()) ? e.getKey() : member;
      if (m != null && e.getKey().equals("enum") && e.getValue().isArray()) {
        List<String> values = out.computeIfAbsent(m, k -> new ArrayList<>());
        e.getValue().forEach(v -> {
          if (v.isTextual() && !values.contains(v.asText())) {
            values.add(v.asText());
          }
        });
      } else {
        collect(e.getValue(), e.getKey().equals("properties"), m, out, depth + 1);
      }
    }
  }

  /** Whether a schema with this URL is pinned. */
  public static boolean isPinned(String url) {
    return PinnedDocuments.find(url).filter(d -> d.kind() == PinnedDocument.Kind.SCHEMA).isPresent();
  }

  /** Validates; empty when the schema is not pinned. */
  public static Optional<List<Problem>> validate(String schemaUrl, JsonNode instance) {
    if (!isPinned(schemaUrl)) {
      return Optional.empty();
    }
    Schema schema = compiled(schemaUrl);
    List<Problem> problems = new ArrayList<>();
    for (Error e : schema.validate(instance)) {
      problems.add(new Problem(pointer(e.getInstanceLocation().toString()), e.getMessage(),
          e.getKeyword() == null ? "" : e.getKeyword()));
    }
    return Optional.of(problems);
  }

  /**
   * Parses and compiles a pinned schema now (with its open vocabularies), so that the first
   * validation against it only validates. Changes no result: the same compiled schema is what
   * {@link #validate} would build on first use. Does nothing for a URL that is not a pinned schema.
   */
  public static void prepare(String schemaUrl) {
    if (isPinned(schemaUrl)) {
      vocabularies(schemaUrl);
      compiled(schemaUrl);
    }
  }

  /** The compiled pinned schema, built once (callers racing for it wait for the one build). */
  private static Schema compiled(String schemaUrl) {
    Schema schema = COMPILED.getIfPresent(schemaUrl);
    if (schema != null) {
      return schema;
    }
    synchronized (BUILDING) {
      return COMPILED.get(schemaUrl, u -> {
        Schema s = REGISTRY.getSchema(SchemaLocation.of(u), tree(u).orElseThrow());
        s.initializeValidators();
        return s;
      });
    }
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
