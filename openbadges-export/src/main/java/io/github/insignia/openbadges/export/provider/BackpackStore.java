package io.github.insignia.openbadges.export.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Host SPI: where the provider keeps each user's badges and profiles. Implementations must be
 * thread-safe; {@link InMemoryBackpackStore} is the default.
 */
public interface BackpackStore {
  /**
   * Inserts or replaces by {@link StoredBadge#key()}, atomically: replace unless the stored copy has
   * the same content or a later {@code validFrom}.
   */
  StoredBadge.Outcome upsert(String userId, StoredBadge badge);

  /** The user's badges of one API, most recently updated first. */
  List<StoredBadge> list(String userId, ApiVersion api);

  /** The user's profile for one API. */
  Optional<JsonNode> profile(String userId, ApiVersion api);

  /** Replaces the user's profile for one API. */
  void putProfile(String userId, ApiVersion api, JsonNode profile);

  /**
   * The identities the host has verified for this user (never what the user typed into a
   * profile): a Badge Connect assertion is accepted only when its recipient names one of them.
   * The default has none, so every posted assertion is refused with {@code
   * RECIPIENT_PROFILE_MISMATCH} until the host implements this.
   */
  default List<VerifiedIdentity> verifiedIdentities(String userId) {
    return List.of();
  }
}
