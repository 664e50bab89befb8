package io.github.insignia.openbadges.validation.fetch;

import io.github.insignia.openbadges.ModelErrorCode;
import io.github.insignia.openbadges.ConfigurationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The default {@link ResourceFetcher}: HTTP/1.1 to the checked address (through a proxy, {@link
 * java.net.http.HttpClient}).
 *
 * <p>Safe defaults for fetching on behalf of a stranger's badge: only {@code https} and {@code
 * http}; every host is resolved and each of its addresses checked before each hop (redirects are
 * followed here, at most {@link Builder#maxRedirects(int)} of them, not by the client), and a host
 * with any loopback, private, link-local, multicast or unspecified address is refused; a connect
 * timeout and a total deadline per fetch; bodies read as a stream and abandoned past the size cap;
 * {@code Accept: application/ld+json, application/json}.
 *
 * <p>No DNS rebinding: the connection is made to the very addresses that were checked (one lookup
 * per hop), by a small HTTP/1.1 client, because Java 17's {@code HttpClient} resolves the host
 * again when it connects and offers no hook to prevent it; TLS still names and verifies the URL's
 * host. Only when the JVM's {@link java.net.ProxySelector} sends the URL through a proxy is the
 * fetch made by {@code HttpClient} through that proxy: the proxy then resolves the name, and a host
 * that relies on it must make it enforce the same rule.
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpResourceFetcher implements ResourceFetcher {
  /** The Accept header sent with every request. */
  public static final String ACCEPT = "application/ld+json, application/json";

  /**
   * Built on the first fetch through a proxy only, not here: creating an {@code HttpClient} loads and
   * initialises some 800 classes (selector, TLS) and cost about a third of a second of CPU in a
   * fresh JVM, which a verifier that fetches directly (or not at all) never needs.
   */
  private final java.util.function.Supplier<HttpClient> clientFactory;
  private volatile HttpClient client;
  private final boolean allowPrivateNetwork;
  private final Duration connectTimeout;
  private final Duration totalTimeout;
  private final long maxBytes;
  private final int maxRedirects;
  private final String accept;
  private final String userAgent;
  private final java.util.function.Predicate<InetAddress> exempt;
  private final javax.net.ssl.SSLContext sslContext;
  private final Resolver resolver;
  private final java.net.ProxySelector proxySelector;

  /** A host name to its addresses ({@link InetAddress#getAllByName}; tests put their own "DNS" here). */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private HttpResourceFetcher(Builder b) {
    this.exempt = b.exempt;
    this.allowPrivateNetwork = b.allowPrivateNetwork;
    this.connectTimeout = b.connectTimeout;
    this.totalTimeout = b.totalTimeout;
    this.maxBytes = b.maxBytes;
    this.maxRedirects = b.maxRedirects;
    this.accept = b.accept;
    this.userAgent = b.userAgent;
    this.sslContext = b.sslContext;
    this.resolver = b.resolver;
    this.proxySelector = b.proxySelector;
    javax.net.ssl.SSLContext sslContext = b.sslContext;
    java.net.ProxySelector proxy = b.proxySelector;
    Duration timeout = connectTimeout;
    this.clientFactory = () -> {
      HttpClient.Builder client = HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(timeout);
      if (sslContext != null) {
        client.sslContext(sslContext);
      }
      if (proxy != null) {
        client.proxy(proxy);
      }
      return client.build();
    };
  }

  /** The one client of this fetcher, made on first use (thread-safe: at most one is ever built). */
  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = clientFactory.get();
          client = c;
        }
      }
    }
    return c;
  }

  /** A fetcher with the defaults. */
  public static HttpResourceFetcher create() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether private addresses are allowed (tests only). */
  public boolean allowsPrivateNetwork() {
    return allowPrivateNetwork;
  }

  @Override
  public FetchedResource fetch(URI url) {
    return fetch(url, accept);
  }

  @Override
  public FetchedResource fetch(URI url, String acceptHeader) {
    long deadline = System.nanoTime() + totalTimeout.toNanos();
    URI current = url;
    Set<URI> seen = new HashSet<>();
    for (int hop = 0; ; hop++) {
      checkUrl(current);
      if (!seen.add(current) || hop > maxRedirects) {
        throw new FetchException(FetchProblem.TOO_MANY_REDIRECTS, url, Integer.toString(hop), 0,
            url + ": more than " + maxRedirects + " redirects (or a redirect loop)", null);
      }
      InetAddress[] addresses = checkAddresses(current);
      PinnedExchange.Response response = proxied(current)
          ? send(current, deadline, acceptHeader)
          : pinned(current, addresses, deadline, acceptHeader);
      int status = response.status();
      if (isRedirect(status) && response.location().isPresent()) {
        current = resolveLocation(current, response.location().get());
        continue;
      }
      return new FetchedResource(url, current, status, response.contentType(), response.body());
    }
  }

  /** The statuses whose {@code Location} the fetcher follows. */
  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static URI resolveLocation(URI base, String location) {
    try {
      return base.resolve(new URI(location.trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(FetchProblem.UNSUPPORTED_URL, base, location, 0,
          base + " redirected to an invalid location: " + location, e);
    }
  }

  private static void checkUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null || url.getRawUserInfo() != null) {
      throw new FetchException(FetchProblem.UNSUPPORTED_URL, url, scheme, 0,
          url + " is not an http(s) URL this verifier fetches", null);
    }
  }

  /** The host's addresses, each checked; the only ones a direct connection is made to. */
  private InetAddress[] checkAddresses(URI url) {
    String host = url.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new FetchException(FetchProblem.CONNECTION_FAILED, url, "UNKNOWN_HOST", 0,
          "the host of " + url + " could not be resolved", e);
    }
    if (allowPrivateNetwork) {
      return addresses;
    }
    for (InetAddress address : addresses) {
      if (NetworkAddresses.isRestricted(address) && !exempt.test(address)) {
        throw new FetchException(FetchProblem.PRIVATE_ADDRESS, url, address.getHostAddress(), 0,
            url + " resolves to the non-public address " + address.getHostAddress() + "; refused", null);
      }
    }
    return addresses;
  }

  /** Whether the proxy selector sends this URL through a proxy (then the proxy connects, not this JVM). */
  private boolean proxied(URI url) {
    java.net.ProxySelector selector = proxySelector != null ? proxySelector : java.net.ProxySelector.getDefault();
    if (selector == null) {
      return false;
    }
    try {
      return selector.select(url).stream().anyMatch(p -> p.type() != java.net.Proxy.Type.DIRECT);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The direct fetch: one connection to a checked address, no second lookup. */
  private PinnedExchange.Response pinned(URI url, InetAddress[] addresses, long deadline, String acceptHeader) {
    try {
      return PinnedExchange.get(url, addresses, acceptHeader, userAgent, deadline, connectTimeout, maxBytes, tls());
    } catch (IllegalArgumentException e) {
      throw new FetchException(FetchProblem.UNSUPPORTED_URL, url, null, 0, url + " is not a URL this verifier can request: " + e.getMessage(), e);
    } catch (IOException e) {
      throw translate(url, e);
    }
  }

  /** The TLS socket factory: the host's context, else the JDK's default (made on the first https fetch). */
  private javax.net.ssl.SSLSocketFactory tls() throws IOException {
    if (sslContext != null) {
      return sslContext.getSocketFactory();
    }
    try {
      return javax.net.ssl.SSLContext.getDefault().getSocketFactory();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new javax.net.ssl.SSLException("no default TLS context", e);
    }
  }

  /** The fetch through the JVM's proxy, by {@code HttpClient} (the proxy resolves and connects). */
  private PinnedExchange.Response send(URI url, long deadline, String acceptHeader) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw timeout(url, null);
    }
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(url)
          .timeout(Duration.ofNanos(remaining))
          .header("Accept", acceptHeader)
          .header("User-Agent", userAgent)
          .GET()
          .build();
    } catch (IllegalArgumentException e) {
      throw new FetchException(FetchProblem.UNSUPPORTED_URL, url, null, 0, url + " is not a valid URL", e);
    }
    CompletableFuture<HttpResponse<byte[]>> future =
        client().sendAsync(request, info -> capped(url, info));
    try {
      HttpResponse<byte[]> response = future.get(remaining, TimeUnit.NANOSECONDS);
      return new PinnedExchange.Response(response.statusCode(), response.headers().firstValue("Content-Type"),
          response.headers().firstValue("Location"), response.body());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timeout(url, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw timeout(url, e);
    } catch (ExecutionException e) {
      throw translate(url, e.getCause());
    }
  }

  private HttpResponse.BodySubscriber<byte[]> capped(URI url, HttpResponse.ResponseInfo info) {
    if (isRedirect(info.statusCode()) && info.headers().firstValue("Location").isPresent()) {
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > maxBytes) {
      return new CappedSubscriber(url, maxBytes, true);
    }
    return new CappedSubscriber(url, maxBytes, false);
  }

  private FetchException timeout(URI url, Throwable cause) {
    return new FetchException(FetchProblem.TIMEOUT, url, null, 0,
        url + " did not answer within " + totalTimeout.toMillis() + " ms", cause);
  }

  private FetchException translate(URI url, Throwable t) {
    Throwable cause = t;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof FetchException fe) {
        return fe;
      }
    }
    if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException
        || cause instanceof java.net.SocketTimeoutException) {
      return timeout(url, cause);
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SSLException) {
        String reason = tlsCause(t);
        return new FetchException(FetchProblem.TLS_FAILURE, url, reason, 0,
            "TLS handshake with " + url.getHost() + " failed: " + reason, t);
      }
    }
    String kind = cause instanceof ConnectException ? "CONNECTION_REFUSED"
        : cause instanceof PinnedExchange.Malformed ? "MALFORMED_RESPONSE" : "IO";
    return new FetchException(FetchProblem.CONNECTION_FAILED, url, kind, 0,
        "could not connect to " + url + ": " + cause, cause);
  }

  /** Names the TLS failure from the exception chain (the JDK gives no typed cause). */
  static String tlsCause(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getClass().getSimpleName()).append(' ').append(c.getMessage()).append('\n');
    }
    String text = all.toString().toLowerCase(Locale.ROOT);
    if (text.contains("no subject alternative") || text.contains("no name matching")) {
      return "HOSTNAME_MISMATCH";
    }
    if (text.contains("certificateexpired") || text.contains("notafter") || text.contains("validity check failed")) {
      return "CERTIFICATE_EXPIRED";
    }
    if (text.contains("pkix path") || text.contains("unable to find valid certification path")
        || text.contains("certpathbuilder")) {
      // The JDK cannot tell an unknown root from a missing intermediate; both fail path building.
      return "UNTRUSTED_CHAIN";
    }
    return "HANDSHAKE";
  }

  /** Collects the body and fails as soon as it grows past the cap. */
  private static final class CappedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final URI url;
    private final long max;
    private final boolean failNow;
    private final List<ByteBuffer> parts = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;

    CappedSubscriber(URI url, long max, boolean failNow) {
      this.url = url;
      this.max = max;
      this.failNow = failNow;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.subscription = s;
      if (failNow) {
        s.cancel();
        result.completeExceptionally(tooLarge());
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        size += b.remaining();
        parts.add(b);
      }
      if (size > max) {
        parts.clear();
        subscription.cancel();
        result.completeExceptionally(tooLarge());
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      byte[] all = new byte[(int) size];
      int at = 0;
      for (ByteBuffer b : parts) {
        int n = b.remaining();
        b.get(all, at, n);
        at += n;
      }
      result.complete(all);
    }

    private FetchException tooLarge() {
      return new FetchException(FetchProblem.TOO_LARGE, url, Long.toString(max), 0,
          url + " sent more than " + max + " bytes", null);
    }
  }

  /** Builds an {@link HttpResourceFetcher}. */
  public static final class Builder {
    private boolean allowPrivateNetwork;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration totalTimeout = Duration.ofSeconds(15);
    private long maxBytes = 4L * 1024 * 1024;
    private int maxRedirects = 5;
    private String accept = ACCEPT;
    private String userAgent = "Insignia-Verifier/0.1";
    private java.util.function.Predicate<InetAddress> exempt = a -> false;
    private javax.net.ssl.SSLContext sslContext;
    private Resolver resolver = InetAddress::getAllByName;
    private java.net.ProxySelector proxySelector;

    private Builder() {}

    /**
     * The egress proxy (default: the JVM's {@link java.net.ProxySelector#getDefault()}, which follows
     * the {@code http.proxyHost}/{@code https.proxyHost} properties). A URL the selector sends through
     * a proxy is fetched by {@code HttpClient} through it: the proxy resolves the host and connects,
     * so it must refuse private addresses itself; every other URL is fetched directly, to the address
     * this fetcher checked.
     */
    public Builder proxy(java.net.ProxySelector value) {
      this.proxySelector = java.util.Objects.requireNonNull(value, "proxy");
      return this;
    }

    /** Tests only: the host name lookup (default the JDK's). */
    Builder resolverForTests(Resolver value) {
      this.resolver = java.util.Objects.requireNonNull(value, "resolver");
      return this;
    }

    /** The TLS context (default: the JDK's, with its trust store); for hosts with a private CA. */
    public Builder sslContext(javax.net.ssl.SSLContext value) {
      this.sslContext = java.util.Objects.requireNonNull(value, "sslContext");
      return this;
    }

    /** Tests only: exempt some addresses from the private-address rule while others stay refused. */
    Builder exemptForTests(java.util.function.Predicate<InetAddress> value) {
      this.exempt = value;
      return this;
    }

    /** Allow loopback and private addresses: for tests and closed networks only (default false). */
    public Builder allowPrivateNetwork(boolean value) {
      this.allowPrivateNetwork = value;
      return this;
    }

    /** Connect timeout (default 5 s). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /** Deadline for the whole fetch, redirects and body included (default 15 s). */
    public Builder totalTimeout(Duration value) {
      this.totalTimeout = positive(value, "totalTimeout");
      return this;
    }

    /** Body size cap in bytes (default 4 MiB). */
    public Builder maxBytes(long value) {
      if (value < 1 || value > Integer.MAX_VALUE - 8) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, "maxBytes must be between 1 and 2^31-9");
      }
      this.maxBytes = value;
      return this;
    }

    /** Maximum redirects per fetch, 0 to 20 (default 5). */
    public Builder maxRedirects(int value) {
      if (value < 0 || value > 20) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, "maxRedirects must be between 0 and 20");
      }
      this.maxRedirects = value;
      return this;
    }

    /** The Accept header (default {@link HttpResourceFetcher#ACCEPT}). */
    public Builder accept(String value) {
      this.accept = java.util.Objects.requireNonNull(value, "accept");
      return this;
    }

    /** The User-Agent header. */
    public Builder userAgent(String value) {
      this.userAgent = java.util.Objects.requireNonNull(value, "userAgent");
      return this;
    }

    /** The fetcher. */
    public HttpResourceFetcher build() {
      return new HttpResourceFetcher(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new ConfigurationException(ModelErrorCode.LIMIT_INVALID, name + " must be positive");
      }
      return d;
    }
  }
}
