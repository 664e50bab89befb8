package io.github.insignia.openbadges.export.backpack;

import io.github.insignia.openbadges.ErrorCode;
import io.github.insignia.openbadges.OpenBadgesException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A backpack call failed: the server answered with an error ({@link #httpStatus()}, and what its
 * {@code imsx_StatusInfo} or Badge Connect {@code status} said in {@link #serverCode()} and {@link
 * #serverMessage()}), or the connection failed, timed out, or the authorization did not complete.
 *
 * <p>Codes: {@code BACKPACK_BAD_REQUEST} (400), {@code BACKPACK_UNAUTHORIZED} (401), {@code
 * BACKPACK_FORBIDDEN} (403), {@code BACKPACK_NOT_FOUND} (404), {@code BACKPACK_METHOD_NOT_ALLOWED}
 * (405), {@code BACKPACK_RATE_LIMITED} (429), {@code BACKPACK_UNAVAILABLE} (503), {@code
 * BACKPACK_SERVER_ERROR} (other 5xx), {@code BACKPACK_HTTP_ERROR} (other statuses), {@code
 * BACKPACK_TIMEOUT}, {@code BACKPACK_CONNECTION_FAILED}, {@code BACKPACK_RESPONSE_INVALID}, {@code
 * BACKPACK_RESPONSE_TOO_LARGE}, {@code BACKPACK_INSECURE_URL}, {@code BACKPACK_DISCOVERY_INVALID},
 * {@code BACKPACK_INTERRUPTED}, {@code CLIENT_NOT_REGISTERED}, {@code REGISTRATION_FAILED}, {@code
 * NOT_AUTHORIZED}, {@code AUTHORIZATION_DENIED}, {@code AUTHORIZATION_FAILED}, {@code
 * AUTHORIZATION_STATE_MISMATCH}, {@code TOKEN_REQUEST_FAILED}, {@code TOKEN_REFRESH_FAILED}, {@code
 * BACKPACK_ENDPOINT_UNTRUSTED} (discovery names an endpoint off the backpack's origin), {@code
 * BACKPACK_ENDPOINT_MISMATCH} (the token endpoint is not the one that issued the secret; nothing
 * was sent), {@code BACKPACK_TOKEN_INVALID} (a token that is not visible ASCII), {@code
 * BACKPACK_REQUEST_INVALID} (a request that HTTP cannot carry), {@code BACKPACK_PAGING_INVALID}
 * (limit below 1 or negative offset).
 *
 * <p>The message summarises what the server said (its code, when it looks like one); the server's
 * own description, cleaned of control characters and bounded, is only in {@link #serverMessage()}.
 */
public final class BackpackException extends OpenBadgesException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String serverCode;
  private final String serverMessage;
  private final Duration retryAfter;

  /** The HTTP status of the answer, when there was one. */
  public OptionalInt httpStatus() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** The server's code: Badge Connect {@code statusText}, {@code imsx_codeMinorFieldValue}, or OAuth {@code error}. */
  public Optional<String> serverCode() {
    return Optional.ofNullable(serverCode);
  }

  /** The server's human-readable description. */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /** How long the server asked to wait (429/503), when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * @param code the stable code
   * @param message a readable explanation
   * @param httpStatus the HTTP status, or 0 when there was no answer
   * @param serverCode the server's own code ({@code statusText}, {@code imsx_codeMinor} value or
   *     OAuth {@code error}), or null
   * @param serverMessage the server's description, or null
   * @param retryAfter what the server's Retry-After said, or null
   * @param cause the cause, or null
   */
  public BackpackException(ErrorCode code, String message, int httpStatus, String serverCode, String serverMessage,
      Duration retryAfter, Throwable cause) {
    super(code, message, cause);
    this.httpStatus = httpStatus;
    this.serverCode = serverCode;
    this.serverMessage = serverMessage;
    this.retryAfter = retryAfter;
  }

  /** A failure without an HTTP answer. */
  public BackpackException(ErrorCode code, String message, Throwable cause) {
    this(code, message, 0, null, null, null, cause);
  }

  /** A failure without an HTTP answer or cause. */
  public BackpackException(ErrorCode code, String message) {
    this(code, message, 0, null, null, null, null);
  }
}
