package io.github.insignia.openbadges.signing.rdf;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.documents.PinnedDocument;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Safe mode: whatever JSON-LD would drop silently is a typed error, on both paths. */
class SafeModeTest {
  private static ObjectNode credential() throws IOException {
    return (ObjectNode)
        SpecVectorsTest.json(SpecVectorsTest.VECTORS.resolve("ob-spec-obv3p0/credential-unsigned.json"));
  }

  private static RdfCanonicalizer canonicalizer(boolean fastPath) {
    return RdfCanonicalizer.create(CanonicalizationOptions.builder().fastPath(fastPath).build());
  }

  private static void assertCode(SigningErrorCode code, boolean fastPath, Consumer<ObjectNode> change)
      throws IOException {
    ObjectNode doc = credential();
    change.accept(doc);
    CanonicalizationException e =
        assertThrows(CanonicalizationException.class, () -> canonicalizer(fastPath).canonicalize(doc));
    assertEquals(code, e.errorCode(), e.getMessage());
    assertFalse(e.getMessage().isBlank());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void undefinedTermIsAnError(boolean fastPath) throws IOException {
    assertCode(SigningErrorCode.JSONLD_UNDEFINED_TERM, fastPath, d -> d.put("injected", "x"));
    assertCode(
        SigningErrorCode.JSONLD_UNDEFINED_TERM,
        fastPath,
        d -> ((ObjectNode) d.get("credentialSubject").get("achievement")).put("grade", "A+"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void relativeIrisAreErrors(boolean fastPath) throws IOException {
    assertCode(
        SigningErrorCode.JSONLD_RELATIVE_IRI, fastPath, d -> ((ArrayNode) d.get("type")).add("Foo"));
    assertCode(SigningErrorCode.JSONLD_RELATIVE_IRI, fastPath, d -> d.put("id", "credentials/1"));
    assertCode(
        SigningErrorCode.JSONLD_RELATIVE_IRI,
        fastPath,
        d -> ((ObjectNode) d.get("issuer")).put("id", "issuers/1"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void iriWithForbiddenCharacterIsAnError(boolean fastPath) throws IOException {
    assertCode(
        SigningErrorCode.JSONLD_INVALID_IRI, fastPath, d -> d.put("id", "https://example.org/a b"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void unpairedSurrogateIsAnError(boolean fastPath) throws IOException {
    // an unpaired surrogate and "?" would both hash as "?" in UTF-8: one signature, two documents
    assertCode(SigningErrorCode.RDF_INVALID_UNICODE, fastPath, d -> d.put("name", "Team\uD800work"));
    assertCode(
        SigningErrorCode.RDF_INVALID_UNICODE,
        fastPath,
        d -> ((ObjectNode) d.get("credentialSubject")).put("id", "did:example:\uDC00"));
    ObjectNode ok = credential();
    ok.put("name", "Teamwork \uD83D\uDE00");
    assertTrue(canonicalizer(fastPath).canonicalize(ok).contains("Teamwork \uD83D\uDE00"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void contextNotPinnedIsAnErrorAndNeverFetched(boolean fastPath) throws IOException {
    assertCode(
        SigningErrorCode.JSONLD_CONTEXT_NOT_PINNED,
        fastPath,
        d -> ((ArrayNode) d.get("@context")).add("https://example.org/evil-context.json"));
    assertCode(
        SigningErrorCode.JSONLD_CONTEXT_NOT_PINNED,
        fastPath,
        d -> ((ArrayNode) d.get("@context")).add("http://127.0.0.1:1/private.json"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void invalidJsonLdIsTyped(boolean fastPath) throws IOException {
    // redefining a protected term of the pinned contexts
    assertCode(
        SigningErrorCode.JSONLD_INVALID,
        fastPath,
        d -> ((ArrayNode) d.get("@context")).addObject().put("name", "https://example.org/evil#name"));
    ObjectNode doc = credential();
    doc.put("@context", 42);
    assertThrows(CanonicalizationException.class, () -> canonicalizer(fastPath).canonicalize(doc));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void quadLimit(boolean fastPath) throws IOException {
    RdfCanonicalizer small =
        RdfCanonicalizer.create(CanonicalizationOptions.builder().fastPath(fastPath).maxQuads(5).build());
    CanonicalizationException e =
        assertThrows(CanonicalizationException.class, () -> small.canonicalize(credential()));
    assertEquals(SigningErrorCode.RDF_TOO_LARGE, e.errorCode());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void deepNestingIsALimitNotAStackOverflow(boolean fastPath) throws IOException {
    ObjectNode doc = credential();
    ObjectNode node = (ObjectNode) doc.get("credentialSubject").get("achievement");
    for (int i = 0; i < 5_000; i++) {
      node = node.putObject("creator");
    }
    CanonicalizationException e =
        assertThrows(CanonicalizationException.class, () -> canonicalizer(fastPath).canonicalize(doc));
    assertEquals(SigningErrorCode.JSONLD_LIMIT, e.errorCode());
  }

  @org.junit.jupiter.api.Test
  void unsafeModeDropsSilentlyAsJsonLdSays() throws IOException {
    RdfCanonicalizer unsafe =
        RdfCanonicalizer.create(CanonicalizationOptions.builder().safeMode(false).build());
    ObjectNode doc = credential();
    String clean = unsafe.canonicalize(doc);
    doc.put("injected", "x");
    assertEquals(clean, unsafe.canonicalize(doc));
  }

  @org.junit.jupiter.api.Test
  void hostLoaderIsAskedOncePerUrl() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    String url = "https://example.org/ext/v1";
    RdfCanonicalizer c =
        RdfCanonicalizer.create(
            CanonicalizationOptions.builder()
                .documentLoader(
                    io.github.insignia.openbadges.documents.PinnedDocuments.loader()
                        .orElse(
                            u -> {
                              if (!u.toString().equals(url)) {
                                return Optional.empty();
                              }
                              calls.incrementAndGet();
                              return Optional.of(
                                  new PinnedDocument(
                                      URI.create(url),
                                      PinnedDocument.Kind.CONTEXT,
                                      "{\"@context\":{\"grade\":\"https://example.org/ext#grade\"}}".getBytes()));
                            }))
                .build());
    ObjectNode doc = credential();
    ((ArrayNode) doc.get("@context")).add(url);
    doc.put("grade", "A");
    for (int i = 0; i < 5; i++) {
      assertTrue(c.canonicalize(doc).contains("<https://example.org/ext#grade> \"A\""));
    }
    assertEquals(1, calls.get());
  }

  @org.junit.jupiter.api.Test
  void malformedNQuadsAreTyped() {
    CanonicalizationException e =
        assertThrows(
            CanonicalizationException.class,
            () -> RdfCanonicalizer.create().canonicalizeNQuads("<a> <b> \"unterminated .\n"));
    assertEquals(SigningErrorCode.NQUADS_MALFORMED, e.errorCode());
  }
}
