package io.github.insignia.openbadges.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.insignia.openbadges.ModelErrorCode;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.JsonLimits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile and broken input: a typed error with a stable code, never another exception. */
class MalformedInputTest {
  static String code(Runnable r) {
    return assertThrows(InvalidInputException.class, r::run).code();
  }

  @Test
  void truncated() {
    assertEquals("JSON_MALFORMED", code(() -> BadgeDocuments.read("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":")));
    assertEquals("JSON_MALFORMED", code(() -> BadgeDocuments.read("")));
    assertEquals("JSON_MALFORMED", code(() -> BadgeDocuments.read(new byte[] {(byte) 0xff, (byte) 0xfe, 0})));
  }

  @Test
  void deepNesting() {
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    assertEquals("JSON_TOO_DEEP", code(() -> BadgeDocuments.read(deep)));
  }

  @Test
  void hugeStringsAndDocumentsUnderConfiguredLimits() {
    ReadOptions small = ReadOptions.builder()
        .limits(JsonLimits.builder().maxStringLength(1000).maxDocumentBytes(100_000).build()).build();
    String longString = "{\"name\":\"" + "x".repeat(5000) + "\"}";
    assertEquals("JSON_STRING_TOO_LONG", code(() -> BadgeDocuments.read(longString, small)));
    byte[] big = ("[" + "1,".repeat(60_000) + "1]").getBytes(StandardCharsets.US_ASCII);
    assertEquals("JSON_TOO_LARGE", code(() -> BadgeDocuments.read(big, small)));
    assertEquals("JSON_TOO_LARGE", code(() -> BadgeDocuments.read(new ByteArrayInputStream(big), small)));
  }

  @Test
  void aCompactJwsIsASignedBadgeNotJson() throws java.io.IOException {
    byte[] jws = java.nio.file.Files.readAllBytes(SpecExamplesTest.VECTORS.resolve("ob2/ob-spec-examples/signed-badge-example.jws"));
    var e = assertThrows(io.github.insignia.openbadges.NotABadgeException.class, () -> BadgeDocuments.read(jws));
    assertEquals(ModelErrorCode.NOT_A_BADGE, e.errorCode());
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("JWS"));
    assertEquals("JSON_MALFORMED", code(() -> BadgeDocuments.read("not.json at all")));
  }

  @Test
  void aByteOrderMarkIsAccepted() {
    byte[] body = "{\"recipient\":\"a@b.c\",\"badge\":{}}".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertEquals(OpenBadgesVersion.V0_5, BadgeDocuments.read(withBom).version());
  }

  @Test
  void duplicateKeys() {
    assertEquals("JSON_DUPLICATE_KEY", code(() -> BadgeDocuments.read("{\"type\":\"Assertion\",\"type\":\"BadgeClass\"}")));
  }

  /** Run with JAZZER_FUZZ=1 to fuzz; under plain {@code mvn verify} it replays its seeds. */
  @FuzzTest(maxDuration = "30s")
  void anyBytesGiveABadgeOrATypedError(byte[] data) {
    try {
      BadgeDocument doc = BadgeDocuments.read(data, ReadOptions.builder().upgrade(data.length % 2 == 0).build());
      BadgeDocuments.read(doc.toJson());
    } catch (OpenBadgesException expected) {
      // typed error: fine
    }
  }
}
