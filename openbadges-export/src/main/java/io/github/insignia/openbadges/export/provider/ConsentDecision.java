package io.github.insignia.openbadges.export.provider;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ConsentDecider}'s answer: granted to a user (optionally with fewer scopes), refused, or
 * "ask the person" ({@link #ask(String)}): the provider then shows its own consent page, naming the
 * client and the scopes, and grants only when the signed-in person approves it there.
 */
public final class ConsentDecision {
  private static final ConsentDecision REFUSED = new ConsentDecision(null, null, false);

  private final String userId;
  private final Set<String> scopes;
  private final boolean ask;

  private ConsentDecision(String userId, Set<String> scopes, boolean ask) {
    this.userId = userId;
    this.scopes = scopes;
    this.ask = ask;
  }

  /** Granted, for all the scopes asked, on behalf of this user. */
  public static ConsentDecision grant(String userId) {
    return new ConsentDecision(Objects.requireNonNull(userId, "userId"), null, false);
  }

  /** Granted for these scopes only (a subset of those asked). */
  public static ConsentDecision grant(String userId, Set<String> scopes) {
    return new ConsentDecision(Objects.requireNonNull(userId, "userId"), Set.copyOf(scopes), false);
  }

  /**
   * Ask this signed-in person on the provider's consent page (HTML, escaped, framing forbidden,
   * approve/deny posted back with a single-use anti-CSRF token bound to this user). Use it for
   * every client the host does not already trust, above all self-registered ones. When the form is
   * posted, the decider is called again for that request and must name the same user (with {@code
   * ask} or {@code grant}); {@code grant(user, scopes)} there narrows the scopes.
   */
  public static ConsentDecision ask(String userId) {
    return new ConsentDecision(Objects.requireNonNull(userId, "userId"), null, true);
  }

  /** As {@link #ask(String)}, offering only these scopes (a subset of those asked). */
  public static ConsentDecision ask(String userId, Set<String> scopes) {
    return new ConsentDecision(Objects.requireNonNull(userId, "userId"), Set.copyOf(scopes), true);
  }

  /** Refused: the client receives {@code error=access_denied}. */
  public static ConsentDecision refuse() {
    return REFUSED;
  }

  /** Whether access was granted (not merely to be asked). */
  public boolean granted() {
    return userId != null && !ask;
  }

  /** Whether the person is to be asked on the consent page. */
  public boolean asks() {
    return ask;
  }

  /** The user the grant (or the question) is for. */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /** The scopes granted when narrower than those asked. */
  public Optional<Set<String>> scopes() {
    return Optional.ofNullable(scopes);
  }
}
