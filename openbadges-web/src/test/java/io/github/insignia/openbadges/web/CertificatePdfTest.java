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
      assertTrue(text.contains("Школа Ñandú 学校"), "CJK from the fallback font: " + text);
      assertTrue(text.contains("DA1"), text);
      assertTrue(text.contains("https://e.example/badges/1"), text);
      assertEquals("es", doc.getDocumentCatalog().getLanguage());
    }
    byte[] again = CertificatePdf.create().render(CertificatePdf.Input.builder(credential, "https://e.example/badges/1")
        .language("es").credentialFile("credential.json", bytes).build());
    assertArrayEquals(pdf, again, "deterministic, so its ETag is stable");
  }

  /** A credential naming a learner, an issuer and an achievement. */
  private static JsonNode credential(String learner, String issuer, String achievement, String description) {
    com.fasterxml.jackson.databind.node.ObjectNode c = SafeJson.read(CREDENTIAL).deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("issuer")).put("name", issuer);
    com.fasterxml.jackson.databind.node.ObjectNode subject = (com.fasterxml.jackson.databind.node.ObjectNode) c.get("credentialSubject");
    subject.put("name", learner);
    ((com.fasterxml.jackson.databind.node.ObjectNode) subject.get("achievement")).put("name", achievement).put("description", description);
    return c;
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static java.util.List<String> lines(String text) {
    return text.lines().map(String::strip).toList();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "山田 太郎 | 東京大学 情報学部 | データ分析の基礎 | 統計とプログラミングによるデータ分析の基礎を修得した。",
      "김민준 | 서울대학교 | 데이터 분석 기초 | 통계와 프로그래밍으로 데이터 분석의 기초를 익혔다.",
      "Ελένη Παπαδοπούλου | Πανεπιστήμιο Αθηνών | Ανάλυση δεδομένων | Βασικές γνώσεις ανάλυσης δεδομένων.",
      "Дмитрий Иванов | Московский университет | Анализ данных | Основы анализа данных.",
      "Łukasz Żółć | Politechnika Łódzka | Analiza danych | Podstawy analizy danych: źdźbło, gęślą jaźń.",
      "王小明 | 北京大学 | 数据分析 | 掌握了数据分析的基础。"})
  void namesInAnyScriptPrintAsGiven(String learner, String issuer, String achievement, String description) throws Exception {
    byte[] pdf = CertificatePdf.create().render(CertificatePdf.Input.builder(
        credential(learner, issuer, achievement, description), "https://e.example/badges/1").language("en").build());
    java.util.List<String> lines = lines(text(pdf));
    assertTrue(lines.contains(learner), lines.toString());
    assertTrue(lines.contains(achievement), lines.toString());
    assertTrue(lines.contains(description), lines.toString());
    assertTrue(lines.contains("Issued by " + issuer), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains("?")), "nothing replaced: " + lines);
    // subsets: the whole fallback font is 3.4 MB, DejaVu Sans 750 KB
    assertTrue(pdf.length < 64 * 1024, "subset fonts only: " + pdf.length + " bytes");
  }

  @Test
  void aLongCjkDescriptionWrapsBetweenCharacters() throws Exception {
    String description = "統計とプログラミングによるデータ分析の基礎を修得した。".repeat(6);
    byte[] pdf = CertificatePdf.create().render(CertificatePdf.Input.builder(
        credential("山田 太郎", "東京大学", "データ分析", description), "https://e.example/badges/1").build());
    java.util.List<String> lines = lines(text(pdf));
    String joined = String.join("", lines);
    assertTrue(joined.contains(description), "the description is printed whole over several lines: " + lines);
    assertTrue(lines.stream().noneMatch(l -> l.contains("…") && l.contains("統計")), lines.toString());
  }

  @Test
  void aMegabyteNameOrDescriptionIsCutNotMeasuredForever() {
    String huge = "W".repeat(1_000_000);
    String cjk = "統".repeat(500_000);
    byte[] pdf = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () ->
        CertificatePdf.create().render(CertificatePdf.Input.builder(credential(huge, huge, cjk, cjk + " " + huge),
            "https://e.example/badges/1").build()));
    assertTrue(CertificatePdf.looksLikePdf(pdf));
  }

  @Test
  void aScriptNeitherFontHasPrintsAsQuestionMarksAndALatinCertificateEmbedsNoFallback() throws Exception {
    byte[] pdf = CertificatePdf.create().render(CertificatePdf.Input.builder(
        credential("अनन्या", "School", "Data", "Basics."), "https://e.example/badges/1").build());
    assertTrue(lines(text(pdf)).contains("??????"), text(pdf));
    byte[] latin = CertificatePdf.create().render(CertificatePdf.Input.builder(
        credential("Ann Lee", "School", "Data", "Basics."), "https://e.example/badges/1").build());
    try (PDDocument doc = Loader.loadPDF(latin)) {
      for (org.apache.pdfbox.cos.COSName n : doc.getPage(0).getResources().getFontNames()) {
        String font = doc.getPage(0).getResources().getFont(n).getName();
        assertTrue(font.contains("DejaVu"), "only DejaVu Sans: " + font);
      }
    }
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
