package io.github.insignia.openbadges.baking;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import io.github.insignia.openbadges.testvectors.TestVectors;

/** The baked images published in the test vectors (baked/) unbake as MANIFEST.json expects. */
class PublishedVectorsTest {
  private final BadgeBaker baker = BadgeBaker.create();

  private static Path vector(String path) {
    return TestVectors.path(path);
  }

  private static byte[] read(String path) throws IOException {
    return Files.readAllBytes(vector(path));
  }

  @Test
  void everyBakedVectorIsListedInTheManifest() throws IOException {
    JsonNode manifest = SafeJson.read(Files.readAllBytes(vector("MANIFEST.json")));
    long listed = 0;
    for (JsonNode entry : manifest.get("files")) {
      if (entry.get("path").asText().startsWith("baked/")) {
        listed++;
        assertTrue(Files.exists(vector(entry.get("path").asText())), entry.toString());
      }
    }
    assertEquals(10, listed);
  }

  @Test
  void mozillaBakedSvgGivesTheCdataJson() throws IOException {
    UnbakedBadge badge = baker.unbake(read("baked/mozilla-bakery/baked.svg"));
    JsonNode json = SafeJson.read(badge.payload());
    assertEquals("http://example.org", json.get("verify").get("url").asText());
    assertEquals("{\"verify\":{\"url\":\"http://example.org\"}}", badge.payload());
    assertEquals(PayloadKind.JSON, badge.kind());
    assertEquals(Optional.of("http://example.org"), badge.verifyAttribute());
    assertEquals(BadgeVersion.OB_2_0, badge.declaredVersion());
  }

  @Test
  void mozillaNoJsonSvgGivesTheVerifyAttribute() throws IOException {
    UnbakedBadge badge = baker.unbake(read("baked/mozilla-bakery/no-json.svg"));
    assertEquals("http://example.org", badge.payload());
    assertEquals(PayloadKind.URL, badge.kind());
  }

  @Test
  void mozillaBadJsonSvgIsReturnedAsStoredForValidationToJudge() throws IOException {
    UnbakedBadge badge = baker.unbake(read("baked/mozilla-bakery/bad-json.svg"));
    assertEquals("{verify:{\"url\":\"http://example.org\"}}", badge.payload());
    assertEquals(PayloadKind.JSON, badge.kind());
    assertEquals(BadgeVersion.OB_2_0, badge.version(), "the payload says nothing: the namespace decides");
  }

  @Test
  void mozillaUnbakedImagesCarryNoBadge() {
    Expect.code("NO_BADGE", () -> baker.unbake(read("baked/mozilla-bakery/unbaked.png")));
    Expect.code("NO_BADGE", () -> baker.unbake(read("baked/mozilla-bakery/unbaked.svg")));
  }

  @Test
  void mozillaUnbakedPngBakesAndKeepsEveryByte() throws IOException {
    byte[] png = read("baked/mozilla-bakery/unbaked.png");
    byte[] baked = baker.bake(png, BadgePayload.of(TestImages.OB3_JSON));
    assertEquals(TestImages.OB3_JSON, baker.unbake(baked).payload());
    assertArrayEquals(png, baker.removeBadge(baked));
    byte[] svg = read("baked/mozilla-bakery/unbaked.svg");
    assertEquals(TestImages.OB2_URL, baker.unbake(baker.bake(svg, BadgePayload.of(TestImages.OB2_URL))).payload());
  }

  @Test
  void rebakingMozillaBakedSvgReplacesItsAssertion() throws IOException {
    byte[] rebaked = baker.bake(read("baked/mozilla-bakery/baked.svg"), BadgePayload.of(TestImages.OB3_JSON));
    UnbakedBadge badge = baker.unbake(rebaked);
    assertEquals(TestImages.OB3_JSON, badge.payload());
    assertFalse(new String(rebaked, StandardCharsets.UTF_8).contains("openbadges:assertion"));
  }

  @Test
  void ob3SpecJwtExampleGivesTheVerifyAttribute() throws IOException {
    UnbakedBadge badge = baker.unbake(read("baked/ob3-spec/docformat-example-jwt.svg"));
    assertEquals("header.payload.signature", badge.payload());
    assertEquals(PayloadKind.JWS, badge.kind());
    assertEquals(BadgeVersion.OB_3_0, badge.version());
  }

  @Test
  void ob3SpecEmbeddedProofExampleGivesTheCredentialJson() throws IOException {
    UnbakedBadge badge = baker.unbake(read("baked/ob3-spec/docformat-example-embedded-proof.svg"));
    JsonNode json = SafeJson.read(badge.payload());
    assertEquals("http://example.edu/credentials/3732", json.get("id").asText());
    assertTrue(badge.payload().startsWith("{") && badge.payload().endsWith("}"));
    assertEquals(BadgeVersion.OB_3_0, badge.version());
    assertEquals(PayloadKind.JSON, badge.kind());
  }

  @Test
  void ob2SpecHostedExampleIsNotWellFormedButItsAssertionReadsOnceRepaired() throws IOException {
    byte[] asPublished = read("baked/ob2-spec/baking-example-hosted.svg.txt");
    Expect.code("SVG_MALFORMED", () -> baker.unbake(asPublished));
    String repaired = new String(asPublished, StandardCharsets.UTF_8)
        .replace("<rest-of-document...>", "<!-- rest-of-document... -->");
    UnbakedBadge badge = baker.unbake(repaired.getBytes(StandardCharsets.UTF_8));
    JsonNode json = SafeJson.read(badge.payload());
    assertEquals("alice@example.org", json.get("recipient").get("identity").asText());
    assertEquals(Optional.of("https://example.org/assertions/123"), badge.verifyAttribute());
    assertEquals(BadgeVersion.OB_2_0, badge.version());
  }
}
