package io.github.insignia.openbadges.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The escaping writer, the form parser and the negotiation rules. */
class InternalsTest {
  @Test
  void writerEscapesTextAndAttributesAndDropsUnsafeUrls() {
    String html = new HtmlWriter()
        .el("p", "<b>\"'&", "title", "\"><script>", "class", null)
        .empty("img", "src", "javascript:alert(1)", "alt", "x")
        .empty("img", "src", "data:image/svg+xml;base64,PHN2Zz4=", "alt", "y")
        .empty("img", "src", "data:image/png;base64,iVBORw0KGgo=", "alt", "z")
        .open("a", "href", "//evil.example/").text("t").close("a")
        .open("a", "href", "#main").text("skip").close("a")
        .toString();
    assertTrue(html.contains("<p title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;&quot;&#39;&amp;</p>"), html);
    assertTrue(html.contains("<img alt=\"x\">"), html);
    assertTrue(html.contains("<img alt=\"y\">"), html);
    assertTrue(html.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""), html);
    assertTrue(html.contains("<a>t</a>"), html);
    assertTrue(html.contains("<a href=\"#main\">"), html);
    assertThrows(IllegalArgumentException.class, () -> new HtmlWriter().open("script onload=x"));
    assertThrows(IllegalArgumentException.class, () -> new HtmlWriter().open("p", "on click", "x"));
    assertEquals("ab", HtmlWriter.escape("a\u0000b"));
  }

  @Test
  void multipartFieldsAndMalformedBodies() {
    String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
        + "\u0001\u0002--X\r\n--XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello\r\n--XyZ--\r\n";
    Map<String, byte[]> f = Multipart.parse(body.getBytes(StandardCharsets.ISO_8859_1), "XyZ");
    assertEquals("\u0001\u0002--X", new String(f.get("file"), StandardCharsets.ISO_8859_1));
    assertEquals("hello", new String(f.get("text"), StandardCharsets.UTF_8));
    assertEquals(Optional.of("XyZ"), Multipart.boundary("multipart/form-data; boundary=XyZ"));
    assertEquals(Optional.of("a b"), Multipart.boundary("multipart/form-data; boundary=\"a b\""));
    assertEquals(Optional.empty(), Multipart.boundary("text/plain"));
    Random random = new Random(15);
    for (int i = 0; i < 2000; i++) {
      byte[] junk = new byte[random.nextInt(300)];
      random.nextBytes(junk);
      if (i % 2 == 0 && junk.length > 20) {
        System.arraycopy("--XyZ\r\n".getBytes(StandardCharsets.US_ASCII), 0, junk, random.nextInt(junk.length - 8), 7);
      }
      Multipart.parse(junk, "XyZ"); // never throws
      Multipart.parseUrlEncoded(junk);
    }
    assertEquals("a b&", new String(Multipart.parseUrlEncoded("text=a+b%26&x=%zz".getBytes(StandardCharsets.US_ASCII)).get("text"),
        StandardCharsets.UTF_8));
  }

  @Test
  void negotiation() {
    assertEquals(Optional.of("application/ld+json"), Negotiation.preferredJson(Optional.of("application/ld+json")));
    assertEquals(Optional.of("application/json"), Negotiation.preferredJson(Optional.of("application/json, */*;q=0.1")));
    assertEquals(Optional.empty(), Negotiation.preferredJson(Optional.of("text/html,application/xhtml+xml,*/*;q=0.8")));
    assertEquals(Optional.empty(), Negotiation.preferredJson(Optional.of("*/*")));
    assertEquals(Optional.empty(), Negotiation.preferredJson(Optional.empty()));
    assertEquals(Optional.of("application/ld+json"), Negotiation.preferredJson(Optional.of("text/html;q=0.4, application/ld+json")));
    assertEquals("es", Negotiation.language(Optional.empty(), Optional.of("es-AR, en;q=0.5")));
    assertEquals("en", Negotiation.language(Optional.empty(), Optional.of("fr, en;q=0.3, es;q=0.2")));
    assertEquals("es", Negotiation.language(Optional.of("ES"), Optional.of("en")));
    assertEquals("en", Negotiation.language(Optional.of("de"), Optional.of("q=;;,,")));
    assertNull(HtmlWriter.safeUrl(" JavaScript:alert(1)", false));
  }
}
