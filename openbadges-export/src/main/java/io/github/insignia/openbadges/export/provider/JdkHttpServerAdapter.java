package io.github.insignia.openbadges.export.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Serves a {@link BackpackProvider} with the JDK's {@code com.sun.net.httpserver} on a loopback
 * port. <strong>For tests and demos only</strong>: plain HTTP on 127.0.0.1, no TLS, no connection
 * limits; production hosts call {@link BackpackProvider#handle} from their own server.
 *
 * <p>Slow clients: requests are served by {@value #THREADS} threads, so a few clients that stall
 * do not block the others, and a request (headers and body) that takes longer than {@value
 * #REQUEST_READ_TIMEOUT_SECONDS} s to arrive is cut off. That limit is the JDK server's {@code
 * sun.net.httpserver.maxReqTime}, a JVM-wide setting read once: this class sets it when it is
 * unset, which takes effect if no {@code com.sun.net.httpserver} server was created before in the
 * JVM; otherwise pass {@code -Dsun.net.httpserver.maxReqTime=SECONDS} yourself.
 *
 * <pre>{@code
 * try (JdkHttpServerAdapter server = JdkHttpServerAdapter.startLoopback(0,
 *     base -> BackpackProvider.builder(base, consent).build())) { ... server.baseUrl() ... }
 * }</pre>
 */
public final class JdkHttpServerAdapter implements AutoCloseable {
  /** Request bodies larger than this are refused with 413. */
  public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  /** Threads serving requests. */
  public static final int THREADS = 32;
  /** Seconds a request may take to arrive (headers and body) before the connection is closed. */
  public static final int REQUEST_READ_TIMEOUT_SECONDS = 20;
  private static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";

  static {
    if (System.getProperty(MAX_REQ_TIME) == null) {
      System.setProperty(MAX_REQ_TIME, Integer.toString(REQUEST_READ_TIMEOUT_SECONDS));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUrl;
  private final BackpackProvider provider;

  private JdkHttpServerAdapter(HttpServer server, ExecutorService executor, URI baseUrl, BackpackProvider provider) {
    this.server = server;
    this.executor = executor;
    this.baseUrl = baseUrl;
    this.provider = provider;
  }

  /**
   * Binds 127.0.0.1 on {@code port} (0 picks a free one), builds the provider for the resulting base
   * URL ({@code http://127.0.0.1:PORT}) and starts serving.
   */
  public static JdkHttpServerAdapter startLoopback(int port, Function<URI, BackpackProvider> providerFactory) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      BackpackProvider provider = providerFactory.apply(base);
      ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "insignia-backpack-provider");
        t.setDaemon(true);
        return t;
      });
      server.setExecutor(executor);
      server.createContext("/", exchange -> serve(provider, exchange));
      server.start();
      return new JdkHttpServerAdapter(server, executor, base, provider);
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the loopback provider", e);
    }
  }

  /** The base URL the provider is served at. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The provider being served. */
  public BackpackProvider provider() {
    return provider;
  }

  private static void serve(BackpackProvider provider, HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      HttpResponse response;
      if (body.length > MAX_BODY_BYTES) {
        response = HttpResponse.empty(413);
      } else {
        URI uri = exchange.getRequestURI();
        Map<String, List<String>> headers = exchange.getRequestHeaders();
        response = provider.handle(new HttpRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
            headers, body));
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
      byte[] out = response.body();
      boolean noBody = out.length == 0 || response.status() == 304 || response.status() == 204;
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : out.length);
      if (!noBody) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  /** Stops the server at once and its threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
