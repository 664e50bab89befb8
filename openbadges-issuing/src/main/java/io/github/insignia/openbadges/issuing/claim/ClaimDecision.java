package io.github.insignia.openbadges.issuing.claim;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The answer to a claim: granted, or the requisites still missing (in the order the learner can fix
 * them), each with a message for the learner. Immutable.
 */
public final class ClaimDecision {
  private static final String BUNDLE = "io.github.insignia.openbadges.issuing.claim.ClaimMessages";

  private final List<Requisite> missing;
  private final ClaimFacts facts;

  ClaimDecision(List<Requisite> missing, ClaimFacts facts) {
    this.missing = List.copyOf(missing);
    this.facts = Objects.requireNonNull(facts, "facts");
  }

  /** Whether every requisite holds, so the badge may be awarded. */
  public boolean granted() {
    return missing.isEmpty();
  }

  /** The requisites that do not hold, in order; empty when granted. */
  public List<Requisite> missing() {
    return missing;
  }

  /** The first requisite to fix, when any. */
  public Optional<Requisite> firstMissing() {
    return missing.stream().findFirst();
  }

  /**
   * The message for one requisite in the learner's language (English and Spanish are shipped;
   * other locales fall back to English).
   */
  public String message(Requisite requisite, Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String pattern = bundle.getString(requisite.name());
    Object[] args =
        switch (requisite) {
          case MATCHING_EMAIL -> new Object[] {
            facts.badgePlatformEmail().orElse(""), facts.trainingPlatformEmail().orElse("")
          };
          case MINIMUM_TASKS -> new Object[] {
            facts.tasksCompleted(), facts.minimumTasks(), facts.minimumTasks() - facts.tasksCompleted()
          };
          default -> new Object[0];
        };
    return new MessageFormat(pattern, bundle.getLocale()).format(args);
  }

  /** The messages for every missing requisite, or the granted message, in the learner's language. */
  public List<String> messages(Locale locale) {
    if (granted()) {
      ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
      return List.of(bundle.getString("GRANTED"));
    }
    List<String> out = new ArrayList<>();
    for (Requisite r : missing) {
      out.add(message(r, locale));
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return granted() ? "ClaimDecision[granted]" : "ClaimDecision[missing=" + missing + "]";
  }
}
