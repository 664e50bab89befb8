package io.github.insignia.openbadges.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Documents are read from the jar on first use, so every catalog entry is checked here, not at start. */
class PinnedDocumentsTest {
  @Test
  void everyCatalogEntryIsInTheJar() {
    assertFalse(PinnedDocuments.urls().isEmpty());
    for (String url : PinnedDocuments.urls()) {
      PinnedDocument doc = PinnedDocuments.find(url).orElseThrow(() -> new AssertionError(url));
      assertEquals(url, doc.url().toString());
      assertTrue(doc.bytes().length > 0, url);
    }
  }

  @Test
  void aDocumentIsReadOnceAndSharedAndAliasesResolve() {
    String url = "https://www.w3.org/ns/credentials/v2";
    assertSame(PinnedDocuments.find(url).orElseThrow(), PinnedDocuments.find(url + "#frag").orElseThrow());
    assertEquals(PinnedDocuments.find(url).orElseThrow().text(),
        PinnedDocuments.find("http://www.w3.org/ns/credentials/v2").orElseThrow().text());
    assertTrue(PinnedDocuments.find("https://example.org/not-pinned").isEmpty());
  }
}
