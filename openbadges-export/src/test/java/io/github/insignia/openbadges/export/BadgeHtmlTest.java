package io.github.insignia.openbadges.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BadgeHtmlTest {
  static final String EVIL = "<script>alert('x')</script> & \"quoted\"";

  BadgeSummary evil() {
    return LinkedInAddToProfileTest.badge().name(EVIL).issuerName(EVIL).description(EVIL)
        .expires(Instant.parse("2030-07-04T12:00:00Z")).build();
  }

  @Test
  void metaTagsAreEscapedAndUsePng() throws Exception {
    String html = BadgeHtml.builder(evil()).pageUrl(new URI("https", "e.org", "/b/1", "x=\"><script>", null))
        .pngImage(URI.create("https://e.org/b/1.png")).build().metaTags();
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("'x'"), html);
    assertTrue(html.contains("<meta property=\"og:image\" content=\"https://e.org/b/1.png\">"), html);
    assertTrue(html.contains("<meta property=\"og:image:type\" content=\"image/png\">"), html);
    assertTrue(html.contains("<meta name=\"twitter:card\" content=\"summary\">"), html);
    assertTrue(html.contains("og:url\" content=\"https://e.org/b/1?x=%22%3E%3Cscript%3E\""), html);
  }

  @Test
  void svgAndDataImagesAreRefusedForOpenGraph() {
    for (String bad : new String[] {"https://e.org/b.svg", "data:image/png;base64,AAAA", "javascript:x"}) {
      ExportException e = assertThrows(ExportException.class, () -> BadgeHtml.builder(evil())
          .pageUrl(URI.create("https://e.org/b")).pngImage(URI.create(bad)).build());
      assertTrue(e.code().equals("OG_IMAGE_NOT_PNG") || e.code().equals("URL_INVALID"), e.code());
    }
  }

  @Test
  void snippetHasImageNameIssuerExpiryAndVerifyLink() {
    String html = BadgeHtml.builder(evil()).pageUrl(URI.create("https://e.org/b/1"))
        .verifyUrl(URI.create("https://verify.example/?u=https%3A%2F%2Fe.org%2Fb%2F1"))
        .pngImage(URI.create("https://e.org/b/1.png")).clock(LinkedInAddToProfileTest.NOW).build().embedSnippet();
    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"), html);
    assertTrue(html.contains("<img src=\"https://e.org/b/1.png\""), html);
    assertTrue(html.contains("Expires <time datetime=\"2030-07-04T12:00:00Z\">4 July 2030</time>"), html);
    assertTrue(html.contains("href=\"https://verify.example/?u=https%3A%2F%2Fe.org%2Fb%2F1\""), html);
    assertTrue(html.contains("Issued by "), html);
  }

  @Test
  void snippetWithoutExpiryHasNoExpiryLine() {
    String html = BadgeHtml.builder(LinkedInAddToProfileTest.badge().build()).clock(LinkedInAddToProfileTest.NOW)
        .build().embedSnippet();
    assertFalse(html.contains("Expires"), html);
  }

  @Test
  void snippetRefusedForRevoked() {
    BadgeHtml html = BadgeHtml.builder(LinkedInAddToProfileTest.badge().status(VerificationStatus.REVOKED).build()).build();
    assertEquals(ExportErrorCode.BADGE_REVOKED, assertThrows(ExportRefusedException.class, html::embedSnippet).errorCode());
    assertTrue(html.metaTags().contains("og:title"));
  }
}
