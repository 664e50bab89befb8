package io.github.insignia.openbadges.model;

import io.github.insignia.openbadges.ModelErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.model.internal.Members;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Open Badges date-times. Reading is lenient: any offset ({@code Z}, {@code +01:00}, {@code
 * +0100}, {@code +01}), optional fractional seconds, and (for OB 1.x) a date alone or Unix seconds.
 * Writing is precise: ISO 8601 with seconds and the offset as given ({@code Z} for UTC).
 */
public final class DateTimes {
  private DateTimes() {}

  /** Parses leniently; empty when the text is not a date-time Open Badges accepts. */
  public static Optional<OffsetDateTime> parse(String text) {
    return Members.parseDateTime(text);
  }

  /**
   * Parses leniently, or fails with {@code DATE_INVALID} naming the member and the value.
   *
   * @param member the member name, for the message
   * @param text the value
   */
  public static OffsetDateTime parseOrThrow(String member, String text) {
    return parse(text)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    ModelErrorCode.DATE_INVALID, member + ": '" + Members.abbreviate(text) + "' is not an ISO 8601 date-time with a time zone"));
  }

  /** Whether the text carries an explicit offset, as OB 2.0 and 3.0 require. */
  public static boolean hasZone(String text) {
    return text != null && text.matches(".*T.*(Z|z|[+-]\\d{2}(:?\\d{2})?)$");
  }

  /** ISO 8601 text with seconds, keeping the offset ({@code Z} for UTC). */
  public static String format(OffsetDateTime value) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
  }

  /** ISO 8601 text in UTC with a {@code Z}. */
  public static String format(Instant value) {
    return format(value.atOffset(ZoneOffset.UTC));
  }
}
