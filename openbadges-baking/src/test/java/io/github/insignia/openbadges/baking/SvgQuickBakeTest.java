package io.github.insignia.openbadges.baking;

import static io.github.insignia.openbadges.baking.TestImages.*;
import static org.junit.jupiter.api.Assertions.*;

import io.github.insignia.openbadges.OpenBadgesException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Baking reads only the prolog and the root start tag when the rest cannot hold a badge element or a
 * DOCTYPE (see docs/baking.md): these are the cases where that shortcut could go wrong.
 */
class SvgQuickBakeTest {
  private final BadgeBaker baker = BadgeBaker.create();

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">";
  private static final String ELEMENT = "<openbadges:credential xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">"
      + "<![CDATA[" + OB3_JSON + "]]></openbadges:credential>";

  private void bakesAsASplice(String head, String rest) {
    byte[] svg = utf8(head + rest);
    byte[] baked = baker.bake(svg, BadgePayload.of(OB3_JSON));
    assertEquals(head + ELEMENT + rest, utf8(baked));
    assertEquals(OB3_JSON, baker.unbake(baked).payload());
    assertArrayEquals(svg, baker.removeBadge(baked));
    assertArrayEquals(svg, baker.removeBadge(svg));
  }

  @Test
  void badgeNamespacesOutsideBadgeElementsAreNotBadges() {
    for (String where : new String[] {
        "<desc>http://openbadges.org and https://purl.imsglobal.org/ob/v3p0</desc>",
        "<!-- xmlns:openbadges=\"https://purl.imsglobal.org/spec/ob/v3p0\" -->",
        "<a href=\"https://purl.imsglobal.org/ob/v3p0\" data-ns=\"http://openbadges.org\"/>",
        "<text><![CDATA[https://purl.imsglobal.org/clr/v2p0]]></text>",
        "<g xmlns:ob=\"http://openbadges.org\"><ob:image/></g>"}) {
      bakesAsASplice(HEAD, "\n" + where + "\n</svg>\n");
    }
  }

  @Test
  void badgeNamesOutsideBadgeElementsAreNotBadges() {
    for (String where : new String[] {
        "<text>Your credential: an assertion of skill</text>",
        "<!-- <openbadges:credential> was here -->",
        "<text><![CDATA[<ob:assertion verify=\"https://a.org/1\"/>]]></text>",
        "<g data-x=\"<credential>\"/>".replace("<credential>", "&lt;credential>"),
        "<x:credential xmlns:x=\"urn:other\"/><credentials/><assertion/>",
        "<?pi <ob:assertion/>?>"}) {
      bakesAsASplice(HEAD, "\n" + where + "\n</svg>\n");
    }
  }

  @Test
  void aBadgeWhosePrefixIsDeclaredOnTheRootIsReplaced() {
    String head = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:ob=\"http://openbadges.org\">";
    String old = "<ob:assertion verify=\"https://a.org/1\"/>";
    byte[] baked = baker.bake(utf8(head + "<g>" + old + "</g></svg>"), BadgePayload.of(OB3_JSON));
    assertEquals(head + ELEMENT + "<g></g></svg>", utf8(baked));
    assertEquals(OB3_JSON, baker.unbake(baked).payload());
  }

  @Test
  void aBadgeWhoseNamespaceIsWrittenWithCharacterReferencesIsReplaced() {
    // The URI's bytes never occur, so a search for them would miss this badge and bake a second one.
    for (String ns : new String[] {"http&#58;//openbadges&#46;org", "&#x68;ttps://purl.imsglobal.org/ob/v3p0",
        "https://purl.imsglobal.org/spec/ob/v3p0", "https://purl&#46;imsglobal.org/clr/v2p0"}) {
      String name = ns.contains("openbadges") ? "assertion" : "credential";
      String old = "<o:" + name + " xmlns:o=\"" + ns + "\" verify=\"https://a.org/1\"/>";
      byte[] baked = baker.bake(utf8(HEAD + "<g>" + old + "</g></svg>"), BadgePayload.of(OB3_JSON));
      assertEquals(HEAD + ELEMENT + "<g></g></svg>", utf8(baked), ns);
      assertEquals(OB3_JSON, baker.unbake(baked).payload());
    }
  }

  @Test
  void aDoctypeAfterACommentOrProcessingInstructionInThePrologIsRefused() {
    for (String prolog : new String[] {"<!-- made by hand -->\n<!DOCTYPE svg>",
        "<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.css\"?><!doctype svg [<!ENTITY x \"y\">]>",
        "<!-- a --><?pi?>\n<!-- b -->\n<!DocType svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"svg11.dtd\">"}) {
      byte[] svg = utf8(prolog + "\n<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>");
      Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> baker.bake(svg, BadgePayload.of(OB3_JSON)));
      Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> baker.removeBadge(svg));
    }
  }

  @Test
  void aDoctypeAfterTheRootStartTagIsStillRefusedButNotInsideAComment() {
    Expect.code("SVG_DOCTYPE_FORBIDDEN",
        () -> baker.bake(utf8(HEAD + "<g/><!DOCTYPE svg [<!ENTITY x \"y\">]></svg>"), BadgePayload.of(OB3_JSON)));
    bakesAsASplice(HEAD, "<!-- <!DOCTYPE svg> --></svg>");
  }

  @Test
  void aTruncatedSvgIsStillRefused() {
    byte[] svg = svgBytes();
    int end = utf8(svg).lastIndexOf("</svg>") + "</svg>".length();
    for (int len = 1; len < end; len++) {
      byte[] cut = Arrays.copyOf(svg, len);
      OpenBadgesException e = assertThrows(OpenBadgesException.class,
          () -> baker.bake(cut, BadgePayload.of(OB3_JSON)), "length " + len);
      assertTrue(e.code().equals("SVG_MALFORMED") || e.code().equals("IMAGE_FORMAT_UNKNOWN"), len + ": " + e.code());
    }
    bakesAsASplice(HEAD, "</svg  >\r\n\t");
  }

  @Test
  void aBrokenBodyThatEndsWithTheRootEndTagIsBakedAsItIsAndUnbakingReportsIt() {
    // The documented trade-off: bake keeps every byte of such a body without reading it; unbake reads it all.
    String head = "<svg>";
    byte[] baked = baker.bake(utf8(head + "<g></svg>"), BadgePayload.of(OB3_JSON));
    assertEquals(head + ELEMENT + "<g></svg>", utf8(baked));
    Expect.code("SVG_MALFORMED", () -> baker.unbake(baked));
  }
}
