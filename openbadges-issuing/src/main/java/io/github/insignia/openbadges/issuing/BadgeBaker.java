package io.github.insignia.openbadges.issuing;

/**
 * Bakes an OB 3.0 credential into badge artwork. The baking module supplies the full
 * implementation; {@link #minimal()} is a small built-in one (PNG {@code iTXt}
 * {@code openbadgecredential} chunk right after IHDR, SVG {@code openbadges:credential} element
 * right after the {@code <svg>} start tag) so issuing works on its own. Implementations must be
 * thread-safe.
 */
public interface BadgeBaker {
  /**
   * @param png the artwork
   * @param credential the credential JSON (embedded proof) or compact VC-JWT
   * @return the baked PNG, every other byte of the artwork kept
   */
  byte[] bakePng(byte[] png, String credential);

  /**
   * @param svg the artwork
   * @param credential the credential JSON (embedded proof) or compact VC-JWT
   * @return the baked SVG
   */
  String bakeSvg(String svg, String credential);

  /** The built-in baker. */
  static BadgeBaker minimal() {
    return io.github.insignia.openbadges.issuing.internal.MinimalBaker.INSTANCE;
  }
}
