package io.github.insignia.openbadges.export;

import io.github.insignia.openbadges.export.internal.Percent;
import io.github.insignia.openbadges.export.internal.Urls;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Share links ("intent" URLs) for a badge's public page on {@link ShareNetwork}s. Every value is
 * percent-encoded as UTF-8. The badge must be exportable (verified, not revoked, not expired).
 *
 * <pre>{@code
 * URI x = ShareLinks.builder(summary).pageUrl(page).build().link(ShareNetwork.X);
 * }</pre>
 */
public final class ShareLinks {
  private static final Pattern INSTANCE =
      Pattern.compile("(?i)(?:https://)?([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+(?::\\d{1,5})?)/?");

  private final String pageUrl;
  private final String text;
  private final String mastodonInstance;

  private ShareLinks(String pageUrl, String text, String mastodonInstance) {
    this.pageUrl = pageUrl;
    this.text = text;
    this.mastodonInstance = mastodonInstance;
  }

  /** A builder for this badge. */
  public static Builder builder(BadgeSummary badge) {
    return new Builder(badge);
  }

  /** The share link on {@code network}. */
  public URI link(ShareNetwork network) {
    Map<String, String> q = new LinkedHashMap<>();
    String base;
    switch (network) {
      case LINKEDIN -> {
        base = "https://www.linkedin.com/sharing/share-offsite/";
        q.put("url", pageUrl);
      }
      case X -> {
        base = "https://x.com/intent/tweet";
        q.put("text", text);
        q.put("url", pageUrl);
      }
      case FACEBOOK -> {
        base = "https://www.facebook.com/sharer/sharer.php";
        q.put("u", pageUrl);
      }
      case WHATSAPP -> {
        base = "https://wa.me/";
        q.put("text", text + " " + pageUrl);
      }
      case TELEGRAM -> {
        base = "https://t.me/share/url";
        q.put("url", pageUrl);
        q.put("text", text);
      }
      case BLUESKY -> {
        base = "https://bsky.app/intent/compose";
        q.put("text", text + " " + pageUrl);
      }
      case MASTODON -> {
        if (mastodonInstance == null) {
          throw new ExportException(ExportErrorCode.MASTODON_INSTANCE_MISSING,
              "a Mastodon share link needs the user's instance, for example mastodon.social");
        }
        base = "https://" + mastodonInstance + "/share";
        q.put("text", text + " " + pageUrl);
      }
      default -> throw new IllegalArgumentException(String.valueOf(network));
    }
    return URI.create(base + "?" + Percent.query(q));
  }

  /** The page URL that the links share. */
  public String pageUrl() {
    return pageUrl;
  }

  /** The post text. */
  public String text() {
    return text;
  }

  /** Builds {@link ShareLinks}; not thread-safe. */
  public static final class Builder extends ExportBuilder<Builder> {
    private URI pageUrl;
    private String text;
    private String mastodonInstance;

    private Builder(BadgeSummary badge) {
      super(badge);
    }

    /** The public badge page to share; defaults to the badge's {@code publicUrl}. */
    public Builder pageUrl(URI value) {
      this.pageUrl = value;
      return this;
    }

    /** The post text; defaults to "I earned NAME from ISSUER". */
    public Builder text(String value) {
      this.text = value;
      return this;
    }

    /** The Mastodon instance host, for example {@code mastodon.social} (an https URL is accepted). */
    public Builder mastodonInstance(String value) {
      if (value == null) {
        this.mastodonInstance = null;
        return this;
      }
      var m = INSTANCE.matcher(value.strip());
      if (!m.matches()) {
        throw new ExportException(ExportErrorCode.MASTODON_INSTANCE_INVALID,
            "a Mastodon instance is a host name such as mastodon.social, not " + Urls.abbreviate(value));
      }
      this.mastodonInstance = m.group(1).toLowerCase(java.util.Locale.ROOT);
      return this;
    }



    /**
     * The links.
     *
     * @throws ExportRefusedException when the badge may not be shared
     * @throws ExportException {@code URL_MISSING} / {@code URL_INVALID} for the page URL
     */
    public ShareLinks build() {
      badge.requireExportable(clock);
      String page = Urls.requireWebUrl(Optional.ofNullable(pageUrl).or(badge::publicUrl).orElse(null),
          "the public badge page URL");
      String t = Optional.ofNullable(text).orElseGet(() -> "I earned " + badge.name()
          + badge.issuerName().map(i -> " from " + i).orElse(""));
      return new ShareLinks(page, t, mastodonInstance);
    }
  }
}
