package io.github.insignia.openbadges.validation.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpResourceFetcherTest {
  private static HttpServer server;
  private static String base;
  private static final CountDownLatch NEVER = new CountDownLatch(1);
  private static volatile String lastAccept;

  private static final HttpResourceFetcher FETCHER = HttpResourceFetcher.builder()
      .allowPrivateNetwork(true)
      .connectTimeout(Duration.ofMillis(500))
      .totalTimeout(Duration.ofMillis(700))
      .maxBytes(1000)
      .build();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/ok", ex -> {
      lastAccept = ex.getRequestHeaders().getFirst("Accept");
      send(ex, 200, "application/ld+json", "{\"id\":\"x\"}");
    });
    server.createContext("/forbidden", ex -> send(ex, 403, "text/html", "<html>login</html>"));
    server.createContext("/unauthorized", ex -> send(ex, 401, "text/plain", "no"));
    server.createContext("/missing", ex -> send(ex, 404, "text/plain", "no"));
    server.createContext("/gone", ex -> send(ex, 410, "text/plain", ""));
    server.createContext("/html", ex -> send(ex, 200, "text/html; charset=utf-8", "<!doctype html><p>moved</p>"));
    server.createContext("/redirect", ex -> redirect(ex, base + "/ok"));
    server.createContext("/loop", ex -> redirect(ex, base + "/loop2"));
    server.createContext("/loop2", ex -> redirect(ex, base + "/loop"));
    server.createContext("/chain", ex -> {
      int n = Integer.parseInt(ex.getRequestURI().getQuery());
      redirect(ex, n == 0 ? base + "/ok" : base + "/chain?" + (n - 1));
    });
    server.createContext("/to-private", ex -> redirect(ex, "http://127.0.0.2:1/secret"));
    server.createContext("/hang", ex -> {
      try {
        NEVER.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.createContext("/slow-body", ex -> {
      ex.sendResponseHeaders(200, 0);
      ex.getResponseBody().write('{');
      ex.getResponseBody().flush();
      try {
        NEVER.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.createContext("/big", ex -> send(ex, 200, "application/json", "[" + "1,".repeat(2000) + "1]"));
    server.createContext("/big-chunked", ex -> {
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 100; i++) {
          out.write("1111111111111111111111111111111111111111".getBytes(StandardCharsets.US_ASCII));
        }
      } catch (IOException ignored) {
        // the client hung up, as it should
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    NEVER.countDown();
    server.stop(0);
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().add("Location", location);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  private static FetchException problem(String path) {
    return assertThrows(FetchException.class,
        () -> FETCHER.fetch(URI.create(base + path)).requireSuccess().requireJson());
  }

  /** The client selector threads started since {@code before} (old ones may end meanwhile). */
  private static java.util.Set<Thread> newSelectorThreads(java.util.Set<Thread> before) {
    java.util.Set<Thread> now = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
    now.removeIf(t -> before.contains(t) || !t.getName().contains("SelectorManager"));
    return now;
  }

  /**
   * A direct fetch never builds an {@code HttpClient} (it connects to the checked address itself),
   * so a verifier pays for one only when a proxy is configured.
   */
  @Test
  void aDirectFetchBuildsNoHttpClient() {
    java.util.Set<Thread> before = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
    HttpResourceFetcher lazy = null;
    for (int i = 0; i < 5; i++) {
      lazy = HttpResourceFetcher.builder().allowPrivateNetwork(true).build();
    }
    assertEquals(java.util.Set.of(), newSelectorThreads(before), "building fetchers started no client");
    assertEquals(200, lazy.fetch(URI.create(base + "/ok")).status());
    assertEquals(200, lazy.fetch(URI.create(base + "/ok")).status());
    assertEquals(java.util.Set.of(), newSelectorThreads(before), "fetching directly started no client either");
  }

  @Test
  void fetchesJsonWithTheAcceptHeader() {
    FetchedResource r = FETCHER.fetch(URI.create(base + "/ok")).requireSuccess().requireJson();
    assertEquals(200, r.status());
    assertEquals("application/ld+json", r.mediaType());
    assertArrayEquals("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8), r.body());
    assertEquals(HttpResourceFetcher.ACCEPT, lastAccept);
  }

  @Test
  void distinguishesStatuses() {
    assertEquals(FetchProblem.ACCESS_RESTRICTED, problem("/forbidden").problem());
    assertEquals(FetchProblem.ACCESS_RESTRICTED, problem("/unauthorized").problem());
    assertEquals(FetchProblem.NOT_FOUND, problem("/missing").problem());
    FetchException gone = problem("/gone");
    assertEquals(FetchProblem.GONE, gone.problem());
    assertEquals(410, gone.status());
    assertEquals("FETCH_GONE", gone.code());
  }

  @Test
  void htmlWhereJsonWasExpected() {
    FetchException e = problem("/html");
    assertEquals(FetchProblem.WRONG_CONTENT_TYPE, e.problem());
    assertEquals("text/html", e.detail().orElseThrow());
  }

  @Test
  void followsRedirectsAndReportsTheFinalUrl() {
    FetchedResource r = FETCHER.fetch(URI.create(base + "/redirect"));
    assertEquals(URI.create(base + "/ok"), r.finalUrl());
    assertEquals(URI.create(base + "/redirect"), r.requestedUrl());
    assertEquals(200, FETCHER.fetch(URI.create(base + "/chain?4")).status());
  }

  @Test
  void stopsRedirectLoopsAndLongChains() {
    assertEquals(FetchProblem.TOO_MANY_REDIRECTS, problem("/loop").problem());
    assertEquals(FetchProblem.TOO_MANY_REDIRECTS, problem("/chain?5").problem());
  }

  @Test
  void refusesLoopbackUnlessAllowed() {
    HttpResourceFetcher strict = HttpResourceFetcher.create();
    FetchException e = assertThrows(FetchException.class, () -> strict.fetch(URI.create(base + "/ok")));
    assertEquals(FetchProblem.PRIVATE_ADDRESS, e.problem());
    assertEquals("127.0.0.1", e.detail().orElseThrow());
    assertEquals(FetchProblem.PRIVATE_ADDRESS, assertThrows(FetchException.class,
        () -> strict.fetch(URI.create("http://localhost:1/"))).problem());
    assertEquals(FetchProblem.PRIVATE_ADDRESS, assertThrows(FetchException.class,
        () -> strict.fetch(URI.create("http://[::ffff:127.0.0.1]:1/"))).problem());
  }

  @Test
  void checksAgainOnEveryRedirect() {
    // The first hop is exempted (it stands for a public server); its redirect to loopback is not.
    HttpResourceFetcher strict = HttpResourceFetcher.builder()
        .exemptForTests(a -> a.getHostAddress().equals("127.0.0.1"))
        .totalTimeout(Duration.ofSeconds(2))
        .build();
    assertEquals(200, strict.fetch(URI.create(base + "/ok")).status());
    FetchException e = assertThrows(FetchException.class, () -> strict.fetch(URI.create(base + "/to-private")));
    assertEquals(FetchProblem.PRIVATE_ADDRESS, e.problem());
    assertEquals("127.0.0.2", e.detail().orElseThrow());
  }

  @Test
  void hangingServerTimesOut() {
    long start = System.nanoTime();
    assertEquals(FetchProblem.TIMEOUT, problem("/hang").problem());
    assertEquals(FetchProblem.TIMEOUT, problem("/slow-body").problem());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
  }

  @Test
  void capsTheBody() {
    assertEquals(FetchProblem.TOO_LARGE, problem("/big").problem());
    assertEquals(FetchProblem.TOO_LARGE, problem("/big-chunked").problem());
  }

  @Test
  void refusesOtherSchemes() {
    for (String url : new String[] {"file:///etc/passwd", "ftp://example.org/x", "jar:file:/x!/y", "http://user@example.org/"}) {
      assertEquals(FetchProblem.UNSUPPORTED_URL,
          assertThrows(FetchException.class, () -> FETCHER.fetch(URI.create(url))).problem(), url);
    }
  }

  @Test
  void connectionRefused() {
    assertEquals(FetchProblem.CONNECTION_FAILED,
        assertThrows(FetchException.class, () -> FETCHER.fetch(URI.create("http://127.0.0.1:1/"))).problem());
  }

  @Test
  void namesTlsCauses() {
    assertEquals("UNTRUSTED_CHAIN", HttpResourceFetcher.tlsCause(new javax.net.ssl.SSLHandshakeException(
        "PKIX path building failed: unable to find valid certification path to requested target")));
    assertEquals("HOSTNAME_MISMATCH", HttpResourceFetcher.tlsCause(new javax.net.ssl.SSLHandshakeException(
        "No subject alternative DNS name matching example.org found.")));
    assertEquals("HANDSHAKE", HttpResourceFetcher.tlsCause(new javax.net.ssl.SSLHandshakeException("Received fatal alert: handshake_failure")));
  }
}
