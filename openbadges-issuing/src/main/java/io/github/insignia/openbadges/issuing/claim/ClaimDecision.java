package io.github.insignia.openbadges.issuing.claim;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The answer to a claim: granted, or the requisites still missing (in the order the learner can fix
 * them), each with a message for the learner. Immutable.
 */
public final class ClaimDecision {
  /*
   * Loaded by hand rather than through ResourceBundle: a ResourceBundle.Control (needed to avoid
   * falling back to the JVM's default locale) is refused inside a named module. English is the
   * base; Spanish the one translation; both read once.
   */
  private static final Properties ENGLISH = load("ClaimMessages.properties", null);
  private static final Properties SPANISH = load("ClaimMessages_es.properties", ENGLISH);

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
    boolean spanish = spanish(locale);
    String pattern = (spanish ? SPANISH : ENGLISH).getProperty(requisite.name());
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
    return new MessageFormat(pattern, spanish ? SPANISH_LOCALE : Locale.ROOT).format(args);
  }

  /** The messages for every missing requisite, or the granted message, in the learner's language. */
  public List<String> messages(Locale locale) {
    if (granted()) {
      return List.of((spanish(locale) ? SPANISH : ENGLISH).getProperty("GRANTED"));
    }
    List<String> out = new ArrayList<>();
    for (Requisite r : missing) {
      out.add(message(r, locale));
    }
    return List.copyOf(out);
  }

  private static final Locale SPANISH_LOCALE = Locale.forLanguageTag("es");

  private static boolean spanish(Locale locale) {
    return "es".equals(locale.getLanguage());
  }

  private static Properties load(String name, Properties defaults) {
    Properties p = new Properties(defaults);
    try (InputStream in = ClaimDecision.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing message bundle " + name);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  @Override
  public String toString() {
    return granted() ? "ClaimDecision[granted]" : "ClaimDecision[missing=" + missing + "]";
  }
}
