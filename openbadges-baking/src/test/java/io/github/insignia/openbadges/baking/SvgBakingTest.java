package io.github.insignia.openbadges.baking;

import static io.github.insignia.openbadges.baking.TestImages.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SvgBakingTest {
  private final BadgeBaker baker = BadgeBaker.create();

  private static final String ROOT_END = "height=\"64\">";

  @Test
  void splicesTheOb3ElementRightAfterTheRootStartTagKeepingEveryOtherByte() {
    String svg = utf8(svgBytes());
    String baked = utf8(baker.bake(svgBytes(), BadgePayload.of(OB3_JSON)));
    int cut = svg.indexOf(ROOT_END) + ROOT_END.length();
    String element = "<openbadges:credential xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"><![CDATA["
        + OB3_JSON + "]]></openbadges:credential>";
    assertEquals(svg.substring(0, cut) + element + svg.substring(cut), baked);
    UnbakedBadge badge = baker.unbake(utf8(baked));
    assertEquals(OB3_JSON, badge.payload());
    assertEquals(BadgeVersion.OB_3_0, badge.version());
    assertEquals("{https://purl.imsglobal.org/ob/v3p0}credential", badge.container());
    assertEquals(ImageFormat.SVG, badge.format());
    assertEquals(Optional.empty(), badge.verifyAttribute());
  }

  @Test
  void jwsAndUrlGoInTheVerifyAttribute() {
    String vcJwt = Jws.compact("{\"alg\":\"EdDSA\"}", "{\"vc\":" + OB3_JSON + "}");
    String baked = utf8(baker.bake(svgBytes(), BadgePayload.of(vcJwt)));
    assertTrue(baked.contains("<openbadges:credential xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\" verify=\""
        + vcJwt + "\"></openbadges:credential>"), baked);
    assertEquals(vcJwt, baker.unbake(utf8(baked)).payload());

    String hosted = utf8(baker.bake(svgBytes(), BadgePayload.of(OB2_URL)));
    assertTrue(hosted.contains("<openbadges:assertion xmlns:openbadges=\"http://openbadges.org\" verify=\""
        + OB2_URL + "\"></openbadges:assertion>"), hosted);
    UnbakedBadge badge = baker.unbake(utf8(hosted));
    assertEquals(OB2_URL, badge.payload());
    assertEquals(PayloadKind.URL, badge.kind());
    assertEquals(BadgeVersion.OB_2_0, badge.version());
    assertEquals(Optional.of(OB2_URL), badge.verifyAttribute());
  }

  @Test
  void ob2JsonIsCdataWithItsIdAsVerify() {
    String baked = utf8(baker.bake(svgBytes(), BadgePayload.of(OB2_JSON)));
    assertTrue(baked.contains("<openbadges:assertion xmlns:openbadges=\"http://openbadges.org\" verify=\""
        + OB2_URL + "\"><![CDATA[" + OB2_JSON + "]]></openbadges:assertion>"), baked);
    UnbakedBadge badge = baker.unbake(utf8(baked));
    assertEquals(OB2_JSON, badge.payload());
    assertEquals(Optional.of(OB2_URL), badge.verifyAttribute());
  }

  @Test
  void cdataTerminatorsCarriageReturnsAndSurroundingSpaceRoundTrip() {
    for (String payload : new String[] {"{\"a\":\"]]>\"}", "]]>]]>", "x]]", "a\r\nb\rc", "  {\"x\":1}\n\t", "\r", "]]]>>"}) {
      byte[] baked = baker.bake(svgBytes(), BadgePayload.of(payload, BadgeVersion.OB_3_0));
      assertEquals(payload, baker.unbake(baked).payload(), utf8(baked));
    }
  }

  @Test
  void unbakeIsNamespaceAwareWithAnyPrefixOrADefaultNamespace() {
    String prefixed = svg(" xmlns:ob=\"https://purl.imsglobal.org/ob/v3p0\"",
        "<ob:credential><![CDATA[" + OB3_JSON + "]]></ob:credential>");
    assertEquals(OB3_JSON, baker.unbake(utf8(prefixed)).payload());
    String defaulted = svg("", "<credential xmlns=\"https://purl.imsglobal.org/ob/v3p0\">" + OB3_JSON.replace("&", "&amp;")
        + "</credential>");
    assertEquals(OB3_JSON, baker.unbake(utf8(defaulted)).payload());
    String otherNamespace = svg(" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0/\"",
        "<openbadges:credential>x</openbadges:credential>");
    Expect.code("NO_BADGE", () -> baker.unbake(utf8(otherNamespace)));
    String mistaken = svg(" xmlns:openbadges=\"https://purl.imsglobal.org/spec/ob/v3p0\"",
        "<openbadges:credential>x</openbadges:credential>");
    UnbakedBadge lenient = baker.unbake(utf8(mistaken));
    assertEquals("x", lenient.payload());
    assertEquals(1, lenient.warnings().size(), lenient.warnings().toString());
    String escaped = svg(" xmlns:o=\"http://openbadges.org\"", "<o:assertion verify=\"https://e.org/a?x=1&amp;y=&#50;\"/>");
    assertEquals("https://e.org/a?x=1&y=2", baker.unbake(utf8(escaped)).payload());
  }

  @Test
  void bakingTwiceLeavesOneElementAndReplacesAnOldOne() {
    byte[] once = baker.bake(svgBytes(), BadgePayload.of(OB2_URL));
    byte[] twice = baker.bake(once, BadgePayload.of(OB3_JSON));
    assertArrayEquals(baker.bake(svgBytes(), BadgePayload.of(OB3_JSON)), twice);
    assertArrayEquals(svgBytes(), baker.removeBadge(twice));
    String deep = svg(" xmlns:ob=\"http://openbadges.org\"", "<g><ob:assertion verify=\"https://a.org/1\"/></g>");
    byte[] rebaked = baker.bake(utf8(deep), BadgePayload.of(OB3_JSON));
    assertEquals(OB3_JSON, baker.unbake(rebaked).payload());
    assertTrue(utf8(rebaked).contains("<g></g>"), utf8(rebaked));
  }

  @Test
  void attributeValuesOfEveryLengthAndQuoteAreReadExactly() {
    // The scanner looks for the closing quote eight bytes at a time: try it at every offset.
    for (int n = 0; n < 40; n++) {
      String url = "https://e.org/" + "abcdefghij".repeat(4).substring(0, n);
      for (String quoted : new String[] {"\"" + url + "'\"", "'" + url + "\"'"}) {
        String svg = svg(" xmlns:o=\"http://openbadges.org\"", "<o:assertion  verify=" + quoted + "/>");
        assertEquals(url + quoted.charAt(quoted.length() - 2), baker.unbake(utf8(svg)).payload(), svg);
      }
      String lessThan = svg(" xmlns:o=\"http://openbadges.org\"", "<o:assertion verify=\"" + url + "<\"/>");
      Expect.code("SVG_MALFORMED", () -> baker.unbake(utf8(lessThan)));
      String unterminated = "<svg xmlns:o=\"http://openbadges.org\"><o:assertion verify=\"" + url;
      Expect.code("SVG_MALFORMED", () -> baker.unbake(utf8(unterminated)));
    }
  }

  @Test
  void twoBadgeElementsAreAnError() {
    String two = svg(" xmlns:ob=\"http://openbadges.org\"",
        "<ob:assertion verify=\"https://a.org/1\"/><ob:assertion verify=\"https://a.org/2\"/>");
    Expect.code("BADGE_DUPLICATE", () -> baker.unbake(utf8(two)));
  }

  @Test
  void aSelfClosingRootGetsAnEndTag() {
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>";
    String baked = utf8(baker.bake(utf8(svg), BadgePayload.of(OB2_URL)));
    assertTrue(baked.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><openbadges:assertion"), baked);
    assertTrue(baked.endsWith("</openbadges:assertion></svg>"), baked);
    assertEquals(OB2_URL, baker.unbake(utf8(baked)).payload());
  }

  @Test
  void aPrefixedRootAndAByteOrderMarkAreFine() {
    String svg = "\uFEFF<?xml version='1.0'?><s:svg xmlns:s='http://www.w3.org/2000/svg'><s:g/></s:svg>";
    byte[] baked = baker.bake(utf8(svg), BadgePayload.of(OB3_JSON));
    assertEquals(OB3_JSON, baker.unbake(baked).payload());
    assertTrue(utf8(baked).endsWith("</openbadges:credential><s:g/></s:svg>"));
  }

  @Test
  void anSvgWithoutABadgeIsNoBadge() {
    Expect.code("NO_BADGE", () -> baker.unbake(svgBytes()));
  }

  @Test
  void theInspectorReadsSvgDimensions() {
    ImageInfo info = ImageInspector.inspect(svgBytes());
    assertEquals(ImageFormat.SVG, info.format());
    assertEquals(64, info.width().getAsInt());
    assertTrue(info.isSquare());
    assertFalse(info.carriesBadge());
    ImageInfo box = ImageInspector.inspect(utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 512 256\"/>"));
    assertEquals(512, box.width().getAsInt());
    assertEquals(256, box.height().getAsInt());
    assertTrue(ImageInspector.inspect(baker.bake(svgBytes(), BadgePayload.of(OB2_URL))).carriesBadge());
  }
}
