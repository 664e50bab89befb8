// Export every public API package; never an .internal one.
/**
 * The badge on the web and on paper: badge, issuer and verification pages, hosting endpoints,
 * downloads and the PDF certificate, framework-neutral at its core ({@code BadgeSite}) and mounted as
 * a Jakarta Servlet ({@code BadgeServlet}, so the servlet API is part of the API). PDFBox and ZXing
 * have no module descriptor: they are automatic modules named by their manifests.
 */
module io.github.insignia.openbadges.web {
  requires transitive io.github.insignia.openbadges.issuing;
  requires transitive io.github.insignia.openbadges.validation;
  requires transitive jakarta.servlet;
  requires org.apache.pdfbox;
  requires com.google.zxing;
  requires java.desktop;

  exports io.github.insignia.openbadges.web;
}
