package io.github.insignia.openbadges.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.internal.Detector;
import java.io.InputStream;
import java.util.Objects;

/**
 * The entry point for reading badges: parses JSON under the {@link ReadOptions} limits, detects the
 * Open Badges version and document kind, optionally upgrades OB 0.5/1.x assertions to 2.0, and
 * returns the typed view. Stateless and thread-safe.
 *
 * <p>Errors: malformed JSON or a limit exceeded → {@link InvalidInputException} ({@code
 * JSON_MALFORMED}, {@code JSON_TOO_DEEP}, {@code JSON_STRING_TOO_LONG}, {@code JSON_TOO_LARGE},
 * {@code JSON_DUPLICATE_KEY}, {@code JSON_IO}); a core member of the wrong JSON type → {@code
 * BADGE_MALFORMED}; well-formed JSON that is not a whole badge (a fragment, an array, a number, an
 * unknown type) → {@link NotABadgeException} {@code NOT_A_BADGE}.
 */
public final class BadgeDocuments {
  private BadgeDocuments() {}

  /** Reads a badge from JSON text. */
  public static BadgeDocument read(String json, ReadOptions options) {
    return detect(SafeJson.read(json, opts(options).limits()), options);
  }

  /** Reads a badge from UTF-8 JSON bytes. */
  public static BadgeDocument read(byte[] json, ReadOptions options) {
    return detect(SafeJson.read(json, opts(options).limits()), options);
  }

  /** Reads a badge from a stream of UTF-8 JSON (not closed; at most the size limit is read). */
  public static BadgeDocument read(InputStream json, ReadOptions options) {
    return detect(SafeJson.read(json, opts(options).limits()), options);
  }

  /** Reads with {@link ReadOptions#defaults()}. */
  public static BadgeDocument read(String json) {
    return read(json, ReadOptions.defaults());
  }

  /** Reads with {@link ReadOptions#defaults()}. */
  public static BadgeDocument read(byte[] json) {
    return read(json, ReadOptions.defaults());
  }

  /** Detects an already parsed JSON tree (copied, never modified). */
  public static BadgeDocument detect(JsonNode json, ReadOptions options) {
    Objects.requireNonNull(json, "json");
    return Detector.detect(json, opts(options));
  }

  private static ReadOptions opts(ReadOptions options) {
    return Objects.requireNonNull(options, "options");
  }
}
