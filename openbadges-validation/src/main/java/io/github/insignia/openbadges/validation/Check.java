package io.github.insignia.openbadges.validation;

import io.github.insignia.openbadges.validation.internal.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One check of a {@link VerificationReport}: a stable {@link CheckCode}, an {@link Outcome}, the
 * JSON pointer or URL it concerns, and a message in the report's language. Immutable.
 */
public final class Check {
  private final CheckCode code;
  private final Outcome outcome;
  private final String target;
  private final String messageKey;
  private final List<Object> arguments;
  private final Locale locale;
  private final Question question;

  Check(CheckCode code, Outcome outcome, String target, String messageKey, List<Object> arguments, Locale locale) {
    this(code, outcome, target, messageKey, arguments, locale, code.question());
  }

  Check(CheckCode code, Outcome outcome, String target, String messageKey, List<Object> arguments, Locale locale,
      Question question) {
    this.question = Objects.requireNonNull(question, "question");
    this.code = Objects.requireNonNull(code, "code");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.target = target == null ? "" : target;
    this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
    this.arguments = List.copyOf(arguments);
    this.locale = Objects.requireNonNull(locale, "locale");
  }

  /** The stable code. */
  public CheckCode code() {
    return code;
  }

  /** The outcome. */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The question this check helps answer: its code's {@link CheckCode#question()}, except for a
   * fetch, which belongs to the question that needed the document.
   */
  public Question question() {
    return question;
  }

  /**
   * What the check concerns: a JSON pointer into the badge ({@code /credentialSubject/achievement})
   * or a URL; {@code ""} for the badge as a whole.
   */
  public String target() {
    return target;
  }

  /** The message in the report's language. */
  public String message() {
    return message(locale);
  }

  /** The message in another language (English and Spanish are shipped; others fall back to English). */
  public String message(Locale other) {
    return Messages.format(other, messageKey, arguments);
  }

  /** The same check rendered in another language. */
  Check inLocale(Locale other) {
    return new Check(code, outcome, target, messageKey, arguments, other, question);
  }

  /** The same check with another outcome (strict mode). */
  Check withOutcome(Outcome other) {
    return new Check(code, other, target, messageKey, arguments, locale, question);
  }

  String messageKey() {
    return messageKey;
  }

  List<Object> arguments() {
    return arguments;
  }

  @Override
  public String toString() {
    return outcome + " " + code + (target.isEmpty() ? "" : " " + target) + ": " + message();
  }
}
