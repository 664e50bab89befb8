package io.github.insignia.openbadges.export.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link BackpackStore} in memory, for tests, demos and small hosts. Thread-safe. */
public final class InMemoryBackpackStore implements BackpackStore {
  private final Map<String, Map<String, StoredBadge>> badges = new HashMap<>();
  private final Map<String, JsonNode> profiles = new HashMap<>();
  private final Map<String, List<VerifiedIdentity>> identities = new HashMap<>();

  /** Records an identity the host has verified for a user. */
  public synchronized void addVerifiedIdentity(String userId, VerifiedIdentity identity) {
    identities.computeIfAbsent(userId, k -> new ArrayList<>()).add(identity);
  }

  @Override
  public synchronized List<VerifiedIdentity> verifiedIdentities(String userId) {
    return List.copyOf(identities.getOrDefault(userId, List.of()));
  }

  @Override
  public synchronized StoredBadge.Outcome upsert(String userId, StoredBadge badge) {
    Map<String, StoredBadge> mine = badges.computeIfAbsent(userId + "\n" + badge.api(), k -> new LinkedHashMap<>());
    StoredBadge old = mine.get(badge.key());
    if (old == null) {
      mine.put(badge.key(), badge);
      return StoredBadge.Outcome.CREATED;
    }
    boolean older = old.validFrom() != null && badge.validFrom() != null && badge.validFrom().isBefore(old.validFrom());
    if (older || old.content().equals(badge.content())) {
      return StoredBadge.Outcome.NOT_MODIFIED;
    }
    mine.remove(badge.key());
    mine.put(badge.key(), badge);
    return StoredBadge.Outcome.REPLACED;
  }

  @Override
  public synchronized List<StoredBadge> list(String userId, ApiVersion api) {
    List<StoredBadge> all = new ArrayList<>(badges.getOrDefault(userId + "\n" + api, Map.of()).values());
    // Insertion order is update order (replaced entries move to the end): newest first = reversed.
    java.util.Collections.reverse(all);
    all.sort(Comparator.comparing(StoredBadge::updatedAt).reversed());
    return all;
  }

  @Override
  public synchronized Optional<JsonNode> profile(String userId, ApiVersion api) {
    JsonNode p = profiles.get(userId + "\n" + api);
    return p == null ? Optional.empty() : Optional.of(p.deepCopy());
  }

  @Override
  public synchronized void putProfile(String userId, ApiVersion api, JsonNode profile) {
    profiles.put(userId + "\n" + api, profile.deepCopy());
  }
}
