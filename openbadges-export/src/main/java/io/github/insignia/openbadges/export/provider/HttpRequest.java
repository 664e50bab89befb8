package io.github.insignia.openbadges.export.provider;

import io.github.insignia.openbadges.export.internal.Headers;
import io.github.insignia.openbadges.export.internal.Percent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as the provider sees it, independent of any server framework. Header names are
 * case-insensitive. Immutable (the body is copied).
 *
 * @param method the method, upper case
 * @param path the raw (still percent-encoded) path, starting with {@code /}
 * @param rawQuery the raw query without {@code ?}, or null
 * @param headers the headers
 * @param body the body, empty when none
 */
public record HttpRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
  /** Validates and copies. */
  public HttpRequest {
    method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    Objects.requireNonNull(path, "path");
    headers = Headers.copy(headers);
    body = body == null ? new byte[0] : body.clone();
  }

  /** A request without headers or body. */
  public static HttpRequest of(String method, String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return new HttpRequest(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
        q < 0 ? null : pathAndQuery.substring(q + 1), Map.of(), null);
  }

  /** A copy with one more header value. */
  public HttpRequest withHeader(String name, String value) {
    return new HttpRequest(method, path, rawQuery, Headers.with(headers, name, value), body);
  }

  /** A copy with this body. */
  public HttpRequest withBody(byte[] value) {
    return new HttpRequest(method, path, rawQuery, headers, value);
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    return Headers.first(headers, name);
  }

  /** The media type of the body, lower case, without parameters; empty when absent. */
  public String mediaType() {
    String type = header("Content-Type").orElse("");
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** The query parameters, decoded ({@code +} as a space, as forms write it). */
  public Map<String, List<String>> query() {
    return Percent.parseQuery(rawQuery, true);
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    List<String> values = query().get(name);
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
    return o instanceof HttpRequest r && method.equals(r.method) && path.equals(r.path)
        && Objects.equals(rawQuery, r.rawQuery) && headers.equals(r.headers) && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, rawQuery, headers) * 31 + java.util.Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + " (" + body.length + " bytes)";
  }
}
