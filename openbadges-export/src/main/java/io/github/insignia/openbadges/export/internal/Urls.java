package io.github.insignia.openbadges.export.internal;

import io.github.insignia.openbadges.export.ExportErrorCode;
import io.github.insignia.openbadges.export.ExportException;
import java.net.URI;
import java.util.Locale;

/** Checks on URLs that end up in links and HTML. */
public final class Urls {
  private Urls() {}

  /**
   * An absolute {@code http}/{@code https} URL with a host, as ASCII (non-ASCII characters
   * percent-encoded); anything else ({@code javascript:}, {@code data:}, relative) is refused, since
   * it would be placed in links and attributes.
   */
  public static String requireWebUrl(URI url, String what) {
    if (url == null) {
      throw new ExportException(ExportErrorCode.URL_MISSING, what + " is required");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
      throw new ExportException(
          ExportErrorCode.URL_INVALID, what + " must be an absolute http(s) URL with a host, not " + abbreviate(url.toString()));
    }
    return url.toASCIIString();
  }

  /** At most 80 characters of a string for a message. */
  public static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
