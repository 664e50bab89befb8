package io.github.insignia.openbadges.signing.rdf.internal;

/** IRI checks shared by the processors. */
public final class IriSupport {
  private IriSupport() {}

  /** Whether {@code iri} starts with a scheme ({@code ALPHA *( ALPHA / DIGIT / + / - / . ) :}). */
  public static boolean isAbsolute(String iri) {
    int n = iri.length();
    if (n < 2 || !isAlpha(iri.charAt(0))) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = iri.charAt(i);
      if (c == ':') {
        return true;
      }
      if (!(isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return false;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
