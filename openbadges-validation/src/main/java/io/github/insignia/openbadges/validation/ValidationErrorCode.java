package io.github.insignia.openbadges.validation;

import io.github.insignia.openbadges.ErrorCode;

/**
 * The stable error codes of fetching documents and setting up verification.
 *
 * <p>The single source of truth for the codes this module's exceptions carry. Each constant's
 * name is the code printed by the command line and in JSON; each has a row in {@code
 * docs/error-codes.md}, which {@code ErrorCodesDocumentedTest} checks both ways.
 */
public enum ValidationErrorCode implements ErrorCode {
  /** HTTP 401 or 403: the resource is behind a login or otherwise restricted. */
  FETCH_ACCESS_RESTRICTED,
  /** The host could not be resolved, or the connection was refused or reset. */
  FETCH_CONNECTION_FAILED,
  /** HTTP 410: the publisher removed the resource on purpose. */
  FETCH_GONE,
  /** Any other non-2xx HTTP status. */
  FETCH_HTTP_ERROR,
  /** Offline mode, and the host did not preload this URL. */
  FETCH_NOT_AVAILABLE_OFFLINE,
  /** HTTP 404. */
  FETCH_NOT_FOUND,
  /** The host resolves to a loopback, private, link-local, multicast or unspecified address. */
  FETCH_PRIVATE_ADDRESS_REFUSED,
  /** The connect or total time limit passed. */
  FETCH_TIMEOUT,
  /** The TLS handshake failed ({@code FetchException.detail()} names the cause). */
  FETCH_TLS_FAILURE,
  /** The body is larger than the configured cap. */
  FETCH_TOO_LARGE,
  /** More redirects than allowed, or a loop. */
  FETCH_TOO_MANY_REDIRECTS,
  /** Not an http or https URL, or not a URL at all. */
  FETCH_UNSUPPORTED_URL,
  /** The answer is not of the expected kind (HTML where JSON was expected). */
  FETCH_WRONG_CONTENT_TYPE,
  /** (configuration) a verification option is out of range (clock skew, time limits). */
  OPTION_INVALID,
  /** The preloaded-resources map ({@code --resources}), or a file it names, cannot be read. */
  RESOURCES_MAP_INVALID;
}
