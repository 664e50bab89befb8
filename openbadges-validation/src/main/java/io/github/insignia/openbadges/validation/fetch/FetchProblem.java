package io.github.insignia.openbadges.validation.fetch;

import io.github.insignia.openbadges.validation.ValidationErrorCode;

/**
 * Why a fetch did not yield a usable document. Each value has a stable code that the verification
 * report uses as its check code, so a learner (and a script) can tell a login wall from a moved
 * badge from a dead server.
 */
public enum FetchProblem {
  /** HTTP 401 or 403: the resource is behind a login or otherwise restricted. */
  ACCESS_RESTRICTED(ValidationErrorCode.FETCH_ACCESS_RESTRICTED),
  /** HTTP 404. */
  NOT_FOUND(ValidationErrorCode.FETCH_NOT_FOUND),
  /** HTTP 410: the publisher removed it on purpose (for an OB 2.0 assertion: revoked). */
  GONE(ValidationErrorCode.FETCH_GONE),
  /** Any other non-2xx status. */
  HTTP_ERROR(ValidationErrorCode.FETCH_HTTP_ERROR),
  /** The connect or total time limit passed. */
  TIMEOUT(ValidationErrorCode.FETCH_TIMEOUT),
  /** The TLS handshake failed; {@link FetchException#detail()} names the cause. */
  TLS_FAILURE(ValidationErrorCode.FETCH_TLS_FAILURE),
  /** The host could not be resolved or the connection was refused or reset. */
  CONNECTION_FAILED(ValidationErrorCode.FETCH_CONNECTION_FAILED),
  /** The answer is not of the expected kind (HTML where JSON was expected, say). */
  WRONG_CONTENT_TYPE(ValidationErrorCode.FETCH_WRONG_CONTENT_TYPE),
  /** The host resolves to a loopback, private, link-local, multicast or unspecified address. */
  PRIVATE_ADDRESS(ValidationErrorCode.FETCH_PRIVATE_ADDRESS_REFUSED),
  /** The body is larger than the configured cap. */
  TOO_LARGE(ValidationErrorCode.FETCH_TOO_LARGE),
  /** More redirects than allowed (or a loop). */
  TOO_MANY_REDIRECTS(ValidationErrorCode.FETCH_TOO_MANY_REDIRECTS),
  /** Not an http or https URL (or not a URL at all). */
  UNSUPPORTED_URL(ValidationErrorCode.FETCH_UNSUPPORTED_URL),
  /** Offline mode, and the host did not preload this URL. */
  NOT_AVAILABLE_OFFLINE(ValidationErrorCode.FETCH_NOT_AVAILABLE_OFFLINE);

  private final ValidationErrorCode errorCode;

  FetchProblem(ValidationErrorCode errorCode) {
    this.errorCode = errorCode;
  }

  /** The stable code, for example {@code FETCH_ACCESS_RESTRICTED}. */
  public String code() {
    return errorCode.name();
  }

  /**
   * The stable code as the {@link FetchException}'s error code.
   *
   * @return the code, for example {@link ValidationErrorCode#FETCH_ACCESS_RESTRICTED}
   */
  public ValidationErrorCode errorCode() {
    return errorCode;
  }
}
