package io.github.insignia.openbadges.signing.rdf.internal;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import static io.github.insignia.openbadges.signing.SigningErrorCode.JSONLD_DROPPED_VALUE;
import static io.github.insignia.openbadges.signing.SigningErrorCode.JSONLD_INVALID_IRI;
import static io.github.insignia.openbadges.signing.SigningErrorCode.JSONLD_RELATIVE_IRI;
import static io.github.insignia.openbadges.signing.SigningErrorCode.JSONLD_UNDEFINED_TERM;

import io.github.insignia.openbadges.signing.rdf.CanonicalizationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Safe mode over an expanded JSON-LD document: everything JSON-LD to RDF would drop without a word
 * (relative IRIs, properties that are not IRIs, free-floating values) is an error instead, so what
 * is signed is everything the document says.
 */
public final class ExpandedSafetyCheck {
  private ExpandedSafetyCheck() {}

  /** Checks the expanded form (a top-level array of node objects). */
  public static void check(JsonArray expanded) {
    for (JsonValue item : expanded) {
      if (!(item instanceof JsonObject object) || isValueObject(object)) {
        throw new CanonicalizationException(
            JSONLD_DROPPED_VALUE, "a free-floating value at the top level would be dropped");
      }
      checkNode(object, "");
    }
  }

  private static boolean isValueObject(JsonObject object) {
    return object.containsKey("@value");
  }

  private static void checkNode(JsonObject node, String path) {
    for (Map.Entry<String, JsonValue> e : node.entrySet()) {
      String key = e.getKey();
      JsonValue value = e.getValue();
      switch (key) {
        case "@id" -> checkIri(((JsonString) value).getString(), "@id", path);
        case "@type" -> {
          for (JsonValue type : value.asJsonArray()) {
            checkIri(((JsonString) type).getString(), "@type", path);
          }
        }
        case "@graph", "@included" -> {
          for (JsonValue member : value.asJsonArray()) {
            if (!(member instanceof JsonObject object) || isValueObject(object)) {
              throw new CanonicalizationException(
                  JSONLD_DROPPED_VALUE, "a free-floating value in " + key + " would be dropped");
            }
            checkNode(object, path + "/" + key);
          }
        }
        case "@reverse" -> {
          for (Map.Entry<String, JsonValue> r : value.asJsonObject().entrySet()) {
            checkProperty(r.getKey(), r.getValue().asJsonArray(), path + "/@reverse");
          }
        }
        case "@index" -> {
          // an index carries no RDF; JSON-LD drops it by design, not by accident
        }
        default -> {
          if (key.startsWith("@")) {
            throw new CanonicalizationException(
                JSONLD_DROPPED_VALUE, "the keyword " + key + " at " + path + " is not supported");
          }
          checkProperty(key, value.asJsonArray(), path);
        }
      }
    }
  }

  private static void checkProperty(String property, JsonArray values, String path) {
    if (property.startsWith("_:")) {
      throw new CanonicalizationException(
          JSONLD_UNDEFINED_TERM,
          "the property " + property + " at " + path + " is a blank node and would be dropped");
    }
    if (!IriSupport.isAbsolute(property)) {
      throw new CanonicalizationException(
          JSONLD_UNDEFINED_TERM,
          "the property " + property + " at " + path + " is not defined by any context");
    }
    if (!IriSupport.hasOnlyIriCharacters(property)) {
      throw invalidIri(property, "property", path);
    }
    checkValues(values, path + "/" + property);
  }

  private static void checkValues(JsonArray values, String path) {
    for (JsonValue v : values) {
      if (!(v instanceof JsonObject object)) {
        throw new CanonicalizationException(JSONLD_DROPPED_VALUE, "unexpected value at " + path);
      }
      if (isValueObject(object)) {
        JsonValue type = object.get("@type");
        if (type instanceof JsonString s && !"@json".equals(s.getString())) {
          checkIri(s.getString(), "datatype", path);
        }
      } else if (object.containsKey("@list")) {
        checkValues(object.getJsonArray("@list"), path + "/@list");
      } else if (object.containsKey("@set")) {
        checkValues(object.getJsonArray("@set"), path + "/@set");
      } else {
        checkNode(object, path);
      }
    }
  }

  private static CanonicalizationException invalidIri(String iri, String what, String path) {
    return new CanonicalizationException(
        JSONLD_INVALID_IRI,
        "the " + what + " at " + (path.isEmpty() ? "/" : path)
            + " has a character that is not allowed in an IRI: '" + iri + "'");
  }

  private static void checkIri(String iri, String what, String path) {
    if (!IriSupport.hasOnlyIriCharacters(iri)) {
      throw invalidIri(iri, what, path);
    }
    if (!iri.startsWith("_:") && !IriSupport.isAbsolute(iri)) {
      throw new CanonicalizationException(
          JSONLD_RELATIVE_IRI,
          "the " + what + " '" + iri + "' at " + (path.isEmpty() ? "/" : path)
              + " is a relative IRI (no context defines it) and would be dropped");
    }
  }
}
