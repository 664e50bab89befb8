package io.github.insignia.openbadges.export.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Host SPI: checks a badge posted to the provider before it is stored (Badge Connect says the
 * provider should verify and not trust the data). Plug the validation module's verifier here. The
 * default accepts every structurally readable badge. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface IncomingBadgePolicy {
  /**
   * Why the badge is refused (shown to the client), or empty to accept it.
   *
   * @param api the API it came through
   * @param userId the authenticated user
   * @param badge the credential/assertion JSON (for a JWS, its decoded, unverified payload)
   * @param compactJws the compact JWS when the badge was posted signed
   */
  Optional<String> reject(ApiVersion api, String userId, JsonNode badge, Optional<String> compactJws);

  /** Accepts everything readable. */
  static IncomingBadgePolicy acceptAll() {
    return (api, user, badge, jws) -> Optional.empty();
  }
}
