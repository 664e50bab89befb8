package io.github.insignia.openbadges.baking;

import static org.junit.jupiter.api.Assertions.*;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties over generated PNGs and SVGs and any Unicode payload an image can carry. */
class BakingPropertiesTest {
  private final BadgeBaker baker = BadgeBaker.create();

  /** Any code points; those neither XML nor a PNG text can carry become 'x'. */
  private static Gen<String> payloads() {
    return strings().betweenCodePoints(0, 0x10FFFF).ofLengthBetween(1, 300).map(BakingPropertiesTest::carriable);
  }

  static String carriable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> {
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      b.appendCodePoint(ok ? cp : 'x');
    });
    return b.toString();
  }

  private static final BadgeVersion[] VERSIONS = BadgeVersion.values();

  /** A generated PNG: random size and pixels, sometimes an extra text chunk. */
  private static byte[] png(int seed) {
    Random r = new Random(seed);
    byte[] png = TestImages.png(1 + r.nextInt(24), 1 + r.nextInt(24), r.nextBoolean());
    if (r.nextBoolean()) {
      png = TestImages.insertBeforeIend(png, TestImages.tEXt("Comment", "seed " + seed));
    }
    return png;
  }

  /** A generated SVG: prolog, comments, nested groups, text with references. */
  private static byte[] svg(int seed) {
    Random r = new Random(seed);
    StringBuilder body = new StringBuilder();
    for (int i = 0, n = r.nextInt(6); i < n; i++) {
      switch (r.nextInt(4)) {
        case 0 -> body.append("<!-- comment ").append(i).append(" -->");
        case 1 -> body.append("<g id='g").append(i).append("'><rect width=\"").append(r.nextInt(99)).append("\"/></g>");
        case 2 -> body.append("<text>a &amp; b &#x263A; <![CDATA[<raw>]]></text>");
        default -> body.append("\n  <?pi data?>\r\n");
      }
    }
    String prolog = r.nextBoolean() ? "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" : "";
    String root = r.nextBoolean() ? "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 9 9\">"
        : "<svg\n  xmlns='http://www.w3.org/2000/svg'\n  width='9'\n  height='9'\n>";
    return TestImages.utf8(prolog + root + body + "</svg>\n");
  }

  @Test
  void unbakeOfBakeIsThePayloadForPng() {
    qt().withExamples(150).forAll(integers().all(), payloads(), integers().between(0, VERSIONS.length - 1))
        .checkAssert((seed, payload, v) -> {
          byte[] baked = baker.bake(png(seed), BadgePayload.of(payload, VERSIONS[v]));
          assertEquals(payload, baker.unbake(baked).payload());
        });
  }

  @Test
  void unbakeOfBakeIsThePayloadForSvg() {
    qt().withExamples(300).forAll(integers().all(), payloads(), integers().between(0, VERSIONS.length - 1))
        .checkAssert((seed, payload, v) -> {
          byte[] baked = baker.bake(svg(seed), BadgePayload.of(payload, VERSIONS[v]));
          assertEquals(payload, baker.unbake(baked).payload(), TestImages.utf8(baked));
        });
  }

  @Test
  void bakingTwiceLeavesExactlyOneBadge() {
    qt().withExamples(100).forAll(integers().all(), payloads(), payloads()).checkAssert((seed, first, second) -> {
      for (byte[] image : new byte[][] {png(seed), svg(seed)}) {
        byte[] once = baker.bake(image, BadgePayload.of(first, BadgeVersion.OB_2_0));
        byte[] twice = baker.bake(once, BadgePayload.of(second, BadgeVersion.OB_3_0));
        assertEquals(second, baker.unbake(twice).payload());
        assertTrue(baker.find(baker.removeBadge(twice)).isEmpty());
        assertArrayEquals(baker.bake(image, BadgePayload.of(second, BadgeVersion.OB_3_0)), twice);
      }
    });
  }

  @Test
  void removingTheBadgeChunkGivesBackTheOriginalPng() {
    qt().withExamples(150).forAll(integers().all(), payloads()).checkAssert((seed, payload) -> {
      byte[] png = png(seed);
      assertArrayEquals(png, baker.removeBadge(baker.bake(png, BadgePayload.of(payload, BadgeVersion.OB_3_0))));
    });
  }

  @Test
  void bakingAnSvgOnlyAddsTheElement() {
    qt().withExamples(150).forAll(integers().all(), payloads()).checkAssert((seed, payload) -> {
      byte[] svg = svg(seed);
      byte[] baked = baker.bake(svg, BadgePayload.of(payload, BadgeVersion.OB_3_0));
      assertArrayEquals(svg, baker.removeBadge(baked));
    });
  }
}
