package io.github.insignia.openbadges.export.provider;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A {@link ConsentDecider}'s answer: granted to a user (optionally with fewer scopes) or refused. */
public final class ConsentDecision {
  private static final ConsentDecision REFUSED = new ConsentDecision(null, null);

  private final String userId;
  private final Set<String> scopes;

  private ConsentDecision(String userId, Set<String> scopes) {
    this.userId = userId;
    this.scopes = scopes;
  }

  /** Granted, for all the scopes asked, on behalf of this user. */
  public static ConsentDecision grant(String userId) {
    return new ConsentDecision(Objects.requireNonNull(userId, "userId"), null);
  }

  /** Granted for these scopes only (a subset of those asked). */
  public static ConsentDecision grant(String userId, Set<String> scopes) {
    return new ConsentDecision(Objects.requireNonNull(userId, "userId"), Set.copyOf(scopes));
  }

  /** Refused: the client receives {@code error=access_denied}. */
  public static ConsentDecision refuse() {
    return REFUSED;
  }

  /** Whether access was granted. */
  public boolean granted() {
    return userId != null;
  }

  /** The user the grant is for. */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /** The scopes granted when narrower than those asked. */
  public Optional<Set<String>> scopes() {
    return Optional.ofNullable(scopes);
  }
}
