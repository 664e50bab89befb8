package io.github.insignia.openbadges.validation.internal;

import io.github.insignia.openbadges.model.DateTimes;
import java.util.regex.Pattern;

/**
 * The primitive value types of OB 2.0 properties, as openbadges-validator-core checks them (the
 * shared vectors {@code ob2/validator-core/primitive-value-vectors.json} pin the behaviour).
 */
public final class Primitives {
  private static final Pattern URL = Pattern.compile(
      "^(?i)https?://(?:[^\\s/@]+@)?(?:localhost|(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,}\\.?"
          + "|(?:\\d{1,3}\\.){3}\\d{1,3}|\\[[0-9a-f:.]+\\])(?::\\d{1,5})?(?:[/?#]\\S*)?$");
  private static final Pattern URN_UUID = Pattern.compile(
      "^(?i)urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Pattern BLANK = Pattern.compile("^_:[A-Za-z0-9_.-]+$");
  private static final Pattern DATA_URI = Pattern.compile(
      "^(?i)data:([a-z]+/[a-z0-9.+-]+)?(;[a-z0-9-]+=[^;,]*)*(;base64)?,[\\s\\S]*$");
  private static final Pattern AUTHORITY = Pattern.compile(
      "^(?i)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$");
  private static final Pattern TELEPHONE = Pattern.compile("^\\+?[1-9]\\d{1,14}(;ext=\\d+)?$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

  private Primitives() {}

  /** An http(s) URL. */
  public static boolean isUrl(String s) {
    return s != null && s.length() <= 8192 && URL.matcher(s).matches();
  }

  /** An IRI as OB 2.0 node ids use them: an http(s) URL, a {@code urn:uuid}, or a blank node id. */
  public static boolean isIri(String s) {
    return s != null && (isUrl(s) || URN_UUID.matcher(s).matches() || BLANK.matcher(s).matches());
  }

  /** A {@code data:} URI (RFC 2397). */
  public static boolean isDataUri(String s) {
    return s != null && DATA_URI.matcher(s).matches();
  }

  /** A data URI or an http(s) URL. */
  public static boolean isDataUriOrUrl(String s) {
    return isDataUri(s) || isUrl(s);
  }

  /** A host name as in {@code allowedOrigins}. */
  public static boolean isUrlAuthority(String s) {
    return s != null && AUTHORITY.matcher(s).matches();
  }

  /** An E.164 telephone number, optionally with {@code ;ext=}. */
  public static boolean isTelephone(String s) {
    return s != null && TELEPHONE.matcher(s).matches();
  }

  /** An email address, loosely. */
  public static boolean isEmail(String s) {
    return s != null && EMAIL.matcher(s).matches();
  }

  /** An ISO 8601 date-time with a time zone. */
  public static boolean isDateTime(String s) {
    return s != null && DateTimes.hasZone(s) && DateTimes.parse(s).isPresent();
  }
}
