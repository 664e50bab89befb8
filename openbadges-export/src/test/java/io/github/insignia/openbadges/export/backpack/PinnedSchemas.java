package io.github.insignia.openbadges.export.backpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.insignia.openbadges.documents.PinnedDocument;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import java.util.List;

/**
 * The 1EdTech JSON Schemas pinned in the model module, loaded without network. The upstream Badge
 * Connect getAssertions-200 schema is not valid JSON (a trailing comma after {@code "type" :
 * "string",} in {@code signedAssertions.items}); {@link #repairedGetAssertions()} removes exactly
 * that comma, and a test proves the pinned bytes are still the broken ones.
 */
final class PinnedSchemas {
  static final String V2 = "https://purl.imsglobal.org/spec/ob/v2p1/schema/json/imsob_v2p1v2p1-";
  static final String V3 = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_";
  static final String GET_ASSERTIONS_200 = V2 + "getassertions-200-responsepayload-schemav1p0.json";
  static final String BROKEN_FRAGMENT = "\"type\" : \"string\",\n            }";

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09, b -> b.schemas(PinnedSchemas::text));

  private PinnedSchemas() {}

  static String pinnedText(String url) {
    return PinnedDocuments.find(url).map(PinnedDocument::text)
        .orElseThrow(() -> new AssertionError("not pinned: " + url));
  }

  static String repairedGetAssertions() {
    String text = pinnedText(GET_ASSERTIONS_200).replace("\r\n", "\n");
    if (!text.contains(BROKEN_FRAGMENT)) {
      throw new AssertionError("the upstream defect moved; revisit the repair");
    }
    return text.replace(BROKEN_FRAGMENT, "\"type\" : \"string\"\n            }");
  }

  private static String text(String url) {
    if (url.equals(GET_ASSERTIONS_200)) {
      return repairedGetAssertions();
    }
    return PinnedDocuments.find(url).map(PinnedDocument::text).orElse(null);
  }

  static List<Error> validate(String url, JsonNode instance) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of(url));
    return schema.validate(instance);
  }

  static void assertValid(String url, JsonNode instance) {
    List<Error> errors = validate(url, instance);
    if (!errors.isEmpty()) {
      throw new AssertionError(url.substring(url.lastIndexOf('/') + 1) + ": " + errors + "\n" + instance);
    }
  }
}
