// Export every public API package; never an .internal one.
/**
 * Badges into learners' wallets: an OpenID4VCI 1.0 credential issuer (pre-authorized code flow)
 * and a VC-API exchange, framework-neutral at its core ({@code WalletIssuer}) and mounted as a
 * Jakarta Servlet ({@code WalletServlet}). ZXing has no module descriptor: it is an automatic
 * module named by its manifest.
 */
module io.github.insignia.openbadges.wallet {
  requires transitive io.github.insignia.openbadges.issuing;
  requires transitive jakarta.servlet;
  requires com.google.zxing;

  exports io.github.insignia.openbadges.wallet;
}
