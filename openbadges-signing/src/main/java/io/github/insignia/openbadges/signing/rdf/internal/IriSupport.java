package io.github.insignia.openbadges.signing.rdf.internal;

/** IRI checks shared by the safe-mode check and the fast path, so both accept exactly the same. */
public final class IriSupport {
  private IriSupport() {}

  /** Whether {@code iri} starts with an ASCII scheme ({@code ALPHA *( ALPHA / DIGIT / + / - / . ) :}). */
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

  /**
   * Whether {@code iri} has no character that N-Quads forbids in an IRI (space, controls, angle
   * brackets, quote, braces, bar, caret, backquote, backslash). Such an IRI cannot be written as N-Quads faithfully; JSON-LD processors disagree
   * on whether to drop it, so safe mode refuses it.
   */
  public static boolean hasOnlyIriCharacters(String iri) {
    for (int i = 0, n = iri.length(); i < n; i++) {
      char c = iri.charAt(i);
      if (c <= 0x20
          || c == '<'
          || c == '>'
          || c == '"'
          || c == '{'
          || c == '}'
          || c == '|'
          || c == '^'
          || c == '`'
          || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Both {@link #isAbsolute} and {@link #hasOnlyIriCharacters}. */
  public static boolean isSafeAbsolute(String iri) {
    return isAbsolute(iri) && hasOnlyIriCharacters(iri);
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
