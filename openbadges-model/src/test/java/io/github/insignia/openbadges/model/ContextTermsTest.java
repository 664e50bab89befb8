package io.github.insignia.openbadges.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the builders write uses only terms the pinned contexts define: JSON-LD processing with
 * undefined terms set to fail (what the signing engineer's safe-mode canonicalization needs).
 */
class ContextTermsTest {
  static final DocumentLoader PINNED = (uri, options) -> {
    var doc = PinnedDocuments.find(uri.toString())
        .orElseThrow(() -> new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "not pinned: " + uri));
    return JsonDocument.of(new ByteArrayInputStream(doc.bytes()));
  };

  static int quads(JsonBacked value) throws JsonLdError {
    JsonLdOptions options = new JsonLdOptions();
    options.setDocumentLoader(PINNED);
    options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
    var document = JsonDocument.of(new ByteArrayInputStream(value.toJson().getBytes(StandardCharsets.UTF_8)));
    return JsonLd.toRdf(document).options(options).get().toList().size();
  }

  @Test
  void theDemoShapedCredentialUsesOnlyDefinedTerms() throws JsonLdError {
    assertFalse(quads(SchemaConformanceTest.sample()) < 25);
  }

  @Test
  void generatedCredentialsUseOnlyDefinedTerms() {
    qt().withFixedSeed(11L).withExamples(60).forAll(longs().all()).checkAssert(seed -> {
      // Generated extension members are not in any context; leave them out here.
      var vc = RoundTripPropertyTest.ob3(new Random(seed));
      var builder = vc.toBuilder();
      vc.otherMembers().keySet().forEach(builder::remove);
      try {
        quads(builder.build());
      } catch (JsonLdError e) {
        throw new AssertionError(e.getMessage() + " in " + vc.toJson(), e);
      }
    });
  }

  @Test
  void anUndefinedTermIsCaught() {
    var vc = SchemaConformanceTest.sample().toBuilder()
        .member("bogus", io.github.insignia.openbadges.json.SafeJson.nodeFactory().textNode("x")).build();
    assertThrows(JsonLdError.class, () -> quads(vc));
  }
}
