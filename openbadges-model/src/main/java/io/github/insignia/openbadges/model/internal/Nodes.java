package io.github.insignia.openbadges.model.internal;

import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.json.SafeJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * Copies a tree into the node types {@code SafeJson} produces when it reads, so a value built in
 * code equals the same value read back (Jackson compares {@code LongNode(1)} and {@code IntNode(1)}
 * as different). Not API.
 */
public final class Nodes {
  private static final JsonNodeFactory NODES = SafeJson.nodeFactory();
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Nodes() {}

  /** A deep copy with numbers in their read form (int, long, big integer, exact decimal). */
  public static JsonNode normalisedCopy(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), normalisedCopy(e.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(v -> out.add(normalisedCopy(v)));
      return out;
    }
    // A decimal of scale 0 is written without a point or exponent, so a reader sees an integer.
    if (node.isIntegralNumber() || (node.isBigDecimal() && node.decimalValue().scale() == 0)) {
      BigInteger v = node.bigIntegerValue();
      if (v.compareTo(INT_MIN) >= 0 && v.compareTo(INT_MAX) <= 0) {
        return NODES.numberNode(v.intValue());
      }
      if (v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0) {
        return NODES.numberNode(v.longValue());
      }
      return NODES.numberNode(v);
    }
    if (node.isFloatingPointNumber()) {
      if (node.isDouble() || node.isFloat()) {
        double d = node.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new ConfigurationException(ModelErrorCode.JSON_NUMBER_INVALID, "JSON has no NaN or infinite numbers");
        }
        return normalisedCopy(NODES.numberNode(new BigDecimal(Double.toString(d))));
      }
      return NODES.numberNode(node.decimalValue());
    }
    return node.deepCopy();
  }
}
