package io.github.insignia.openbadges.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A response of {@link BadgeSite}: status, headers (in order) and body. Immutable. */
public final class WebResponse {
  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;

  private WebResponse(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.body = body;
  }

  /** A response with a status, a content type and a body. */
  public static WebResponse of(int status, String contentType, byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    if (contentType != null) {
      h.put("Content-Type", contentType);
    }
    return new WebResponse(status, h, Objects.requireNonNull(body, "body").clone());
  }

  /** A UTF-8 text response. */
  public static WebResponse of(int status, String contentType, String body) {
    return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** This response with one more header (replacing one of the same name). */
  public WebResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new WebResponse(status, h, body);
  }

  /** This response with another status and no body (304, HEAD). */
  public WebResponse withoutBody(int newStatus) {
    return new WebResponse(newStatus, headers, new byte[0]);
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** The headers, in the order they were set. */
  public Map<String, String> headers() {
    return headers;
  }

  /** A header. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** The header names, in order. */
  public List<String> headerNames() {
    return new ArrayList<>(headers.keySet());
  }

  /** The body (a copy). */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body's length. */
  public int bodyLength() {
    return body.length;
  }

  /** Writes the body without copying it. */
  public void writeBody(java.io.OutputStream out) throws java.io.IOException {
    out.write(body);
  }
}
