package io.github.insignia.openbadges.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any Unicode name, issuer and page URL survive the generated links: the query parsed back gives
 * the same strings. Fragments of the special characters that broke other platforms are mixed in.
 */
class LinkRoundTripPropertyTest {
  static final List<String> NASTY = List.of("&", "#", "+", "?", "%", "%20", "=", " ", "é", "ñ", "Ω", "😀",
      "👩🏽‍🚀", "&amp;", "%E2%82", "/", "\\", "\"", "'", "<", "中文", "\u00A0", "\u200B", ";", ",");

  static Gen<String> codePoint() {
    // Surrogate code points are not characters: move them up into the private use area.
    Gen<String> any = integers().between(0x20, 0x10FFFF)
        .map(cp -> new String(Character.toChars(cp >= 0xD800 && cp <= 0xDFFF ? cp + 0x800 : cp)));
    return Generate.pick(NASTY).mix(any, 50);
  }

  static Gen<String> text(int min) {
    // Names may not be blank (BadgeSummary refuses them), so blank draws get a visible letter.
    return lists().of(codePoint()).ofSizeBetween(min, 24).map(parts -> String.join("", parts))
        .map(s -> min > 0 && s.isBlank() ? "x" + s : s);
  }

  static URI page(String segment, String query) {
    try {
      return new URI("https", "badges.example.org", "/b/" + segment, query, null);
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void linkedInRoundTrip() {
    qt().withExamples(300).forAll(text(1), text(1), text(0)).checkAssert((name, issuer, seg) -> {
      URI page = page(seg, "q=" + seg);
      BadgeSummary badge = BadgeSummary.builder(name).issuerName(issuer).credentialId(name + issuer)
          .status(VerificationStatus.VERIFIED).build();
      URI link = LinkedInAddToProfile.builder(badge).certUrl(page).build();
      assertFalse(link.toString().contains(" "));
      assertEquals(name, Links.one(link, "name"));
      assertEquals(issuer, Links.one(link, "organizationName"));
      assertEquals(name + issuer, Links.one(link, "certId"));
      assertEquals(page.toASCIIString(), Links.one(link, "certUrl"));
      assertEquals(URI.create(link.toString()), link);
    });
  }

  @Test
  void shareRoundTrip() {
    qt().withExamples(150).forAll(text(1), text(1), text(0)).checkAssert((name, issuer, seg) -> {
      URI page = page(seg, null);
      BadgeSummary badge = BadgeSummary.builder(name).issuerName(issuer).status(VerificationStatus.VERIFIED).build();
      ShareLinks links = ShareLinks.builder(badge).pageUrl(page).mastodonInstance("mastodon.social").build();
      String text = "I earned " + name + " from " + issuer;
      assertEquals(page.toASCIIString(), Links.one(links.link(ShareNetwork.LINKEDIN), "url"));
      assertEquals(text, Links.one(links.link(ShareNetwork.X), "text"));
      assertEquals(page.toASCIIString(), Links.one(links.link(ShareNetwork.X), "url"));
      assertEquals(page.toASCIIString(), Links.one(links.link(ShareNetwork.FACEBOOK), "u"));
      assertEquals(text + " " + page.toASCIIString(), Links.one(links.link(ShareNetwork.WHATSAPP), "text"));
      assertEquals(text, Links.one(links.link(ShareNetwork.TELEGRAM), "text"));
      assertEquals(text + " " + page.toASCIIString(), Links.one(links.link(ShareNetwork.BLUESKY), "text"));
      assertEquals(text + " " + page.toASCIIString(), Links.one(links.link(ShareNetwork.MASTODON), "text"));
    });
  }
}
