package io.github.insignia.openbadges.export.internal;

/** Escaping for HTML text and double-quoted attribute values. */
public final class Html {
  private Html() {}

  /**
   * Escapes {@code & < > " '} and drops control characters other than tab/newline, which are not
   * allowed in HTML text; safe in text and in quoted attributes alike.
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 && c != 0x7F || c == '\t' || c == '\n') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
