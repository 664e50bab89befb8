package io.github.insignia.openbadges.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShareLinksTest {
  static final URI PAGE = URI.create("https://badges.example.org/b/42?a=1&b=2#top");

  ShareLinks links() {
    return ShareLinks.builder(LinkedInAddToProfileTest.badge().build()).pageUrl(PAGE)
        .mastodonInstance("https://Mastodon.Social/").clock(LinkedInAddToProfileTest.NOW).build();
  }

  @Test
  void everyNetworkCarriesTheUrlWhole() {
    for (ShareNetwork n : ShareNetwork.values()) {
      URI link = links().link(n);
      assertTrue(link.toString().startsWith("https://"), link.toString());
      assertFalse(link.getRawQuery().contains("#"), link.toString());
      String all = String.join(" ", Links.query(link).values().stream().flatMap(java.util.List::stream).toList());
      assertTrue(all.contains(PAGE.toString()), n + ": " + link);
    }
  }

  @Test
  void exactShapes() {
    ShareLinks l = links();
    assertEquals("https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fbadges.example.org%2Fb%2F42%3Fa%3D1%26b%3D2%23top",
        l.link(ShareNetwork.LINKEDIN).toString());
    assertEquals("I earned Ciencia & Tecnología from Universidad de Ejemplo", Links.one(l.link(ShareNetwork.X), "text"));
    assertTrue(l.link(ShareNetwork.X).toString().startsWith("https://x.com/intent/tweet?text=I%20earned%20Ciencia%20%26%20Tecnolog%C3%ADa"));
    assertEquals(PAGE.toString(), Links.one(l.link(ShareNetwork.FACEBOOK), "u"));
    assertTrue(l.link(ShareNetwork.WHATSAPP).toString().startsWith("https://wa.me/?text="));
    assertEquals(PAGE.toString(), Links.one(l.link(ShareNetwork.TELEGRAM), "url"));
    assertTrue(l.link(ShareNetwork.BLUESKY).toString().startsWith("https://bsky.app/intent/compose?text="));
    assertTrue(l.link(ShareNetwork.MASTODON).toString().startsWith("https://mastodon.social/share?text="));
  }

  @Test
  void mastodonNeedsAValidInstance() {
    ShareLinks noInstance = ShareLinks.builder(LinkedInAddToProfileTest.badge().build()).pageUrl(PAGE)
        .clock(LinkedInAddToProfileTest.NOW).build();
    assertEquals(ExportErrorCode.MASTODON_INSTANCE_MISSING,
        assertThrows(ExportException.class, () -> noInstance.link(ShareNetwork.MASTODON)).errorCode());
    for (String bad : new String[] {"evil.com/@x?", "javascript:alert(1)", "a b.com", "user@host.com", "localhost"}) {
      assertEquals(ExportErrorCode.MASTODON_INSTANCE_INVALID, assertThrows(ExportException.class,
          () -> ShareLinks.builder(LinkedInAddToProfileTest.badge().build()).mastodonInstance(bad)).errorCode(), bad);
    }
  }

  @Test
  void refusedForRevokedAndExpired() {
    assertEquals(ExportErrorCode.BADGE_REVOKED, assertThrows(ExportRefusedException.class, () -> ShareLinks.builder(
        LinkedInAddToProfileTest.badge().status(VerificationStatus.REVOKED).build()).pageUrl(PAGE).build()).errorCode());
    assertEquals(ExportErrorCode.BADGE_EXPIRED, assertThrows(ExportRefusedException.class, () -> ShareLinks.builder(
        LinkedInAddToProfileTest.badge().expires(Instant.parse("2020-01-01T00:00:00Z")).build()).pageUrl(PAGE)
        .clock(LinkedInAddToProfileTest.NOW).build()).errorCode());
  }

  @Test
  void parsesNetworkNames() {
    assertEquals(ShareNetwork.X, ShareNetwork.parse("twitter").orElseThrow());
    assertEquals(ShareNetwork.MASTODON, ShareNetwork.parse(" Mastodon ").orElseThrow());
    assertTrue(ShareNetwork.parse("myspace").isEmpty());
  }
}
