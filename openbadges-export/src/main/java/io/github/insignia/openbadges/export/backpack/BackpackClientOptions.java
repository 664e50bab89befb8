package io.github.insignia.openbadges.export.backpack;

import io.github.insignia.openbadges.export.ExportErrorCode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.json.JsonLimits;
import java.time.Clock;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How a backpack client connects: timeouts, retries, token storage, the account whose tokens are
 * used, and limits. Immutable; {@link #defaults()} keeps tokens in memory for account {@code
 * default}.
 *
 * <p>Retries happen only where safe: idempotent GETs after a connection failure or timeout and on
 * 429/502/503/504; any request on 429/503 when the server sent {@code Retry-After}. A wait longer
 * than {@link Builder#maxRetryAfter(Duration)} is not waited: the call fails with the server's
 * Retry-After in the exception.
 *
 * <p>Endpoints are bound to the backpack: discovery may only name registration, authorization,
 * token and revocation endpoints on the API base's origin, or on an origin the host lists with
 * {@link Builder#trustEndpointOrigin(URI)}. Plain http is refused unless {@link
 * Builder#allowHttpOnLoopback(boolean)} is set (tests and demos only).
 */
public final class BackpackClientOptions {
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxRetries;
  private final Duration retryBackoff;
  private final Duration maxRetryAfter;
  private final TokenStore tokenStore;
  private final String account;
  private final Clock clock;
  private final JsonLimits jsonLimits;
  private final boolean allowHttpOnLoopback;
  private final String userAgent;
  private final Set<String> trustedEndpointOrigins;

  private BackpackClientOptions(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxRetries = b.maxRetries;
    this.retryBackoff = b.retryBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.tokenStore = b.tokenStore;
    this.account = b.account;
    this.clock = b.clock;
    this.jsonLimits = b.jsonLimits;
    this.allowHttpOnLoopback = b.allowHttpOnLoopback;
    this.userAgent = b.userAgent;
    this.trustedEndpointOrigins = Set.copyOf(b.trustedEndpointOrigins);
  }

  /** Defaults: 5 s connect, 30 s per request, 2 retries, Retry-After up to 10 s, in-memory tokens. */
  public static BackpackClientOptions defaults() {
    return builder().build();
  }

  /** A builder from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Connect timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Timeout of one request, from sending to the last byte of the answer. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Retries after the first attempt. */
  public int maxRetries() {
    return maxRetries;
  }

  /** First wait between retries without Retry-After (doubles each time). */
  public Duration retryBackoff() {
    return retryBackoff;
  }

  /** The longest Retry-After the client waits for. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** Where tokens and registrations are kept. */
  public TokenStore tokenStore() {
    return tokenStore;
  }

  /** The host's account key whose tokens are used. */
  public String account() {
    return account;
  }

  /** The clock for token expiry. */
  public Clock clock() {
    return clock;
  }

  /** Limits for JSON answers (also bounds the answer size). */
  public JsonLimits jsonLimits() {
    return jsonLimits;
  }

  /**
   * The origins ({@code scheme://host:port}, lower case) besides the API base's own where discovery
   * may place the OAuth endpoints; empty by default.
   */
  public Set<String> trustedEndpointOrigins() {
    return trustedEndpointOrigins;
  }

  /** The origin of a URL as {@code scheme://host:port} in lower case (default ports written out). */
  public static String origin(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + (url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
  }

  /** Whether plain http is allowed on loopback addresses (tests, demos; default false); never elsewhere. */
  public boolean allowHttpOnLoopback() {
    return allowHttpOnLoopback;
  }

  /** The User-Agent header. */
  public String userAgent() {
    return userAgent;
  }

  /** Builds {@link BackpackClientOptions}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxRetries = 2;
    private Duration retryBackoff = Duration.ofMillis(200);
    private Duration maxRetryAfter = Duration.ofSeconds(10);
    private TokenStore tokenStore = new InMemoryTokenStore();
    private String account = "default";
    private Clock clock = Clock.systemUTC();
    private JsonLimits jsonLimits = JsonLimits.defaults();
    private boolean allowHttpOnLoopback = false;
    private String userAgent = "insignia-openbadges";
    private final Set<String> trustedEndpointOrigins = new LinkedHashSet<>();

    private Builder() {}

    /** Connect timeout (positive). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /** Request timeout (positive). */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = positive(value, "requestTimeout");
      return this;
    }

    /** Retries after the first attempt, 0..10. */
    public Builder maxRetries(int value) {
      if (value < 0 || value > 10) {
        throw new ConfigurationException(ExportErrorCode.BACKPACK_OPTION_INVALID, "maxRetries must be 0..10");
      }
      this.maxRetries = value;
      return this;
    }

    /** First backoff between retries. */
    public Builder retryBackoff(Duration value) {
      this.retryBackoff = Objects.requireNonNull(value, "retryBackoff");
      return this;
    }

    /** The longest Retry-After waited for. */
    public Builder maxRetryAfter(Duration value) {
      this.maxRetryAfter = Objects.requireNonNull(value, "maxRetryAfter");
      return this;
    }

    /** Token storage. */
    public Builder tokenStore(TokenStore value) {
      this.tokenStore = Objects.requireNonNull(value, "tokenStore");
      return this;
    }

    /** The account key. */
    public Builder account(String value) {
      this.account = Objects.requireNonNull(value, "account");
      return this;
    }

    /** The clock. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** JSON limits. */
    public Builder jsonLimits(JsonLimits value) {
      this.jsonLimits = Objects.requireNonNull(value, "jsonLimits");
      return this;
    }

    /**
     * Allow plain http to loopback addresses (default false: set it for tests and demos only; a
     * loopback service is whatever runs on this machine).
     */
    public Builder allowHttpOnLoopback(boolean value) {
      this.allowHttpOnLoopback = value;
      return this;
    }

    /**
     * Trusts one more origin for the OAuth endpoints a discovery document names (for a backpack
     * whose authorization server lives on another host). Only the origin of {@code url} counts;
     * it must be an absolute http(s) URL with a host.
     */
    public Builder trustEndpointOrigin(URI url) {
      Objects.requireNonNull(url, "url");
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
        throw new ConfigurationException(ExportErrorCode.BACKPACK_OPTION_INVALID, "a trusted endpoint origin must be an http(s) URL with a host");
      }
      this.trustedEndpointOrigins.add(origin(url));
      return this;
    }

    /** User-Agent. */
    public Builder userAgent(String value) {
      this.userAgent = Objects.requireNonNull(value, "userAgent");
      return this;
    }

    /** The options. */
    public BackpackClientOptions build() {
      return new BackpackClientOptions(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new ConfigurationException(ExportErrorCode.BACKPACK_OPTION_INVALID, name + " must be positive");
      }
      return d;
    }
  }
}
