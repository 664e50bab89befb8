package io.github.insignia.openbadges.issuing.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a learner's claim can be granted: an account on the badge platform, with the same
 * e-mail as on the training platform (compared trimmed and case-insensitively), enrolment, the
 * minimum number of tasks, and the claim itself. Stateless and thread-safe.
 */
public final class ClaimRequirements {
  private ClaimRequirements() {}

  /** Evaluates every requisite against the facts. */
  public static ClaimDecision evaluate(ClaimFacts facts) {
    Objects.requireNonNull(facts, "facts");
    List<Requisite> missing = new ArrayList<>();
    if (facts.badgePlatformEmail().map(String::isBlank).orElse(true)) {
      missing.add(Requisite.BADGE_PLATFORM_ACCOUNT);
    } else if (!sameEmail(facts.badgePlatformEmail(), facts.trainingPlatformEmail())) {
      missing.add(Requisite.MATCHING_EMAIL);
    }
    if (!facts.enrolled()) {
      missing.add(Requisite.ENROLMENT);
    }
    if (facts.tasksCompleted() < facts.minimumTasks()) {
      missing.add(Requisite.MINIMUM_TASKS);
    }
    if (!facts.claimMade()) {
      missing.add(Requisite.CLAIM_MADE);
    }
    return new ClaimDecision(missing, facts);
  }

  /** E-mail addresses compared trimmed and case-insensitively; an absent one never matches. */
  public static boolean sameEmail(Optional<String> a, Optional<String> b) {
    return a.isPresent() && b.isPresent() && normalise(a.get()).equals(normalise(b.get())) && !normalise(a.get()).isEmpty();
  }

  static String normalise(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
