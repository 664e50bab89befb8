package io.github.insignia.openbadges.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.github.insignia.openbadges.web.internal.BadgeView;
import io.github.insignia.openbadges.web.internal.Texts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A printable certificate: one A4 landscape page with the badge image, the learner's name (when
 * the credential carries one), the achievement, the issuer, the dates, the competences and a QR
 * code of the badge page; the credential itself is attached as an associated file (PDF/A-3
 * style, {@code AFRelationship /Source}) so that the PDF can be verified ({@link
 * #embeddedCredential}). Text is set in DejaVu Sans (Bitstream Vera licence), with Droid Sans
 * Fallback (Apache 2.0) for the characters DejaVu lacks (Chinese, Japanese, Korean), both bundled
 * with their notices and embedded as subsets; characters neither font has print as "?".
 * Thread-safe.
 */
public final class CertificatePdf {
  private static final String FONT = "/io/github/insignia/openbadges/web/fonts/DejaVuSans.ttf";
  private static final String FALLBACK_FONT = "/io/github/insignia/openbadges/web/fonts/DroidSansFallback.ttf";
  private static final int MAX_EMBEDDED_BYTES = 16 * 1024 * 1024;
  /**
   * The primary font (760 KB), read when the first certificate is drawn: {@link #looksLikePdf} and
   * {@link #embeddedCredential} run on every {@code insignia verify} and need no font.
   */
  private static final class Primary {
    static final byte[] BYTES = loadFont(FONT);
  }

  /** The 3.4 MB fallback font, read on first use only: most certificates never need it. */
  private static final class Fallback {
    static final byte[] BYTES = loadFont(FALLBACK_FONT);
  }

  private CertificatePdf() {}

  /** A renderer. */
  public static CertificatePdf create() {
    return new CertificatePdf();
  }

  private static byte[] loadFont(String name) {
    try (InputStream in = CertificatePdf.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the bundled font " + name + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What goes on a certificate. Immutable. */
  public static final class Input {
    private final JsonNode credential;
    private final String pageUrl;
    private final String language;
    private final byte[] image;
    private final String credentialName;
    private final byte[] credentialBytes;

    private Input(Builder b) {
      this.credential = b.credential;
      this.pageUrl = b.pageUrl;
      this.language = b.language;
      this.image = b.image;
      this.credentialName = b.credentialName;
      this.credentialBytes = b.credentialBytes;
    }

    /** A builder for a credential (its JSON) whose page is at {@code pageUrl}. */
    public static Builder builder(JsonNode credential, String pageUrl) {
      return new Builder(credential, pageUrl);
    }

    /** Builds an {@link Input}; not thread-safe. */
    public static final class Builder {
      private final JsonNode credential;
      private final String pageUrl;
      private String language = "en";
      private byte[] image;
      private String credentialName = "credential.json";
      private byte[] credentialBytes;

      private Builder(JsonNode credential, String pageUrl) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.pageUrl = Objects.requireNonNull(pageUrl, "pageUrl");
      }

      /** The certificate's language ({@code en} or {@code es}). */
      public Builder language(String value) {
        this.language = Objects.requireNonNull(value, "value");
        return this;
      }

      /** The badge image (PNG), or null for none. */
      public Builder image(byte[] png) {
        this.image = png == null ? null : png.clone();
        return this;
      }

      /** The file attached: its name ({@code credential.json} or {@code credential.jwt}) and bytes. */
      public Builder credentialFile(String name, byte[] bytes) {
        this.credentialName = Objects.requireNonNull(name, "name");
        this.credentialBytes = Objects.requireNonNull(bytes, "bytes").clone();
        return this;
      }

      /** The input. */
      public Input build() {
        if (credentialBytes == null) {
          credentialBytes = io.github.insignia.openbadges.json.SafeJson.writePretty(credential)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return new Input(this);
      }
    }
  }

  /** Renders the certificate. */
  public byte[] render(Input in) {
    Texts t = Texts.of(in.language);
    BadgeView v = BadgeView.of(in.credential, t.language());
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale());
    try (PDDocument doc = new PDDocument()) {
      Fonts font = new Fonts(doc);
      PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
      PDPage page = new PDPage(a4);
      doc.addPage(page);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(v.achievementName());
      info.setSubject(t.t("pdf.title"));
      v.issuerName().ifPresent(info::setAuthor);
      info.setCreator("Insignia");
      doc.getDocumentCatalog().setLanguage(t.language());
      float w = a4.getWidth();
      float h = a4.getHeight();
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        // frame
        cs.setStrokingColor(0.04f, 0.31f, 0.61f);
        cs.setLineWidth(3);
        cs.addRect(24, 24, w - 48, h - 48);
        cs.stroke();
        cs.setLineWidth(0.75f);
        cs.addRect(32, 32, w - 64, h - 64);
        cs.stroke();
        if (in.image != null) {
          PDImageXObject img = image(doc, in.image);
          if (img != null) {
            cs.drawImage(img, 64, h - 64 - 170, 170, 170);
          }
        }
        float x = 270;
        float y = h - 95;
        cs.setNonStrokingColor(0.04f, 0.31f, 0.61f);
        y = line(cs, font, 26, x, y, t.t("pdf.title"), w - x - 60);
        cs.setNonStrokingColor(0.1f, 0.1f, 0.1f);
        y -= 12;
        y = line(cs, font, 13, x, y, t.t("pdf.certifies"), w - x - 60);
        y = line(cs, font, 22, x, y - 4, v.recipientName().orElse(t.t("pdf.someone")), w - x - 60);
        y = line(cs, font, 13, x, y - 4, t.t("pdf.earned"), w - x - 60);
        y = line(cs, font, 20, x, y - 4, v.achievementName(), w - x - 60);
        if (v.description().isPresent()) {
          for (String l : wrap(font, 11, v.description().get(), w - x - 60, 4)) {
            y = line(cs, font, 11, x, y, l, w - x - 60);
          }
        }
        y -= 8;
        if (v.issuerName().isPresent()) {
          y = line(cs, font, 12, x, y, t.t("pdf.issuedBy", v.issuerName().get()), w - x - 60);
        }
        if (v.issued().isPresent()) {
          y = line(cs, font, 12, x, y, t.t("pdf.issuedOn", dates.format(v.issued().get().atZone(ZoneOffset.UTC))), w - x - 60);
        }
        if (v.expires().isPresent()) {
          y = line(cs, font, 12, x, y, t.t("pdf.expires", dates.format(v.expires().get().atZone(ZoneOffset.UTC))), w - x - 60);
        }
        List<BadgeView.Alignment> alignments = v.alignments();
        if (!alignments.isEmpty()) {
          y -= 6;
          y = line(cs, font, 12, x, y, t.t("pdf.competences"), w - x - 60);
          int n = 0;
          for (BadgeView.Alignment a : alignments) {
            if (++n > 6 || y < 120) {
              break;
            }
            y = line(cs, font, 10, x + 10, y, "• " + a.name() + a.code().map(c -> " (" + c + ")").orElse(""), w - x - 70);
          }
        }
        // QR code of the page, bottom left, drawn as vector squares
        float qrSize = 120;
        qr(cs, in.pageUrl, 64, 56, qrSize);
        cs.setNonStrokingColor(0.1f, 0.1f, 0.1f);
        line(cs, font, 9, 64 + qrSize + 14, 56 + 60, t.t("pdf.verify"), w - 300);
        line(cs, font, 9, 64 + qrSize + 14, 56 + 46, in.pageUrl, w - 300);
        line(cs, font, 9, 64 + qrSize + 14, 56 + 32, t.t("pdf.attached"), w - 300);
      }
      // dates from the credential, not the clock: the same badge always gives the same bytes (and ETag)
      GregorianCalendar when = new GregorianCalendar(java.util.TimeZone.getTimeZone("UTC"));
      when.setTimeInMillis(v.issued().map(java.time.Instant::toEpochMilli).orElse(0L));
      info.setCreationDate(when);
      attach(doc, in.credentialName, in.credentialBytes, when);
      // a document id from the content (PDFBox would otherwise derive one from the time)
      byte[] id = java.util.Arrays.copyOf(sha256(in.credentialBytes), 16);
      COSArray ids = new COSArray();
      ids.add(new org.apache.pdfbox.cos.COSString(id));
      ids.add(new org.apache.pdfbox.cos.COSString(id));
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PDImageXObject image(PDDocument doc, byte[] png) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    return img == null ? null : LosslessFactory.createFromImage(doc, img);
  }

  private static float line(PDPageContentStream cs, Fonts font, float size, float x, float y, String text, float maxWidth)
      throws IOException {
    String s = font.printable(clip(text));
    if (font.width(size, s) > maxWidth) {
      // as many characters as fit before the ellipsis, measured once each
      float budget = maxWidth - font.width(size, "…");
      int[] cps = s.codePoints().toArray();
      float used = 0;
      int n = 0;
      while (n < cps.length) {
        float w = font.width(size, new String(cps, n, 1));
        if (used + w > budget) {
          break;
        }
        used += w;
        n++;
      }
      s = new String(cps, 0, Math.max(n, 1)) + "…";
    }
    cs.beginText();
    cs.newLineAtOffset(x, y);
    for (Run r : font.runs(s)) {
      cs.setFont(r.font(), size);
      cs.showText(r.text()); // each run advances the text position by its own width
    }
    cs.endText();
    return y - size * 1.35f;
  }

  /**
   * At most {@value #MAX_TEXT} code points: more never fit on the page, and measuring a longer text
   * (a hostile name of a megabyte) character by character would take quadratic time.
   */
  private static String clip(String text) {
    return text.codePointCount(0, text.length()) <= MAX_TEXT ? text
        : text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
  }

  private static final int MAX_TEXT = 400;

  /** A stretch of text drawn in one font. */
  private record Run(PDType0Font font, String text) {}

  /**
   * The fonts of one document: DejaVu Sans first, Droid Sans Fallback for what DejaVu lacks. The
   * fallback is parsed and added to the document only when a text needs it; both are embedded as
   * subsets of the glyphs used. Texts pass through {@link #printable} first, so every character
   * of a text given to {@link #runs} or {@link #width} is drawable by one of them.
   */
  private static final class Fonts {
    private final PDDocument doc;
    private final PDType0Font primary;
    private PDType0Font fallback;
    /** Whether DejaVu has a code point, asked once each (a missing glyph is reported by an exception). */
    private final Map<Integer, Boolean> inPrimary = new java.util.HashMap<>();
    private final Map<Integer, Boolean> inFallback = new java.util.HashMap<>();

    Fonts(PDDocument doc) throws IOException {
      this.doc = doc;
      this.primary = PDType0Font.load(doc, new ByteArrayInputStream(Primary.BYTES), true);
    }

    /** The text with controls as spaces and every character neither font can draw as "?". */
    String printable(String text) throws IOException {
      StringBuilder b = new StringBuilder(text.length());
      for (int cp : text.codePoints().toArray()) {
        int c = Character.isISOControl(cp) ? ' ' : cp;
        if (inPrimary(c) || inFallback(c)) {
          b.appendCodePoint(c);
        } else {
          b.append('?');
        }
      }
      return b.toString();
    }

    private boolean inPrimary(int cp) {
      return inPrimary.computeIfAbsent(cp, c -> has(primary, c));
    }

    private boolean inFallback(int cp) throws IOException {
      if (fallback == null) {
        fallback = PDType0Font.load(doc, new ByteArrayInputStream(Fallback.BYTES), true);
      }
      return inFallback.computeIfAbsent(cp, c -> has(fallback, c));
    }

    List<Run> runs(String s) {
      List<Run> runs = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      PDType0Font currentFont = null;
      for (int cp : s.codePoints().toArray()) {
        PDType0Font f = fallback == null || inPrimary(cp) ? primary : fallback;
        if (f != currentFont && current.length() > 0) {
          runs.add(new Run(currentFont, current.toString()));
          current.setLength(0);
        }
        currentFont = f;
        current.appendCodePoint(cp);
      }
      if (current.length() > 0) {
        runs.add(new Run(currentFont, current.toString()));
      }
      return runs;
    }

    float width(float size, String s) throws IOException {
      float units = 0;
      for (Run r : runs(s)) {
        units += r.font().getStringWidth(r.text());
      }
      return units / 1000 * size;
    }

    private static boolean has(PDType0Font font, int cp) {
      try {
        font.encode(new String(Character.toChars(cp)));
        return true;
      } catch (IOException | IllegalArgumentException e) {
        return false;
      }
    }
  }

  private static List<String> wrap(Fonts font, float size, String text, float maxWidth, int maxLines) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    // no more than the lines can hold (about 150 characters each at the smallest size used)
    String shown = text.codePointCount(0, text.length()) <= maxLines * MAX_TEXT ? text
        : text.substring(0, text.offsetByCodePoints(0, maxLines * MAX_TEXT));
    for (String word : font.printable(shown).split("\\s+")) {
      // a "word" wider than the line (CJK is written without spaces) breaks between characters
      for (String piece : pieces(font, size, word, maxWidth)) {
        String candidate = current.length() == 0 ? piece : current + " " + piece;
        if (font.width(size, candidate) > maxWidth && current.length() > 0) {
          lines.add(current.toString());
          if (lines.size() == maxLines) {
            return lines;
          }
          current = new StringBuilder(piece);
        } else {
          current = new StringBuilder(candidate);
        }
      }
    }
    if (lines.size() < maxLines && current.length() > 0) {
      lines.add(current.toString());
    }
    return lines;
  }

  private static List<String> pieces(Fonts font, float size, String word, float maxWidth) throws IOException {
    if (font.width(size, word) <= maxWidth) {
      return List.of(word);
    }
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (int cp : word.codePoints().toArray()) {
      String c = new String(Character.toChars(cp));
      if (piece.length() > 0 && font.width(size, piece + c) > maxWidth) {
        pieces.add(piece.toString());
        piece.setLength(0);
      }
      piece.append(c);
    }
    if (piece.length() > 0) {
      pieces.add(piece.toString());
    }
    return pieces;
  }

  private static void qr(PDPageContentStream cs, String url, float x, float y, float size) throws IOException {
    BitMatrix m;
    try {
      m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0, EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      return; // a URL too long for a QR code: the certificate still prints it as text
    }
    float cell = size / m.getWidth();
    cs.setNonStrokingColor(0f, 0f, 0f);
    for (int row = 0; row < m.getHeight(); row++) {
      for (int col = 0; col < m.getWidth(); col++) {
        if (m.get(col, row)) {
          cs.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
        }
      }
    }
    cs.fill();
  }

  private static void attach(PDDocument doc, String name, byte[] bytes, GregorianCalendar when) throws IOException {
    PDEmbeddedFile ef = new PDEmbeddedFile(doc, new ByteArrayInputStream(bytes));
    ef.setSubtype(name.endsWith(".jwt") ? "application/vc+jwt" : "application/ld+json");
    ef.setSize(bytes.length);
    ef.setCreationDate(when);
    PDComplexFileSpecification fs = new PDComplexFileSpecification();
    fs.setFile(name);
    fs.setFileUnicode(name);
    fs.setFileDescription("Open Badges verifiable credential");
    fs.setEmbeddedFile(ef);
    fs.setEmbeddedFileUnicode(ef);
    fs.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(Map.of(name, fs));
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
    names.setEmbeddedFiles(tree);
    doc.getDocumentCatalog().setNames(names);
    COSArray af = new COSArray();
    af.add(fs);
    doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), af);
  }

  /**
   * An attachment's bytes, decoded here with a cap rather than by PDFBox (which may decode a stream
   * whole before handing it over: a few KiB of deflated zeros would become gigabytes). Only the forms
   * a certificate uses are read: no filter, or FlateDecode without parameters; anything else, or
   * more than {@link #MAX_EMBEDDED_BYTES} once decoded, is not a credential.
   */
  private static Optional<byte[]> boundedContent(PDEmbeddedFile ef) throws IOException {
    List<COSName> filters = ef.getFilters();
    boolean plain = filters == null || filters.isEmpty();
    boolean flate = !plain && filters.size() == 1 && COSName.FLATE_DECODE.equals(filters.get(0))
        && ef.getCOSObject().getDictionaryObject(COSName.DECODE_PARMS) == null;
    if (!plain && !flate) {
      return Optional.empty();
    }
    try (InputStream raw = ef.getCOSObject().createRawInputStream();
         InputStream s = flate ? new java.util.zip.InflaterInputStream(raw) : raw) {
      byte[] bytes = s.readNBytes(MAX_EMBEDDED_BYTES + 1);
      return bytes.length <= MAX_EMBEDDED_BYTES ? Optional.of(bytes) : Optional.empty();
    }
  }

  /** Whether bytes start like a PDF. */
  public static boolean looksLikePdf(byte[] bytes) {
    return bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-';
  }

  /**
   * The credential a certificate carries: the first attached file named {@code *.json}, {@code
   * *.jsonld} or {@code *.jwt} (at most 16 MiB). Empty for anything else, including a PDF that
   * cannot be read: the caller then verifies the bytes as they are and reports why they fail.
   */
  public static Optional<byte[]> embeddedCredential(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
      if (names == null || names.getEmbeddedFiles() == null) {
        return Optional.empty();
      }
      Map<String, PDComplexFileSpecification> files = names.getEmbeddedFiles().getNames();
      if (files == null) {
        return Optional.empty();
      }
      for (Map.Entry<String, PDComplexFileSpecification> e : files.entrySet()) {
        String n = e.getKey().toLowerCase(java.util.Locale.ROOT);
        if (!(n.endsWith(".json") || n.endsWith(".jsonld") || n.endsWith(".jwt"))) {
          continue;
        }
        PDEmbeddedFile ef = e.getValue().getEmbeddedFileUnicode() != null ? e.getValue().getEmbeddedFileUnicode() : e.getValue().getEmbeddedFile();
        if (ef == null) {
          continue;
        }
        Optional<byte[]> bytes = boundedContent(ef);
        if (bytes.isPresent()) {
          return bytes;
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // hostile or broken PDF: verified as raw bytes, which reports it
    }
  }
}
