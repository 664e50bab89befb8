package io.github.insignia.openbadges.signing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** selectJsonLd: ids and types kept on the way, arrays made dense, pointers escaped; skolemization. */
class JsonLdSelectionTest {
  static final JsonNode DOC = SafeJson.read("""
      {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:x", "type": ["VerifiableCredential"],
       "a/b": 1, "m~n": 2,
       "credentialSubject": {"type": "Person", "name": "Ann", "age": 3,
         "list": [{"id": "urn:l0", "v": 0}, {"type": "T", "v": 1, "w": 2}, "s"]}}
      """);

  @Test
  void selectsWithIdsTypesAndDenseArrays() {
    JsonNode selected = JsonLdSelection.select(List.of("/credentialSubject/name", "/credentialSubject/list/1/v",
        "/credentialSubject/list/2", "/a~1b", "/m~0n"), DOC);
    assertEquals(SafeJson.read("""
        {"id": "urn:x", "type": ["VerifiableCredential"], "@context": ["https://www.w3.org/ns/credentials/v2"],
         "credentialSubject": {"type": "Person", "name": "Ann", "list": [{"type": "T", "v": 1}, "s"]},
         "a/b": 1, "m~n": 2}
        """), selected);
  }

  @Test
  void badPointersAreRefused() {
    for (String pointer : List.of("name", "/nope", "/credentialSubject/list/9", "/credentialSubject/list/01",
        "/credentialSubject/list/x", "/credentialSubject/name/deeper", "/m~2n")) {
      assertThrows(IllegalArgumentException.class, () -> JsonLdSelection.select(List.of(pointer), DOC), pointer);
    }
  }

  @Test
  void skolemizeNamesEveryNodeWithoutAnId() {
    JsonNode sk = JsonLdSelection.skolemize(DOC);
    assertEquals("urn:x", sk.get("id").asText());
    assertEquals("urn:bnid:sk0", sk.get("credentialSubject").get("@id").asText());
    assertEquals("urn:l0", sk.get("credentialSubject").get("list").get(0).get("id").asText());
    assertEquals("urn:bnid:sk1", sk.get("credentialSubject").get("list").get(1).get("@id").asText());
  }
}
