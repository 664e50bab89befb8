package io.github.insignia.openbadges.issuing.status;

import java.util.Objects;

/**
 * What a host serves at a hosted OB 2.0 assertion URL: 200 with the assertion, or 410 Gone with the
 * {@code revoked} document once the badge is revoked.
 *
 * @param status the HTTP status code (200 or 410)
 * @param contentType the media type of the body ({@code application/ld+json})
 * @param body the JSON body
 */
public record HostedAnswer(int status, String contentType, String body) {
  /** HTTP 200. */
  public static final int OK = 200;
  /** HTTP 410 Gone: the assertion was revoked. */
  public static final int GONE = 410;

  /** Checks that nothing is null. */
  public HostedAnswer {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }

  /** Whether the answer says the assertion is revoked. */
  public boolean revoked() {
    return status == GONE;
  }
}
