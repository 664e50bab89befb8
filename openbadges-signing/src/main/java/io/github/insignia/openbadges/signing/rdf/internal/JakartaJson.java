package io.github.insignia.openbadges.signing.rdf.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Iterator;
import java.util.Map;

/** Converts Jackson trees to Jakarta JSON-P values (what Titanium reads), numbers kept exactly. */
public final class JakartaJson {
  // Looking the provider up costs a service-loader scan: once only.
  static final JsonProvider PROVIDER = JsonProvider.provider();

  private JakartaJson() {}

  /** The same JSON as a JSON-P value. */
  public static JsonValue toJakarta(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        JsonObjectBuilder object = PROVIDER.createObjectBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          object.add(e.getKey(), toJakarta(e.getValue()));
        }
        return object.build();
      case ARRAY:
        JsonArrayBuilder array = PROVIDER.createArrayBuilder();
        for (JsonNode item : node) {
          array.add(toJakarta(item));
        }
        return array.build();
      case STRING:
        return PROVIDER.createValue(node.textValue());
      case BOOLEAN:
        return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
      case NUMBER:
        if (node.isIntegralNumber()) {
          return node.canConvertToLong()
              ? PROVIDER.createValue(node.longValue())
              : PROVIDER.createValue(node.bigIntegerValue());
        }
        if (node.isBigDecimal()) {
          return PROVIDER.createValue(node.decimalValue());
        }
        return PROVIDER.createValue(node.doubleValue());
      case NULL:
      case MISSING:
      default:
        return JsonValue.NULL;
    }
  }
}
