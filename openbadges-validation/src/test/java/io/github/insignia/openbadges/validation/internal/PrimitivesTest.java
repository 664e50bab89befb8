package io.github.insignia.openbadges.validation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import io.github.insignia.openbadges.testvectors.TestVectors;

/** The shared validator-core primitive vectors, value by value. */
class PrimitivesTest {
  private static final Map<String, Predicate<String>> VALIDATORS = Map.of(
      "DATA_URI", Primitives::isDataUri,
      "DATA_URI_OR_URL", Primitives::isDataUriOrUrl,
      "URL", Primitives::isUrl,
      "IRI", Primitives::isIri,
      "URL_AUTHORITY", Primitives::isUrlAuthority,
      "TELEPHONE", Primitives::isTelephone,
      "EMAIL", Primitives::isEmail,
      "DATETIME", Primitives::isDateTime);

  @Test
  void sharedVectors() throws Exception {
    JsonNode all = SafeJson.read(Files.readAllBytes(TestVectors.path("ob2", "validator-core", "primitive-value-vectors.json")));
    int checked = 0;
    for (var it = all.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().startsWith("_")) {
        continue;
      }
      String kind = e.getKey().substring(0, e.getKey().indexOf(' '));
      Predicate<String> validator = VALIDATORS.get(kind);
      for (JsonNode v : e.getValue().get("valid")) {
        assertEquals(true, validator.test(v.asText()), kind + " valid: " + v.asText());
        checked++;
      }
      for (JsonNode v : e.getValue().get("invalid")) {
        assertEquals(false, validator.test(v.asText()), kind + " invalid: " + v.asText());
        checked++;
      }
    }
    assertEquals(true, checked > 100);
  }

  @Test
  void schemaErrorLocationsBecomeJsonPointers() {
    assertEquals("", Schemas.pointer("$"));
    assertEquals("/credentialSubject/achievement", Schemas.pointer("$.credentialSubject.achievement"));
    assertEquals("/proof/0/type", Schemas.pointer("$.proof[0].type"));
    assertEquals("/a~1b", Schemas.pointer("$['a/b']"));
    assertEquals("/x/y", Schemas.pointer("/x/y"));
  }
}
