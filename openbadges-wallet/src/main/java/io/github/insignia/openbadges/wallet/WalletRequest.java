package io.github.insignia.openbadges.wallet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request to the wallet endpoints, framework-neutral: method, path (the full request path
 * as received, context path included, not decoded), headers and body. Immutable.
 */
public final class WalletRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final boolean bodyTooLarge;

  private WalletRequest(Builder b) {
    this.method = b.method.toUpperCase(Locale.ROOT);
    this.path = b.path;
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    b.headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
    this.headers = Collections.unmodifiableMap(h);
    this.body = b.body.clone();
    this.bodyTooLarge = b.bodyTooLarge;
  }

  /**
   * A builder.
   *
   * @param method the HTTP method
   * @param path the request path, e.g. {@code /oid4vci/token}
   * @return the builder
   */
  public static Builder builder(String method, String path) {
    return new Builder(method, path);
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The request path (not decoded). */
  public String path() {
    return path;
  }

  /**
   * The first value of a header (names compared ignoring case).
   *
   * @param name the header name
   * @return its first value, or empty
   */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The body (a copy); empty when there was none or it was too large. */
  public byte[] body() {
    return body.clone();
  }

  /** Whether the body was larger than the host's limit (and so not read). */
  public boolean bodyTooLarge() {
    return bodyTooLarge;
  }

  /** Builds a {@link WalletRequest}. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = new byte[0];
    private boolean bodyTooLarge;

    private Builder(String method, String path) {
      this.method = Objects.requireNonNull(method, "method");
      this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Adds a header value.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * The body.
     *
     * @param value the bytes (copied)
     * @return this builder
     */
    public Builder body(byte[] value) {
      this.body = value.clone();
      return this;
    }

    /**
     * Marks the body as over the host's limit (it is answered {@code invalid_request}, never read).
     *
     * @param value whether it was too large
     * @return this builder
     */
    public Builder bodyTooLarge(boolean value) {
      this.bodyTooLarge = value;
      return this;
    }

    /** The request. */
    public WalletRequest build() {
      return new WalletRequest(this);
    }
  }
}
