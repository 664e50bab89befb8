package io.github.insignia.openbadges.export;

import io.github.insignia.openbadges.export.internal.Percent;
import io.github.insignia.openbadges.export.internal.Urls;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds LinkedIn's "Add to profile" link for a certification:
 * {@code https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=…}. Every value is
 * percent-encoded as UTF-8 (a space is {@code %20}; {@code & # + ? %} are encoded), so a name such
 * as "Ciencia &amp; Tecnología" arrives whole.
 *
 * <p>{@code organizationId} (which shows the organisation's logo) is preferred: from {@link
 * Builder#organizationId(String)}, else from the issuer's {@code otherIdentifier}; otherwise
 * {@code organizationName}. Issue and expiry months are 1–12 in the host's time zone (UTC unless
 * set); the expiry is sent only when the badge expires. A badge that is revoked, expired or not
 * verified is refused ({@link ExportRefusedException}).
 *
 * <pre>{@code
 * URI link = LinkedInAddToProfile.builder(summary)
 *     .certUrl(URI.create("https://badges.example.org/b/42"))
 *     .zone(ZoneId.of("Europe/Madrid"))
 *     .build();
 * }</pre>
 */
public final class LinkedInAddToProfile {
  /** The endpoint of the deep link. */
  public static final String ENDPOINT = "https://www.linkedin.com/profile/add";

  private static final Pattern ORG_ID = Pattern.compile("\\d{1,20}");

  private LinkedInAddToProfile() {}

  /** A builder for this badge. */
  public static Builder builder(BadgeSummary badge) {
    return new Builder(badge);
  }

  /** Builds the link; not thread-safe, cheap to create. */
  public static final class Builder extends ExportBuilder<Builder> {
    private String organizationId;
    private String organizationName;
    private URI certUrl;
    private String certId;
    private ZoneId zone = ZoneOffset.UTC;

    private Builder(BadgeSummary badge) {
      super(badge);
    }

    /** The LinkedIn organisation id (digits), which wins over the issuer's own. */
    public Builder organizationId(String value) {
      if (value != null && !ORG_ID.matcher(value).matches()) {
        throw new ExportException(ExportErrorCode.LINKEDIN_ORGANIZATION_ID_INVALID,
            "a LinkedIn organization id is a number, not " + Urls.abbreviate(value));
      }
      this.organizationId = value;
      return this;
    }

    /** The organisation name to show when there is no id; defaults to the issuer's name. */
    public Builder organizationName(String value) {
      this.organizationName = value;
      return this;
    }

    /** The recipient's public badge page; defaults to the badge's {@code publicUrl}. */
    public Builder certUrl(URI value) {
      this.certUrl = value;
      return this;
    }

    /** The credential id shown on the profile; defaults to the badge's id. */
    public Builder certId(String value) {
      this.certId = value;
      return this;
    }

    /** The time zone in which the issue and expiry months are counted (default UTC). */
    public Builder zone(ZoneId value) {
      this.zone = Objects.requireNonNull(value, "zone");
      return this;
    }



    /**
     * The link.
     *
     * @throws ExportRefusedException when {@link #refusal()} has a reason
     * @throws ExportException {@code LINKEDIN_ORGANIZATION_MISSING} when there is neither an id nor
     *     a name; {@code URL_INVALID} when the certificate URL is not an http(s) URL
     */
    public URI build() {
      badge.requireExportable(clock);
      Map<String, String> q = new LinkedHashMap<>();
      q.put("startTask", "CERTIFICATION_NAME");
      q.put("name", badge.name());
      Optional<String> orgId = Optional.ofNullable(organizationId).or(badge::linkedInOrganizationId);
      if (orgId.isPresent()) {
        q.put("organizationId", orgId.get());
      } else {
        String orgName = Optional.ofNullable(organizationName).or(badge::issuerName)
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> new ExportException(ExportErrorCode.LINKEDIN_ORGANIZATION_MISSING,
                "the badge names no issuer: give a LinkedIn organization id or an organization name"));
        q.put("organizationName", orgName);
      }
      badge.issuedOn().ifPresent(at -> {
        ZonedDateTime local = at.atZone(zone);
        q.put("issueYear", Integer.toString(local.getYear()));
        q.put("issueMonth", Integer.toString(local.getMonthValue()));
      });
      badge.expires().ifPresent(at -> {
        ZonedDateTime local = at.atZone(zone);
        q.put("expirationYear", Integer.toString(local.getYear()));
        q.put("expirationMonth", Integer.toString(local.getMonthValue()));
      });
      Optional<URI> url = Optional.ofNullable(certUrl).or(badge::publicUrl);
      if (url.isPresent()) {
        q.put("certUrl", Urls.requireWebUrl(url.get(), "the certificate URL"));
      }
      Optional.ofNullable(certId).or(badge::credentialId).ifPresent(id -> q.put("certId", id));
      return URI.create(ENDPOINT + "?" + Percent.query(q));
    }
  }
}
