package io.github.insignia.openbadges.signing.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import io.github.insignia.openbadges.signing.rdf.internal.GeneralProcessor;
import io.github.insignia.openbadges.signing.rdf.internal.PinnedContextLoader;
import io.github.insignia.openbadges.signing.rdf.internal.Quad;
import io.github.insignia.openbadges.signing.rdf.internal.Rdfc;
import io.github.insignia.openbadges.signing.rdf.internal.TitaniumRdfc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The common-case RDFC-1.0 gives titanium-rdfc's bytes and identifier map. */
class RdfcCommonCaseTest {
  private static final CanonicalizationOptions OPTIONS = CanonicalizationOptions.defaults();

  @Test
  void sameAsTitaniumRdfcOnGeneratedCredentials() {
    GeneralProcessor general =
        new GeneralProcessor(
            CanonicalizationOptions.builder().safeMode(false).build(),
            new PinnedContextLoader(PinnedDocuments.loader()));
    CredentialGenerator generator = new CredentialGenerator(7, 0.1);
    for (int i = 0; i < 60; i++) {
      JsonNode doc = generator.credential();
      List<Quad> quads;
      try {
        quads = general.toQuads(doc);
      } catch (CanonicalizationException e) {
        continue;
      }
      assertEquals(TitaniumRdfc.canonicalize(quads, OPTIONS), Rdfc.canonicalize(quads, OPTIONS));
    }
  }

  /** Our N-Quads reader reads every suite input exactly as titanium's reader does. */
  @Test
  void readerAgreesWithTitaniumsOnTheSuite() throws Exception {
    java.nio.file.Path dir =
        io.github.insignia.openbadges.testvectors.TestVectors.path("rdf-canon", "rdfc10");
    int files = 0;
    try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(dir)) {
      for (java.nio.file.Path in : (Iterable<java.nio.file.Path>) list.sorted()::iterator) {
        if (!in.toString().endsWith(".nq")) {
          continue;
        }
        String text = java.nio.file.Files.readString(in);
        List<Quad> theirs = new java.util.ArrayList<>();
        new com.apicatalog.rdf.nquads.NQuadsReader(new java.io.StringReader(text))
            .provide(
                (s, p, o, dt, lang, dir2, g) -> {
                  theirs.add(new Quad(s, p, o, dt, lang, dir2, g));
                  return null;
                });
        assertEquals(theirs, io.github.insignia.openbadges.signing.rdf.internal.NQuadsInput.read(text, 100_000), in::toString);
        files++;
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(files > 100);
  }

  @Test
  void escapingIsTitaniumsWritersEscaping() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      all.append(c);
    }
    all.append("\uD83D\uDE00 \uFFFD \uE000");
    String text = all.toString();
    assertEquals(
        com.apicatalog.rdf.nquads.NQuadsAlphabet.escape(text),
        Rdfc.escape(new StringBuilder(), text).toString());
  }

  @Test
  void literalThatLooksLikeABlankNodeIsALiteral() {
    String nquads =
        "_:x <http://example.org/p> \"_:x\" .\n"
            + "_:y <http://example.org/p> \"tab\\there \\\"quoted\\\" \\u0001\"@en .\n"
            + "_:x <http://example.org/q> _:y <http://example.org/g> .\n";
    RdfCanonicalizer c = RdfCanonicalizer.create();
    List<Quad> quads =
        List.of(
            new Quad("_:x", "http://example.org/p", "_:x", "http://www.w3.org/2001/XMLSchema#string", null, null, null),
            new Quad("_:y", "http://example.org/p", "tab\there \"quoted\" \u0001", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString", "en", null, null),
            new Quad("_:x", "http://example.org/q", "_:y", null, null, null, "http://example.org/g"));
    assertEquals(TitaniumRdfc.canonicalize(quads, OPTIONS), Rdfc.canonicalize(quads, OPTIONS));
    assertEquals(TitaniumRdfc.canonicalize(quads, OPTIONS).nquads(), c.canonicalizeNQuads(nquads));
  }
}
