package io.github.insignia.openbadges.model;

import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.internal.Detector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
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
  private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+");

  private BadgeDocuments() {}

  /** Reads a badge from JSON text. */
  public static BadgeDocument read(String json, ReadOptions options) {
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = SafeJson.read(json, opts(options).limits());
    } catch (InvalidInputException e) {
      throw jwsOr(e, json);
    }
    return detect(tree, options);
  }

  /** Reads a badge from UTF-8 JSON bytes. */
  public static BadgeDocument read(byte[] json, ReadOptions options) {
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = SafeJson.read(json, opts(options).limits());
    } catch (InvalidInputException e) {
      throw jwsOr(e, json.length <= 64 * 1024 * 1024 ? new String(json, StandardCharsets.ISO_8859_1) : "");
    }
    return detect(tree, options);
  }

  /** Reads a badge from a stream of UTF-8 JSON (not closed; at most the size limit plus one byte is read). */
  public static BadgeDocument read(InputStream json, ReadOptions options) {
    Objects.requireNonNull(json, "json");
    byte[] bytes;
    try {
      bytes = json.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, opts(options).limits().maxDocumentBytes() + 1));
    } catch (IOException e) {
      throw new InvalidInputException(ModelErrorCode.JSON_IO, "could not read the JSON input: " + e.getMessage(), e);
    }
    return read(bytes, options);
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

  /** A compact JWS is a badge, but a signed one: say so instead of "malformed JSON". */
  private static InvalidInputException jwsOr(InvalidInputException e, String text) {
    if (e.errorCode() == ModelErrorCode.JSON_MALFORMED && COMPACT_JWS.matcher(text.strip()).matches()) {
      return new NotABadgeException(ModelErrorCode.NOT_A_BADGE, "the input is a compact JWS (a signed OB 2.0 badge or an OB 3.0 "
          + "VC-JWT), not badge JSON; verify it to read its payload", e);
    }
    return e;
  }

  private static ReadOptions opts(ReadOptions options) {
    return Objects.requireNonNull(options, "options");
  }
}
