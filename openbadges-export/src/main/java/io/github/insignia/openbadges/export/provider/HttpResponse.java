package io.github.insignia.openbadges.export.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.export.internal.Headers;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP response from the provider, independent of any server framework. Immutable.
 *
 * @param status the status code
 * @param headers the headers (case-insensitive names)
 * @param body the body, empty when none
 */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {
  /** Validates and copies. */
  public HttpResponse {
    headers = Headers.copy(headers);
    body = body == null ? new byte[0] : body.clone();
  }

  /** A JSON response. */
  public static HttpResponse json(int status, JsonNode body) {
    return of(status, "application/json", SafeJson.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** A response with a body of the given media type. */
  public static HttpResponse of(int status, String contentType, byte[] body) {
    return new HttpResponse(status, Map.of("Content-Type", List.of(contentType)), body);
  }

  /** A response without a body. */
  public static HttpResponse empty(int status) {
    return new HttpResponse(status, Map.of(), null);
  }

  /** A {@code 302 Found} redirect. */
  public static HttpResponse redirect(String location) {
    return new HttpResponse(302, Map.of("Location", List.of(location), "Cache-Control", List.of("no-store")), null);
  }

  /** A copy with one more header value. */
  public HttpResponse withHeader(String name, String value) {
    return new HttpResponse(status, Headers.with(headers, name, value), body);
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    return Headers.first(headers, name);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpResponse r && status == r.status && headers.equals(r.headers)
        && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers) * 31 + java.util.Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "HTTP " + status + " (" + body.length + " bytes)";
  }
}
