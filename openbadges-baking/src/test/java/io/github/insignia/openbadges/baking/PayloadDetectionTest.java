package io.github.insignia.openbadges.baking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PayloadDetectionTest {
  private static BadgeVersion version(String text) {
    return BadgePayload.of(text).version();
  }

  @Test
  void versionsComeFromThePayload() {
    assertEquals(BadgeVersion.OB_3_0, version(TestImages.OB3_JSON));
    assertEquals(BadgeVersion.OB_3_0, version("{\"@context\":\"https://www.w3.org/ns/credentials/v2\"}"));
    assertEquals(BadgeVersion.CLR_2_0,
        version("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json\"]}"));
    assertEquals(BadgeVersion.OB_2_0, version(TestImages.OB2_JSON));
    assertEquals(BadgeVersion.OB_2_0, version(TestImages.OB2_URL));
    assertEquals(BadgeVersion.OB_1_0, version("{\"recipient\":\"x\",\"badge\":\"https://a.org/b\"}"));
    assertEquals(BadgeVersion.OB_3_0, version(Jws.compact("{}", "{\"vc\":{}}")));
    assertEquals(BadgeVersion.OB_3_0, version(Jws.compact("{}", TestImages.OB3_JSON)));
    assertEquals(BadgeVersion.OB_2_0, version(Jws.compact("{}", TestImages.OB2_JSON)));
  }

  @Test
  void kindsComeFromTheShape() {
    assertEquals(PayloadKind.JSON, BadgePayload.of(" {x", BadgeVersion.OB_2_0).kind());
    assertEquals(PayloadKind.JWS, BadgePayload.of("a.b.c", BadgeVersion.OB_2_0).kind());
    assertEquals(PayloadKind.JWS, BadgePayload.of("a..c", BadgeVersion.OB_2_0).kind());
    assertEquals(PayloadKind.TEXT, BadgePayload.of(".b.c", BadgeVersion.OB_2_0).kind());
    assertEquals(PayloadKind.TEXT, BadgePayload.of("a.b.c.d", BadgeVersion.OB_2_0).kind());
    assertEquals(PayloadKind.URL, BadgePayload.of("HTTPS://A.ORG/x", BadgeVersion.OB_2_0).kind());
    assertEquals(PayloadKind.TEXT, BadgePayload.of("https://a.org/x y", BadgeVersion.OB_2_0).kind());
  }

  @Test
  void unrecognisableJsonNeedsAnExplicitVersion() {
    Expect.code("PAYLOAD_VERSION_UNKNOWN", () -> BadgePayload.of("{\"a\":1}"));
    Expect.code("PAYLOAD_VERSION_UNKNOWN", () -> BadgePayload.of("{broken"));
    Expect.code("PAYLOAD_VERSION_UNKNOWN", () -> BadgePayload.of("a.!!.c"));
  }
}
