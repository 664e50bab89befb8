package io.github.insignia.openbadges.cli;

import io.github.insignia.openbadges.ErrorCode;

/**
 * The stable error codes of the {@code insignia} command line.
 *
 * <p>The single source of truth for the codes this module's exceptions carry. Each constant's
 * name is the code printed by the command line and in JSON; each has a row in {@code
 * docs/error-codes.md}, which {@code ErrorCodesDocumentedTest} checks both ways.
 */
public enum CliErrorCode implements ErrorCode {
  /** {@code insignia backpack}: the browser did not come back with an authorization within the time allowed. */
  AUTHORIZATION_TIMEOUT,
  /** A badge named by URL could not be fetched. */
  BADGE_FETCH_FAILED,
  /** The image carries only the URL of a hosted badge, not the badge itself. */
  BADGE_HOSTED,
  /** {@code ./insignia} (the launcher script) could not build the tool with Maven. */
  BUILD_FAILED,
  /** {@code insignia verify}/{@code linkedin}/{@code share}: no such file, and not a URL, JSON or JWS. */
  INPUT_NOT_FOUND,
  /** An input file over 32 MiB. */
  INPUT_TOO_LARGE,
  /** An unexpected failure inside the command (a bug: please report it). */
  INTERNAL_ERROR,
  /** A file could not be read or written. */
  IO_ERROR,
  /** A JSON file given as an option (achievement, profile, resources) is not a JSON object. */
  JSON_NOT_OBJECT,
  /** {@code insignia keygen}: the key file exists already and is never overwritten. */
  KEY_FILE_EXISTS,
  /** {@code --sign ob2-jws} needs the CryptographicKey URL ({@code --verification-method}). */
  KEY_NO_VERIFICATION_METHOD,
  /** The input is not an OB 2.0 assertion. */
  NOT_AN_ASSERTION,
  /** The input is not an OB 3.0 credential (no {@code @context} or {@code type}). */
  NOT_A_CREDENTIAL,
  /** The input is too large for the memory available. */
  OUT_OF_MEMORY,
  /** The command line is wrong (unknown option, missing argument). */
  USAGE;
}
