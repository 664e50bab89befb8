package io.github.insignia.openbadges.export.provider;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A badge kept in a user's backpack.
 *
 * @param api which API it came through
 * @param key its identity: OB 3.0 {@code issuer.id + " " + id}, OB 2.0 the assertion {@code id}
 * @param validFrom OB 3.0 {@code validFrom} (the newer replaces the older), or null
 * @param signed whether {@code content} is a compact JWS (else JSON text)
 * @param content the badge exactly as posted
 * @param updatedAt when it was stored
 */
public record StoredBadge(ApiVersion api, String key, Instant validFrom, boolean signed, String content, Instant updatedAt) {
  /** Validates. */
  public StoredBadge {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** OB 3.0 {@code validFrom}. */
  public Optional<Instant> validFromInstant() {
    return Optional.ofNullable(validFrom);
  }

  /** What {@link BackpackStore#upsert} did. */
  public enum Outcome {
    /** A new badge was stored (HTTP 201 in OB 3.0). */
    CREATED,
    /** An older copy was replaced (HTTP 200). */
    REPLACED,
    /** The stored copy is the same or newer; nothing changed (HTTP 304 in OB 3.0). */
    NOT_MODIFIED
  }
}
