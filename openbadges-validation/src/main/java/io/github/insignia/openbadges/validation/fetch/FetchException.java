package io.github.insignia.openbadges.validation.fetch;

import io.github.insignia.openbadges.InvalidInputException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource could not be fetched, with a typed {@link #problem()}; {@link #code()} is the
 * problem's stable code.
 */
public final class FetchException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final FetchProblem problem;
  private final String url;
  private final String detail;
  private final int status;

  /**
   * @param problem what went wrong
   * @param url the URL that was being fetched
   * @param detail a short machine-friendly detail (a TLS cause, a content type, a status), or null
   * @param status the HTTP status when there was one, else 0
   * @param message the English explanation
   * @param cause the cause, or null
   */
  public FetchException(
      FetchProblem problem, URI url, String detail, int status, String message, Throwable cause) {
    super(Objects.requireNonNull(problem, "problem").errorCode(), message, cause);
    this.problem = problem;
    this.url = url == null ? "" : url.toString();
    this.detail = detail;
    this.status = status;
  }

  /** Shorthand without status and cause. */
  public FetchException(FetchProblem problem, URI url, String detail, String message) {
    this(problem, url, detail, 0, message, null);
  }

  /** What went wrong. */
  public FetchProblem problem() {
    return problem;
  }

  /** The URL being fetched when it went wrong (after redirects, the hop that failed). */
  public String url() {
    return url;
  }

  /**
   * A short detail: for {@link FetchProblem#TLS_FAILURE} one of {@code UNTRUSTED_CHAIN}, {@code
   * HOSTNAME_MISMATCH}, {@code CERTIFICATE_EXPIRED}, {@code HANDSHAKE}; for {@link
   * FetchProblem#WRONG_CONTENT_TYPE} the content type received; for {@link
   * FetchProblem#PRIVATE_ADDRESS} the refused address.
   */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /** The HTTP status, or 0 when no answer came. */
  public int status() {
    return status;
  }
}
