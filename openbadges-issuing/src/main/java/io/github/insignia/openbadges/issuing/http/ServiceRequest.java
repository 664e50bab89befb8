package io.github.insignia.openbadges.issuing.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request to a framework-neutral service ({@code BadgeSite} of openbadges-web, {@code
 * WalletIssuer} of openbadges-wallet): the method, the path, the query parameters, the headers and
 * the body (already bounded by the adapter). What the path holds is the service's contract: {@code
 * BadgeSite} takes the path below its mount point, percent-decoded; {@code WalletIssuer} the full
 * request path as received, not decoded. Immutable.
 */
public final class ServiceRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final boolean bodyTooLarge;

  private ServiceRequest(Builder b) {
    this.method = b.method.toUpperCase(Locale.ROOT);
    this.path = b.path;
    this.query = Collections.unmodifiableMap(copy(b.query));
    this.headers = Collections.unmodifiableMap(copy(b.headers));
    this.body = b.body.clone();
    this.bodyTooLarge = b.bodyTooLarge;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> m) {
    Map<String, List<String>> c = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    m.forEach((k, v) -> c.put(k, List.copyOf(v)));
    return c;
  }

  /** A builder for a request with this method ({@code GET}, {@code POST}, …) and path (starting with {@code /}). */
  public static Builder builder(String method, String path) {
    return new Builder(method, path);
  }

  /** The method, upper case. */
  public String method() {
    return method;
  }

  /** The path, starting with {@code /} (below the mount point and decoded, or as received: the service says which). */
  public String path() {
    return path;
  }

  /** The first value of a query parameter. */
  public Optional<String> query(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The first value of a header (names are case-insensitive). */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The body (a copy). */
  public byte[] body() {
    return body.clone();
  }

  /** Whether the body was larger than the host's limit (and so not read): the service refuses the request. */
  public boolean bodyTooLarge() {
    return bodyTooLarge;
  }

  /** Builds a {@link ServiceRequest}; not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final Map<String, List<String>> query = new TreeMap<>();
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];
    private boolean bodyTooLarge;

    private Builder(String method, String path) {
      this.method = Objects.requireNonNull(method, "method");
      String p = Objects.requireNonNull(path, "path");
      this.path = p.isEmpty() ? "/" : p;
    }

    /** Adds a query parameter value. */
    public Builder query(String name, String value) {
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds a header value. */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The body. */
    public Builder body(byte[] value) {
      this.body = Objects.requireNonNull(value, "value").clone();
      return this;
    }

    /** Marks the body as cut at the limit. */
    public Builder bodyTooLarge(boolean value) {
      this.bodyTooLarge = value;
      return this;
    }

    /** The request. */
    public ServiceRequest build() {
      return new ServiceRequest(this);
    }
  }
}
