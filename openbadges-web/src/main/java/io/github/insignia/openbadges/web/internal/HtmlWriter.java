package io.github.insignia.openbadges.web.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTML writer that escapes by default: text and attribute values always go through {@link
 * #escape}, and URL attributes through {@link #safeUrl}. Markup is only ever written from tag names
 * and attribute names this module spells as constants, so no byte of a badge can open a tag, an
 * attribute or a script.
 */
public final class HtmlWriter {
  private static final Pattern TAG = Pattern.compile("[a-z][a-z0-9]*");
  private static final Pattern ATTR = Pattern.compile("[a-z][a-z0-9:-]*");
  private static final Pattern RASTER_DATA = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*");

  private final StringBuilder out = new StringBuilder(8192);

  /**
   * Escapes {@code & < > " '} and drops control characters, for text and quoted attribute values
   * (the export module's escaping, shared so that a badge's texts are escaped one way everywhere).
   */
  public static String escape(String s) {
    return io.github.insignia.openbadges.export.internal.Html.escape(s);
  }

  /**
   * A URL that is safe in {@code href}/{@code src}: absolute http(s), a path on this site, or (for
   * images) a raster {@code data:} URI; anything else ({@code javascript:}, {@code data:text/html},
   * protocol-relative) becomes {@code null} and the attribute is left out.
   */
  public static String safeUrl(String url, boolean image) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      return u;
    }
    if (!image && u.matches("#[A-Za-z][A-Za-z0-9_-]*")) {
      return u;
    }
    if (u.startsWith("/") && !u.startsWith("//") && !u.contains("\\")) {
      return u;
    }
    if (image && RASTER_DATA.matcher(u).matches()) {
      return u;
    }
    return null;
  }

  /** Writes the doctype. */
  public HtmlWriter doctype() {
    out.append("<!DOCTYPE html>\n");
    return this;
  }

  /** Opens a tag; {@code attrs} are name/value pairs, a null value leaves the attribute out. */
  public HtmlWriter open(String tag, String... attrs) {
    startTag(tag, attrs);
    out.append('>');
    return this;
  }

  /** A void element ({@code meta}, {@code link}, {@code img}, {@code input}, {@code br}). */
  public HtmlWriter empty(String tag, String... attrs) {
    return open(tag, attrs);
  }

  /** Closes a tag. */
  public HtmlWriter close(String tag) {
    checkName(TAG, tag);
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** An element holding escaped text. */
  public HtmlWriter el(String tag, String text, String... attrs) {
    startTag(tag, attrs);
    out.append('>').append(escape(text == null ? "" : text)).append("</").append(tag).append(">\n");
    return this;
  }

  /** Escaped text. */
  public HtmlWriter text(String text) {
    out.append(escape(text == null ? "" : text));
    return this;
  }

  /** An inline style sheet (a constant of this module). */
  public HtmlWriter style(Css css) {
    out.append("<style>").append(css.text()).append("</style>\n");
    return this;
  }

  private void startTag(String tag, String... attrs) {
    checkName(TAG, tag);
    if (attrs.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name/value pairs");
    }
    out.append('<').append(tag);
    for (int i = 0; i < attrs.length; i += 2) {
      String name = attrs[i];
      String value = attrs[i + 1];
      if (value == null) {
        continue;
      }
      checkName(ATTR, name);
      if (name.equals("href") || name.equals("src") || name.equals("action")) {
        value = safeUrl(value, name.equals("src"));
        if (value == null) {
          continue;
        }
      }
      out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }
  }

  private static void checkName(Pattern p, String name) {
    if (!p.matcher(name).matches()) {
      throw new IllegalArgumentException("not a tag or attribute name this writer accepts: " + name);
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** The module's one style sheet, inline so pages need no other request and no CDN. */
  public enum Css {
    /** The shared style. */
    SITE("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9;line-height:1.5}"
        + "header,main,footer{max-width:60rem;margin:0 auto;padding:1rem 1.25rem}"
        + "header{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:.5rem}"
        + "nav a{margin-left:1rem}"
        + "a{color:#0b4f9c}a:focus,button:focus,input:focus,textarea:focus{outline:3px solid #ffbf47;outline-offset:2px}"
        + ".card{background:#fff;border:1px solid #d6d9de;border-radius:8px;padding:1.25rem;margin-bottom:1rem}"
        + ".badge{display:flex;gap:1.5rem;flex-wrap:wrap}.badge img{width:200px;height:200px;object-fit:contain}"
        + ".verdict{font-weight:700;padding:.5rem .75rem;border-radius:6px;display:inline-block}"
        + ".VALID{background:#e3f4e8;color:#0d5e2a}.INVALID{background:#fde8e8;color:#8a1010}.INDETERMINATE{background:#fff4d6;color:#6a4a00}"
        + ".status-revoked,.status-expired{color:#8a1010;font-weight:700}"
        + "ul.checks{list-style:none;padding:0}ul.checks li{padding:.25rem 0;border-bottom:1px solid #eee}"
        + ".outcome{font-family:monospace;margin-right:.5rem}"
        + "button{background:#0b4f9c;color:#fff;border:0;border-radius:6px;padding:.6rem 1.2rem;font-size:1rem;cursor:pointer}"
        + "textarea{width:100%;min-height:6rem;font-family:monospace}"
        + "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:700}dd{margin:0}"
        + ".downloads a,.share a{display:inline-block;margin:.25rem .75rem .25rem 0}");

    private final String text;

    Css(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }
  }
}
