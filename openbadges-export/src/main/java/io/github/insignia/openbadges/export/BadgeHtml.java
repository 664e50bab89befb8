package io.github.insignia.openbadges.export;

import io.github.insignia.openbadges.export.internal.Html;
import io.github.insignia.openbadges.export.internal.Urls;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * HTML for a badge: the Open Graph / Twitter-card {@code <meta>} tags of the public badge page,
 * and an embeddable snippet (image, name, issuer, expiry when there is one, verification link) for
 * a blog, a personal page or a résumé. All text is HTML-escaped; every URL must be http(s).
 *
 * <p>Networks do not render SVG previews, so {@code og:image} must be a PNG: pass one with {@link
 * Builder#pngImage(URI)} (an {@code .svg} or {@code data:} URL is refused with {@code
 * OG_IMAGE_NOT_PNG}); without it the image tags are left out.
 */
public final class BadgeHtml {
  private final BadgeSummary badge;
  private final String pageUrl;
  private final String pngImage;
  private final String verifyUrl;
  private final ZoneId zone;
  private final Clock clock;

  private BadgeHtml(Builder b) {
    this.badge = b.badge;
    this.pageUrl = Urls.requireWebUrl(Optional.ofNullable(b.pageUrl).or(badge::publicUrl).orElse(null),
        "the public badge page URL");
    this.pngImage = b.pngImage == null ? null : checkPng(b.pngImage);
    this.verifyUrl = b.verifyUrl == null ? pageUrl : Urls.requireWebUrl(b.verifyUrl, "the verification URL");
    this.zone = b.zone;
    this.clock = b.clock;
  }

  /** A builder for this badge. */
  public static Builder builder(BadgeSummary badge) {
    return new Builder(badge);
  }

  /** The {@code <meta>} tags for the page's {@code <head>}, one per line. */
  public String metaTags() {
    StringBuilder out = new StringBuilder();
    String title = badge.name() + badge.issuerName().map(i -> " — " + i).orElse("");
    String description = badge.description().orElse(title);
    meta(out, "property", "og:type", "website");
    meta(out, "property", "og:title", title);
    meta(out, "property", "og:description", description);
    meta(out, "property", "og:url", pageUrl);
    if (pngImage != null) {
      meta(out, "property", "og:image", pngImage);
      meta(out, "property", "og:image:type", "image/png");
      meta(out, "property", "og:image:alt", badge.name());
    }
    meta(out, "name", "twitter:card", "summary");
    meta(out, "name", "twitter:title", title);
    meta(out, "name", "twitter:description", description);
    if (pngImage != null) {
      meta(out, "name", "twitter:image", pngImage);
      meta(out, "name", "twitter:image:alt", badge.name());
    }
    return out.toString();
  }

  /**
   * A self-contained snippet to paste in a page.
   *
   * @throws ExportRefusedException when the badge is revoked, expired or not verified
   */
  public String embedSnippet() {
    badge.requireExportable(clock);
    StringBuilder out = new StringBuilder();
    out.append("<div class=\"insignia-badge\">\n");
    if (pngImage != null) {
      out.append("  <a href=\"").append(Html.escape(pageUrl)).append("\"><img src=\"")
          .append(Html.escape(pngImage)).append("\" alt=\"").append(Html.escape(badge.name()))
          .append("\" width=\"120\" height=\"120\"></a>\n");
    }
    out.append("  <p class=\"insignia-badge-name\"><a href=\"").append(Html.escape(pageUrl)).append("\">")
        .append(Html.escape(badge.name())).append("</a></p>\n");
    badge.issuerName().ifPresent(issuer -> out.append("  <p class=\"insignia-badge-issuer\">Issued by ")
        .append(Html.escape(issuer)).append("</p>\n"));
    badge.expires().ifPresent(at -> out.append("  <p class=\"insignia-badge-expiry\">Expires <time datetime=\"")
        .append(at).append("\">")
        .append(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(at.atZone(zone)))
        .append("</time></p>\n"));
    out.append("  <p class=\"insignia-badge-verify\"><a href=\"").append(Html.escape(verifyUrl))
        .append("\" rel=\"noopener\">Verify this badge</a></p>\n");
    out.append("</div>\n");
    return out.toString();
  }

  private static void meta(StringBuilder out, String attr, String key, String value) {
    out.append("<meta ").append(attr).append("=\"").append(key).append("\" content=\"")
        .append(Html.escape(value)).append("\">\n");
  }

  private static String checkPng(URI image) {
    String scheme = image.getScheme() == null ? "" : image.getScheme().toLowerCase(Locale.ROOT);
    String path = image.getPath() == null ? "" : image.getPath().toLowerCase(Locale.ROOT);
    if (scheme.equals("data") || path.endsWith(".svg") || path.endsWith(".svgz")) {
      throw new ExportException(ExportErrorCode.OG_IMAGE_NOT_PNG,
          "og:image must be a PNG at an http(s) URL (networks do not render SVG or data URIs)");
    }
    return Urls.requireWebUrl(image, "the og:image URL");
  }

  /** Builds {@link BadgeHtml}; not thread-safe. */
  public static final class Builder extends ExportBuilder<Builder> {
    private URI pageUrl;
    private URI pngImage;
    private URI verifyUrl;
    private ZoneId zone = ZoneOffset.UTC;

    private Builder(BadgeSummary badge) {
      super(badge);
    }

    /** The public badge page; defaults to the badge's {@code publicUrl}. */
    public Builder pageUrl(URI value) {
      this.pageUrl = value;
      return this;
    }

    /** A PNG rendering of the badge image at an http(s) URL. */
    public Builder pngImage(URI value) {
      this.pngImage = value;
      return this;
    }

    /** Where a reader verifies the badge; defaults to the page URL. */
    public Builder verifyUrl(URI value) {
      this.verifyUrl = value;
      return this;
    }

    /** The time zone of the expiry date shown (default UTC). */
    public Builder zone(ZoneId value) {
      this.zone = Objects.requireNonNull(value, "zone");
      return this;
    }


    /** The HTML generator. */
    public BadgeHtml build() {
      return new BadgeHtml(this);
    }
  }
}
