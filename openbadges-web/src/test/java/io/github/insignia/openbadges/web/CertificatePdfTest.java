package io.github.insignia.openbadges.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** {@link CertificatePdf}: one A4 landscape page, texts in the reader's language, the credential attached. */
class CertificatePdfTest {
  static final String CREDENTIAL = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"urn:uuid:1\","
      + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"validFrom\":\"2026-01-02T00:00:00Z\","
      + "\"validUntil\":\"2028-01-02T00:00:00Z\",\"issuer\":{\"id\":\"https://e.example/issuer\",\"name\":\"Школа Ñandú 学校\"},"
      + "\"credentialSubject\":{\"name\":\"Zoë Ωmega\",\"achievement\":{\"name\":\"Ciencia & Tecnología\","
      + "\"description\":\"A long description that will need to be wrapped over several lines on the certificate, because it goes on and on.\","
      + "\"alignment\":[{\"targetName\":\"Data analysis\",\"targetCode\":\"DA1\"}]}}}";

  @Test
  void rendersOnePageWithTheCredentialAttached() throws Exception {
    JsonNode credential = SafeJson.read(CREDENTIAL);
    byte[] bytes = CREDENTIAL.getBytes(StandardCharsets.UTF_8);
    byte[] pdf = CertificatePdf.create().render(CertificatePdf.Input.builder(credential, "https://e.example/badges/1")
        .language("es").credentialFile("credential.json", bytes).build());
    assertTrue(CertificatePdf.looksLikePdf(pdf));
    assertArrayEquals(bytes, CertificatePdf.embeddedCredential(pdf).orElseThrow());
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals(1, doc.getNumberOfPages());
      PDRectangle box = doc.getPage(0).getMediaBox();
      assertTrue(box.getWidth() > box.getHeight(), "landscape");
      assertEquals(PDRectangle.A4.getHeight(), box.getWidth(), 0.5);
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("Certificado de logro"), text);
      assertTrue(text.contains("Zoë Ωmega"), text);
      assertTrue(text.contains("Ciencia & Tecnología"), text);
      assertTrue(text.contains("Школа Ñandú ??"), "CJK is outside DejaVu Sans: printed as ?: " + text);
      assertTrue(text.contains("DA1"), text);
      assertTrue(text.contains("https://e.example/badges/1"), text);
      assertEquals("es", doc.getDocumentCatalog().getLanguage());
    }
    byte[] again = CertificatePdf.create().render(CertificatePdf.Input.builder(credential, "https://e.example/badges/1")
        .language("es").credentialFile("credential.json", bytes).build());
    assertArrayEquals(pdf, again, "deterministic, so its ETag is stable");
  }

  @Test
  void notAPdfOrABrokenOneHasNoCredential() {
    assertTrue(CertificatePdf.embeddedCredential("%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII)).isEmpty());
    assertTrue(CertificatePdf.embeddedCredential(new byte[0]).isEmpty());
    assertTrue(!CertificatePdf.looksLikePdf("{}".getBytes(StandardCharsets.US_ASCII)));
  }
}
