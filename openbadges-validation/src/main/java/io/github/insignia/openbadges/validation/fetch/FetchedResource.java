package io.github.insignia.openbadges.validation.fetch;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer to a fetch: any status (redirects already followed), the content type, the body and
 * the URL it finally came from.
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl the URL that answered, after redirects
 * @param status the HTTP status (or the status a preloaded replay declares)
 * @param contentType the {@code Content-Type} header, if any
 * @param body the body bytes (copied on the way in and out)
 */
public record FetchedResource(
    URI requestedUrl, URI finalUrl, int status, Optional<String> contentType, byte[] body) {

  /** Validates and copies. */
  public FetchedResource {
    Objects.requireNonNull(requestedUrl, "requestedUrl");
    Objects.requireNonNull(finalUrl, "finalUrl");
    Objects.requireNonNull(contentType, "contentType");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Body size without copying. */
  public int size() {
    return body.length;
  }

  /** The media type without parameters, lower case, or "" when absent. */
  public String mediaType() {
    String type = contentType.orElse("");
    int semi = type.indexOf(';');
    return (semi >= 0 ? type.substring(0, semi) : type).trim().toLowerCase(Locale.ROOT);
  }

  /**
   * This resource if its status is 2xx, else a {@link FetchException} that names the problem: 401
   * and 403 → access restricted, 404 → not found, 410 → gone, anything else → HTTP error.
   */
  public FetchedResource requireSuccess() {
    if (status >= 200 && status < 300) {
      return this;
    }
    FetchProblem problem =
        switch (status) {
          case 401, 403 -> FetchProblem.ACCESS_RESTRICTED;
          case 404 -> FetchProblem.NOT_FOUND;
          case 410 -> FetchProblem.GONE;
          default -> FetchProblem.HTTP_ERROR;
        };
    throw new FetchException(
        problem, finalUrl, Integer.toString(status), status, finalUrl + " answered HTTP " + status, null);
  }

  /**
   * This resource if it looks like JSON: a JSON or JSON-LD media type (any {@code +json}), or no
   * or a generic type with a body that starts like JSON. HTML (a login page, a "moved" page)
   * and everything else is {@link FetchProblem#WRONG_CONTENT_TYPE}.
   */
  public FetchedResource requireJson() {
    String type = mediaType();
    boolean jsonType = type.equals("application/json") || type.endsWith("+json")
        || type.equals("text/json");
    boolean generic = type.isEmpty() || type.equals("text/plain")
        || type.equals("application/octet-stream");
    if (jsonType || (generic && startsLikeJson())) {
      return this;
    }
    throw new FetchException(
        FetchProblem.WRONG_CONTENT_TYPE,
        finalUrl,
        type.isEmpty() ? "unknown" : type,
        status,
        finalUrl + " answered " + (type.isEmpty() ? "an unknown type" : type) + " where JSON was expected",
        null);
  }

  private boolean startsLikeJson() {
    for (byte b : body) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        continue;
      }
      return b == '{' || b == '[';
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FetchedResource other
        && requestedUrl.equals(other.requestedUrl)
        && finalUrl.equals(other.finalUrl)
        && status == other.status
        && contentType.equals(other.contentType)
        && Arrays.equals(body, other.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestedUrl, finalUrl, status, contentType, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "FetchedResource[" + status + " " + finalUrl + ", " + mediaType() + ", " + body.length + " bytes]";
  }
}
