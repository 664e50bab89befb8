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

  /** A PDF whose one attachment, {@code credential.json}, holds {@code content} deflated (FlateDecode). */
  private static byte[] pdfWithDeflatedAttachment(java.io.InputStream content) throws Exception {
    try (PDDocument doc = new PDDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile ef =
          new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(doc, content,
              org.apache.pdfbox.cos.COSName.FLATE_DECODE);
      org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification fs =
          new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
      fs.setFile("credential.json");
      fs.setEmbeddedFile(ef);
      org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
      tree.setNames(java.util.Map.of("credential.json", fs));
      org.apache.pdfbox.pdmodel.PDDocumentNameDictionary names =
          new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(doc.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      doc.getDocumentCatalog().setNames(names);
      doc.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void aDeflatedAttachmentIsReadAndADecompressionBombIsNot() throws Exception {
    byte[] bytes = CREDENTIAL.getBytes(StandardCharsets.UTF_8);
    byte[] deflated = pdfWithDeflatedAttachment(new java.io.ByteArrayInputStream(bytes));
    assertArrayEquals(bytes, CertificatePdf.embeddedCredential(deflated).orElseThrow());
    // 64 MiB of zeros deflate to about 64 KiB: read only up to the 16 MiB cap, then refused.
    java.io.InputStream zeros = new java.io.InputStream() {
      long left = 64L * 1024 * 1024;

      @Override
      public int read() {
        return left-- > 0 ? 0 : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 0);
        left -= n;
        return n;
      }
    };
    byte[] bomb = pdfWithDeflatedAttachment(zeros);
    assertTrue(bomb.length < 1024 * 1024, "the bomb itself is small: " + bomb.length);
    assertTrue(CertificatePdf.embeddedCredential(bomb).isEmpty());
  }
}
