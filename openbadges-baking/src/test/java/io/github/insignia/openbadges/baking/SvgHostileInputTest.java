package io.github.insignia.openbadges.baking;

import static io.github.insignia.openbadges.baking.TestImages.*;
import static org.junit.jupiter.api.Assertions.*;

import io.github.insignia.openbadges.OpenBadgesException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hostile SVGs: typed errors, no entity is ever expanded, no file or URL is ever read. */
class SvgHostileInputTest {
  private final BadgeBaker baker = BadgeBaker.create();

  private static byte[] withDoctype(String doctype) {
    return utf8("<?xml version=\"1.0\"?>\n" + doctype + "\n<svg xmlns=\"http://www.w3.org/2000/svg\""
        + " xmlns:ob=\"http://openbadges.org\"><ob:assertion verify=\"&x;\"/></svg>");
  }

  @Test
  void aDoctypeOtherThanTheStandardSvgOneIsRefused() {
    // The standard one is accepted (SvgDoctypeTest); its entity-free DTD is never read, so &x; stays undefined.
    Expect.code("SVG_MALFORMED", () -> baker.unbake(withDoctype(
        "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">")));
    Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> baker.bake(withDoctype("<!doctype svg>"), BadgePayload.of(OB2_URL)));
  }

  @Test
  void externalEntitiesCannotBeRead() {
    Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> baker.unbake(withDoctype(
        "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")));
    Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> baker.unbake(withDoctype(
        "<!DOCTYPE svg [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %p;]>")));
    // Without a DOCTYPE an entity is simply undefined.
    String undefined = svg(" xmlns:ob=\"http://openbadges.org\"", "<ob:assertion verify=\"&x;\"/>");
    Expect.code("SVG_MALFORMED", () -> baker.unbake(utf8(undefined)));
    Expect.code("SVG_MALFORMED", () -> baker.unbake(utf8(svg("", "<!ENTITY x \"y\">"))));
  }

  @Test
  void billionLaughsIsRefusedBeforeAnyExpansion() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE svg [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">");
    }
    dtd.append("]>");
    byte[] svg = utf8("<?xml version=\"1.0\"?>" + dtd + "<svg xmlns=\"http://www.w3.org/2000/svg\""
        + " xmlns:ob=\"http://openbadges.org\"><ob:assertion>&lol9;</ob:assertion></svg>");
    Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> baker.unbake(svg));
  }

  @Test
  void aHugeSvgStreamStopsAtTheSizeLimit() {
    // 200 MB that are never held: the stream is generated and reading stops after the limit.
    byte[] head = svgBytes();
    PngHostileInputTest.CountingStream body = new PngHostileInputTest.CountingStream(200L * 1024 * 1024);
    BadgeBaker bounded = BadgeBaker.create(BakingOptions.builder().maxImageBytes(4 * 1024 * 1024).build());
    OpenBadgesException e = Expect.code("IMAGE_TOO_LARGE",
        () -> bounded.unbake(new SequenceInputStream(new java.io.ByteArrayInputStream(head), body)));
    assertTrue(e.getMessage().contains("4194304"), e.getMessage());
    assertTrue(body.served < 5 * 1024 * 1024, "read " + body.served);
  }

  @Test
  void theDefaultLimitAlsoStopsA200MegabyteSvg() {
    PngHostileInputTest.CountingStream body = new PngHostileInputTest.CountingStream(200L * 1024 * 1024);
    Expect.code("IMAGE_TOO_LARGE", () -> baker.unbake(new SequenceInputStream(
        new java.io.ByteArrayInputStream(utf8("<svg>")), body)));
    assertTrue(body.served <= BakingOptions.DEFAULT_MAX_IMAGE_BYTES + 1, "read " + body.served);
  }

  @Test
  void nonUtf8TextIsAnEncodingError() {
    byte[] svg = utf8(svg(" xmlns:ob=\"http://openbadges.org\"", "<ob:assertion>@@@</ob:assertion>"));
    int at = utf8(svg).indexOf("@@@");
    svg[at] = (byte) 0xFF;
    svg[at + 1] = (byte) 0xFE;
    Expect.code("TEXT_ENCODING_INVALID", () -> baker.unbake(svg));
    byte[] latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><svg/>".getBytes(StandardCharsets.ISO_8859_1);
    Expect.code("TEXT_ENCODING_INVALID", () -> baker.bake(latin, BadgePayload.of(OB2_URL)));
  }

  @Test
  void truncatedAndBrokenSvgsAreMalformed() {
    byte[] baked = baker.bake(svgBytes(), BadgePayload.of(OB3_JSON));
    String text = utf8(baked);
    int rootEnd = text.indexOf("</svg>");
    for (int len = 1; len < rootEnd; len++) {
      byte[] cut = Arrays.copyOf(baked, len);
      OpenBadgesException e = assertThrows(OpenBadgesException.class, () -> baker.unbake(cut), "length " + len);
      assertTrue(e.code().equals("SVG_MALFORMED") || e.code().equals("IMAGE_FORMAT_UNKNOWN"), len + ": " + e.code());
    }
    for (String broken : new String[] {"<svg><g></svg>", "<svg a=b/>", "<svg a=\"1\"b=\"2\"/>", "<svg/><svg/>",
        "<svg><x:credential/></svg>", "<svg/>text", "<svg><!-- x </svg>", "<svg a=\"<\"/>", "<svg>&#0;</svg>"}) {
      String svg = broken.contains("&#0;") ? "<svg xmlns:ob=\"http://openbadges.org\"><ob:assertion>&#0;</ob:assertion></svg>" : broken;
      Expect.code("SVG_MALFORMED", () -> baker.unbake(utf8(svg)));
    }
  }

  @Test
  void notAnSvgIsUnknownFormat() {
    Expect.code("IMAGE_FORMAT_UNKNOWN", () -> baker.unbake(utf8("<html><body/></html>")));
    Expect.code("IMAGE_FORMAT_UNKNOWN", () -> baker.unbake(utf8("{\"json\":true}")));
  }

  @Test
  void deepNestingHitsTheLimit() {
    String deep = "<svg>" + "<g>".repeat(1000) + "</g>".repeat(1000) + "</svg>";
    Expect.code("SVG_TOO_DEEP", () -> baker.unbake(utf8(deep)));
  }

  @Test
  void anOversizedBadgeTextIsRejected() {
    BadgeBaker tight = BadgeBaker.create(BakingOptions.builder().maxPayloadBytes(16).build());
    String svg = svg(" xmlns:ob=\"http://openbadges.org\"", "<ob:assertion><![CDATA[" + "x".repeat(100) + "]]></ob:assertion>");
    Expect.code("PAYLOAD_TOO_LARGE", () -> tight.unbake(utf8(svg)));
  }

  @Test
  void payloadsXmlCannotCarryAreRejected() {
    Expect.code("PAYLOAD_INVALID", () -> baker.bake(svgBytes(), BadgePayload.of("a\u0001b", BadgeVersion.OB_3_0)));
    Expect.code("PAYLOAD_INVALID", () -> baker.bake(svgBytes(), BadgePayload.of("\uFFFE", BadgeVersion.OB_3_0)));
  }
}
