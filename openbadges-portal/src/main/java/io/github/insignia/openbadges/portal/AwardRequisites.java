package io.github.insignia.openbadges.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The claim requisites of a course, checked before its badge is issued: the course is enabled, the
 * learner's score reaches {@code min-score}, the completion date is given when {@code
 * requires-completion-date}, is not in the future and not before {@code available-from}. Each
 * refusal is a {@link PortalException} whose code names the requisite.
 */
final class AwardRequisites {
  /** The course platform's clock may run a little ahead of the portal's. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** What the course platform says about the learner's completion. */
  record Completion(Optional<BigDecimal> score, Optional<Instant> completedAt) {
    static final Completion NONE = new Completion(Optional.empty(), Optional.empty());
  }

  /** A refused requisite: its code and why. */
  record Refusal(PortalErrorCode code, String message) {}

  private AwardRequisites() {}

  /** The first requisite this completion does not meet, or none. */
  static Optional<Refusal> check(PortalProperties.Course course, Completion completion, Clock clock) {
    if (!course.enabled()) {
      return refuse(PortalErrorCode.PORTAL_COURSE_DISABLED, "the course does not award badges at present");
    }
    if (course.minScore() != null) {
      if (completion.score().isEmpty()) {
        return refuse(PortalErrorCode.PORTAL_SCORE_TOO_LOW, "the course needs a score of at least "
            + course.minScore().toPlainString() + " and the call carries none");
      }
      if (completion.score().get().compareTo(course.minScore()) < 0) {
        return refuse(PortalErrorCode.PORTAL_SCORE_TOO_LOW, "the score is below the course's minimum of "
            + course.minScore().toPlainString());
      }
    }
    if (course.requiresCompletionDate() && completion.completedAt().isEmpty()) {
      return refuse(PortalErrorCode.PORTAL_COMPLETION_DATE_MISSING, "the course needs completedAt, the date the learner completed it");
    }
    Instant now = clock.instant();
    if (completion.completedAt().filter(at -> at.isAfter(now.plus(CLOCK_SKEW))).isPresent()) {
      return refuse(PortalErrorCode.PORTAL_COMPLETION_IN_FUTURE, "completedAt is in the future");
    }
    Optional<Instant> opened = instant(course.availableFrom());
    // without a completion date, the completion is now: a course that has not opened awards nothing
    Instant completed = completion.completedAt().orElse(now);
    if (opened.filter(completed::isBefore).isPresent()) {
      return refuse(PortalErrorCode.PORTAL_COMPLETION_BEFORE_OPENING, "the course was completed before it opened on " + course.availableFrom());
    }
    return Optional.empty();
  }

  /**
   * An ISO-8601 date ({@code 2026-09-01}, the start of that day in UTC) or date-time with an offset;
   * empty for blank; {@code null} is never answered.
   *
   * @throws DateTimeParseException when the text is neither
   */
  static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim();
    if (t.length() > 64) {
      throw new DateTimeParseException("too long for a date", t.substring(0, 64), 64);
    }
    if (t.length() == 10) {
      return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    return Optional.of(OffsetDateTime.parse(t).toInstant());
  }

  /** Checks the catalogue's dates at start, so a typo stops the portal rather than every award. */
  static void validate(String courseId, PortalProperties.Course course) {
    try {
      instant(course.availableFrom());
    } catch (DateTimeParseException e) {
      throw new PortalException(PortalErrorCode.PORTAL_CONFIG_INVALID, "insignia.portal.courses." + courseId
          + ".available-from is not an ISO date (2026-09-01) or date-time with offset: " + course.availableFrom(), e);
    }
  }

  private static Optional<Refusal> refuse(PortalErrorCode code, String message) {
    return Optional.of(new Refusal(code, message));
  }

  /** The course property (or award call field) a refusal code stands for; empty for other codes. */
  static Optional<String> requisiteOf(PortalErrorCode code) {
    return Optional.ofNullable(switch (code) {
      case PORTAL_COURSE_DISABLED -> "enabled";
      case PORTAL_SCORE_TOO_LOW -> "min-score";
      case PORTAL_COMPLETION_DATE_MISSING -> "requires-completion-date";
      case PORTAL_COMPLETION_IN_FUTURE -> "completedAt";
      case PORTAL_COMPLETION_BEFORE_OPENING -> "available-from";
      default -> null;
    });
  }
}
