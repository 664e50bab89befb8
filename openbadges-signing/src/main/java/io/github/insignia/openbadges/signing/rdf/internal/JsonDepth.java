package io.github.insignia.openbadges.signing.rdf.internal;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.signing.rdf.CanonicalizationException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounds nesting before a recursive processor sees a document: a tree built by a host (not read
 * through {@code SafeJson}) could otherwise overflow the stack.
 */
final class JsonDepth {
  /** Deeper than any badge; far below what overflows a default thread stack. */
  static final int MAX_DEPTH = 256;

  private JsonDepth() {}

  static void check(JsonNode root) {
    Deque<JsonNode> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(1);
    while (!nodes.isEmpty()) {
      JsonNode node = nodes.pop();
      int depth = depths.pop();
      if (depth > MAX_DEPTH) {
        throw new CanonicalizationException(
            SigningErrorCode.JSONLD_LIMIT, "the document nests deeper than " + MAX_DEPTH);
      }
      if (node.isContainerNode()) {
        for (JsonNode child : node) {
          if (child.isContainerNode()) {
            nodes.push(child);
            depths.push(depth + 1);
          }
        }
      }
    }
  }
}
