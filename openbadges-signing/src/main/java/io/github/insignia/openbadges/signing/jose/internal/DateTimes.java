package io.github.insignia.openbadges.signing.jose.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Date-times with an offset, as {@link OffsetDateTime#parse} reads them, with a fast path for the usual UTC form. */
public final class DateTimes {
  private DateTimes() {}

  /**
   * The instant of an ISO-8601 date-time with offset ({@link
   * java.time.format.DateTimeFormatter#ISO_OFFSET_DATE_TIME}).
   *
   * @throws java.time.format.DateTimeParseException when {@link OffsetDateTime#parse} would
   */
  public static Instant parse(String text) {
    long seconds = utcSeconds(text);
    return seconds != Long.MIN_VALUE ? Instant.ofEpochSecond(seconds) : OffsetDateTime.parse(text).toInstant();
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ssZ} (what signers write) as epoch seconds without the general
   * formatter, which costs about a microsecond; {@code Long.MIN_VALUE} for any other text, which
   * the general parser then accepts or rejects.
   */
  private static long utcSeconds(String s) {
    if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
      return Long.MIN_VALUE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
      return Long.MIN_VALUE;
    }
    try {
      return LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
    } catch (DateTimeException e) {
      return Long.MIN_VALUE;
    }
  }

  /** The value of {@code count} ASCII digits at {@code from}; -1 when one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }
}
