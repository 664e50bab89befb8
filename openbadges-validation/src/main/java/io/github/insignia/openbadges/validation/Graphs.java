package io.github.insignia.openbadges.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.validation.internal.JsonNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A badge served as one graph of nodes, as Badgr and the 2.0 validator export it: {@code
 * {"@context": …, "@graph": [assertion, badge class, issuer]}} or a bare array of nodes. The root is
 * the awarded badge when there is one (else the first node); every node carries the graph's
 * context. References between the nodes are resolved in the graph, never fetched.
 */
final class Graphs {
  /** Nodes beyond this are ignored: a graph is a badge, its class and its issuer, not a database. */
  private static final int MAX_NODES = 256;
  private static final List<String> ROOT_ORDER = List.of(
      "Assertion", "OpenBadgeCredential", "AchievementCredential", "ClrCredential", "Endorsement",
      "EndorsementCredential", "BadgeClass", "Achievement", "Issuer", "Profile");

  /** The root and the nodes by id. */
  record Graph(ObjectNode root, Map<String, JsonNode> nodes) {}

  private Graphs() {}

  /** The graph, when the JSON is one ({@code @graph} member or an array of objects). */
  static Optional<Graph> of(JsonNode json) {
    JsonNode items;
    JsonNode context = null;
    if (json.isObject() && json.path("@graph").isArray()) {
      items = json.get("@graph");
      context = json.get("@context");
    } else if (json.isArray() && json.size() > 0) {
      items = json;
    } else {
      return Optional.empty();
    }
    List<ObjectNode> nodes = new ArrayList<>();
    for (JsonNode item : items) {
      if (!item.isObject()) {
        return Optional.empty();
      }
      if (nodes.size() < MAX_NODES) {
        ObjectNode node = ((ObjectNode) item).deepCopy();
        if (context != null && !node.has("@context")) {
          // The graph's context applies to every node; put it first, as a document of its own has it.
          ObjectNode withContext = node.objectNode();
          withContext.set("@context", context.deepCopy());
          withContext.setAll(node);
          node = withContext;
        }
        nodes.add(node);
      }
    }
    if (nodes.isEmpty()) {
      return Optional.empty();
    }
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (ObjectNode n : nodes) {
      JsonNodes.text(n, "id").ifPresent(id -> byId.putIfAbsent(id, n));
    }
    ObjectNode root = nodes.get(0);
    int best = Integer.MAX_VALUE;
    for (ObjectNode n : nodes) {
      for (String t : JsonNodes.strings(n, "type")) {
        int rank = ROOT_ORDER.indexOf(t.substring(Math.max(t.lastIndexOf('#'), t.lastIndexOf(':')) + 1));
        if (rank >= 0 && rank < best) {
          best = rank;
          root = n;
        }
      }
    }
    return Optional.of(new Graph(root, Map.copyOf(byId)));
  }
}
