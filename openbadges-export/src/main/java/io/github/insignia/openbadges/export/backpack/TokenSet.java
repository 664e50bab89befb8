package io.github.insignia.openbadges.export.backpack;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * OAuth tokens for one account at one backpack.
 *
 * @param accessToken the bearer token
 * @param refreshToken the refresh token, or null
 * @param expiresAt when the access token expires, or null when the server did not say
 * @param scope the granted scopes, space separated
 */
public record TokenSet(String accessToken, String refreshToken, Instant expiresAt, String scope) {
  /** Validates. */
  public TokenSet {
    Objects.requireNonNull(accessToken, "accessToken");
    scope = scope == null ? "" : scope;
  }

  /** The refresh token. */
  public Optional<String> refresh() {
    return Optional.ofNullable(refreshToken);
  }

  /** Whether the access token is expired at {@code now}, counting {@code skewSeconds} early. */
  public boolean expiredAt(Instant now, long skewSeconds) {
    return expiresAt != null && !now.plusSeconds(skewSeconds).isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "TokenSet[expiresAt=" + expiresAt + ", scope=" + scope + ", refresh=" + (refreshToken != null) + "]";
  }
}
