package io.github.insignia.openbadges.baking;

import static io.github.insignia.openbadges.baking.TestImages.OB2_URL;
import static io.github.insignia.openbadges.baking.TestImages.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SVGs with the standard external DOCTYPE that editors write bake and unbake, keeping the DOCTYPE
 * byte for byte and never reading the DTD; every other DOCTYPE is refused.
 */
class SvgDoctypeTest {
  private final BadgeBaker baker = BadgeBaker.create();

  static final List<String> STANDARD = List.of(
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">",
      "<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN'\n  'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd' >",
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.0//EN\" \"http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd\">",
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1 Tiny//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11-tiny.dtd\">",
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1 Basic//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11-basic.dtd\">");

  static byte[] svg(String doctype, String body) {
    return utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<!-- Created with Inkscape -->\n"
        + doctype + "\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">\n" + body + "\n</svg>\n");
  }

  @Test
  void theStandardDoctypesBakeAndUnbakeKeepingTheDoctypeByteForByte() {
    for (String doctype : STANDARD) {
      for (String body : List.of("<circle r=\"3\"/>", "<circle r=\"3\"/><title>assertion credential</title>")) {
        byte[] image = svg(doctype, body);
        byte[] baked = baker.bake(image, BadgePayload.of(OB2_URL));
        String text = utf8(baked);
        assertTrue(text.contains("\n" + doctype + "\n<svg"), text);
        assertEquals(OB2_URL, baker.unbake(baked).payload());
        // Removing the badge gives the original bytes back.
        assertArrayEquals(image, baker.removeBadge(baked));
        // Baking again replaces the badge, the DOCTYPE still in place.
        byte[] rebaked = baker.bake(baked, BadgePayload.of(OB2_URL + "/2"));
        assertTrue(utf8(rebaked).contains(doctype));
        assertEquals(OB2_URL + "/2", baker.unbake(rebaked).payload());
      }
      assertEquals(ImageFormat.SVG, ImageInspector.inspect(svg(doctype, "")).format());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // an internal subset, with or without entities
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" []>",
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" "
          + "[<!ENTITY ns_svg \"http://www.w3.org/2000/svg\">]>",
      "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
      // SYSTEM pointing elsewhere
      "<!DOCTYPE svg SYSTEM \"http://127.0.0.1:1/evil.dtd\">",
      "<!DOCTYPE svg SYSTEM \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">",
      // a W3C public id with a system id that is not its own
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://attacker.example/svg11.dtd\">",
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"file:///etc/passwd\">",
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd\">",
      // another public id, another root, no system id, cut short
      "<!DOCTYPE svg PUBLIC \"-//ATTACKER//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">",
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">",
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\">",
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\"",
      "<!DOCTYPE svg>",
      // two DOCTYPEs
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">"
          + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">"})
  void hostileDoctypesAreRefusedWhenBakingAndUnbaking(String doctype) {
    byte[] image = svg(doctype, "<circle r=\"3\"/>");
    Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> baker.bake(image, BadgePayload.of(OB2_URL)));
    Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> baker.unbake(image));
    Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> ImageInspector.inspect(image));
  }

  @Test
  void aDoctypeAfterTheRootIsRefused() {
    String standard = STANDARD.get(0);
    byte[] image = utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>" + standard);
    Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> baker.unbake(image));
    byte[] inside = utf8("<svg xmlns=\"http://www.w3.org/2000/svg\">" + standard + "<g/></svg>");
    Expect.code("SVG_DOCTYPE_FORBIDDEN", () -> baker.bake(inside, BadgePayload.of(OB2_URL)));
  }
}
