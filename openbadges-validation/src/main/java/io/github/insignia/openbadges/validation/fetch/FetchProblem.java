package io.github.insignia.openbadges.validation.fetch;

/**
 * Why a fetch did not yield a usable document. Each value has a stable code that the verification
 * report uses as its check code, so a learner (and a script) can tell a login wall from a moved
 * badge from a dead server.
 */
public enum FetchProblem {
  /** HTTP 401 or 403: the resource is behind a login or otherwise restricted. */
  ACCESS_RESTRICTED("FETCH_ACCESS_RESTRICTED"),
  /** HTTP 404. */
  NOT_FOUND("FETCH_NOT_FOUND"),
  /** HTTP 410: the publisher removed it on purpose (for an OB 2.0 assertion: revoked). */
  GONE("FETCH_GONE"),
  /** Any other non-2xx status. */
  HTTP_ERROR("FETCH_HTTP_ERROR"),
  /** The connect or total time limit passed. */
  TIMEOUT("FETCH_TIMEOUT"),
  /** The TLS handshake failed; {@link FetchException#detail()} names the cause. */
  TLS_FAILURE("FETCH_TLS_FAILURE"),
  /** The host could not be resolved or the connection was refused or reset. */
  CONNECTION_FAILED("FETCH_CONNECTION_FAILED"),
  /** The answer is not of the expected kind (HTML where JSON was expected, say). */
  WRONG_CONTENT_TYPE("FETCH_WRONG_CONTENT_TYPE"),
  /** The host resolves to a loopback, private, link-local, multicast or unspecified address. */
  PRIVATE_ADDRESS("FETCH_PRIVATE_ADDRESS_REFUSED"),
  /** The body is larger than the configured cap. */
  TOO_LARGE("FETCH_TOO_LARGE"),
  /** More redirects than allowed (or a loop). */
  TOO_MANY_REDIRECTS("FETCH_TOO_MANY_REDIRECTS"),
  /** Not an http or https URL (or not a URL at all). */
  UNSUPPORTED_URL("FETCH_UNSUPPORTED_URL"),
  /** Offline mode, and the host did not preload this URL. */
  NOT_AVAILABLE_OFFLINE("FETCH_NOT_AVAILABLE_OFFLINE");

  private final String code;

  FetchProblem(String code) {
    this.code = code;
  }

  /** The stable code, for example {@code FETCH_ACCESS_RESTRICTED}. */
  public String code() {
    return code;
  }
}
