package io.github.insignia.openbadges.export.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    }
    headers = Collections.unmodifiableMap(copy);
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
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
    values.add(value);
    copy.put(name, values);
    return new HttpResponse(status, copy, body);
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
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
