package io.github.insignia.openbadges.export.backpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.export.ExportErrorCode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Server errors, rate limits, slow and dropped connections, against stub servers on 127.0.0.1. */
class ResilienceTest {
  interface Handler {
    void handle(HttpExchange exchange, int call) throws IOException, InterruptedException;
  }

  final AtomicInteger calls = new AtomicInteger();
  HttpServer server;
  ServerSocket dropper;
  Thread dropperThread;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.stop(0);
    }
    if (dropper != null) {
      dropper.close();
    }
  }

  URI serve(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        ex.getRequestBody().readAllBytes();
        handler.handle(ex, calls.incrementAndGet());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A client that is already registered and holds a token, aimed at {@code base}. */
  Ob3BackpackClient client(URI base, BackpackClientOptions.Builder options) {
    InMemoryTokenStore store = new InMemoryTokenStore();
    URI api = URI.create(base + "/ims/ob/v3p0");
    store.saveClient(api.toString(), new ClientRegistration("id", "secret", 0, ""));
    store.saveTokens(api.toString(), "default", new TokenSet("token", null, Instant.parse("2999-01-01T00:00:00Z"), ""));
    BackpackService service = new BackpackService("stub", api, URI.create(base + "/register"),
        URI.create(base + "/authorize"), URI.create(base + "/token"), null, List.of(), null, null);
    return Ob3BackpackClient.of(service, options.tokenStore(store).retryBackoff(Duration.ofMillis(10)).allowHttpOnLoopback(true).build());
  }

  static void send(HttpExchange ex, int status, String body, String... headers) throws IOException {
    for (int i = 0; i < headers.length; i += 2) {
      ex.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(b);
      }
    }
  }

  static final String IMSX_500 = "{\"imsx_codeMajor\":\"failure\",\"imsx_severity\":\"error\","
      + "\"imsx_description\":\"database down\",\"imsx_codeMinor\":{\"imsx_codeMinorField\":[{"
      + "\"imsx_codeMinorFieldName\":\"TargetEndSystem\",\"imsx_codeMinorFieldValue\":\"internal_server_error\"}]}}";

  @Test
  void serverErrorIsTypedWithTheServersWords() throws Exception {
    URI base = serve((ex, n) -> send(ex, 500, IMSX_500, "Content-Type", "application/json"));
    BackpackException e = assertThrows(BackpackException.class,
        () -> client(base, BackpackClientOptions.builder().maxRetries(2)).getProfile());
    assertEquals(ExportErrorCode.BACKPACK_SERVER_ERROR, e.errorCode());
    assertEquals("internal_server_error", e.serverCode().orElseThrow());
    assertEquals("database down", e.serverMessage().orElseThrow());
    assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    assertEquals(1, calls.get(), "a 500 is not retried");
  }

  @Test
  void unavailableWithShortRetryAfterIsRetriedEvenForPost() throws Exception {
    URI base = serve((ex, n) -> {
      if (n == 1) {
        send(ex, 503, "", "Retry-After", "0");
      } else {
        send(ex, 201, "{}", "Content-Type", "application/json");
      }
    });
    UpsertResult r = client(base, BackpackClientOptions.builder()).upsertCredential(SafeJson.read("{}"));
    assertEquals(UpsertResult.Outcome.CREATED, r.outcome());
    assertEquals(2, calls.get());
  }

  @Test
  void longRetryAfterIsNotWaitedFor() throws Exception {
    URI base = serve((ex, n) -> send(ex, 429, "", "Retry-After", "120"));
    BackpackException e = assertThrows(BackpackException.class,
        () -> client(base, BackpackClientOptions.builder().maxRetryAfter(Duration.ofSeconds(1))).getCredentials(10, 0, null));
    assertEquals(ExportErrorCode.BACKPACK_RATE_LIMITED, e.errorCode());
    assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
    assertEquals(1, calls.get());
  }

  @Test
  void postWithoutRetryAfterIsNotRetried() throws Exception {
    URI base = serve((ex, n) -> send(ex, 503, ""));
    BackpackException e = assertThrows(BackpackException.class,
        () -> client(base, BackpackClientOptions.builder()).upsertCredential(SafeJson.read("{}")));
    assertEquals(ExportErrorCode.BACKPACK_UNAVAILABLE, e.errorCode());
    assertEquals(1, calls.get());
  }

  @Test
  void slowServerTimesOutGetRetriedPostNot() throws Exception {
    URI base = serve((ex, n) -> {
      Thread.sleep(1500);
      send(ex, 200, "{}");
    });
    BackpackClientOptions.Builder quick = BackpackClientOptions.builder().requestTimeout(Duration.ofMillis(250)).maxRetries(1);
    BackpackException get = assertThrows(BackpackException.class, () -> client(base, quick).getProfile());
    assertEquals("BACKPACK_TIMEOUT", get.code());
    Thread.sleep(100);
    assertEquals(2, calls.get(), "an idempotent GET is retried once");
    calls.set(0);
    BackpackException post = assertThrows(BackpackException.class,
        () -> client(base, quick).upsertCredential(SafeJson.read("{}")));
    assertEquals("BACKPACK_TIMEOUT", post.code());
    Thread.sleep(100);
    assertEquals(1, calls.get(), "a POST is never retried after a timeout");
  }

  URI dropConnections(int answerOnConnection) throws IOException {
    dropper = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    dropperThread = new Thread(() -> {
      while (!dropper.isClosed()) {
        try (Socket s = dropper.accept()) {
          int n = calls.incrementAndGet();
          s.getInputStream().read(new byte[8192]);
          if (n == answerOnConnection) {
            String body = "{\"id\":\"did:example:x\",\"type\":\"Profile\"}";
            s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
          }
          // Otherwise close without a word: a dropped connection.
        } catch (IOException e) {
          return;
        }
      }
    });
    dropperThread.setDaemon(true);
    dropperThread.start();
    return URI.create("http://127.0.0.1:" + dropper.getLocalPort());
  }

  @Test
  void droppedConnectionGetRecoversOnRetry() throws Exception {
    URI base = dropConnections(2);
    assertEquals("did:example:x",
        client(base, BackpackClientOptions.builder().maxRetries(2)).getProfile().orElseThrow().path("id").asText());
    assertEquals(2, calls.get());
  }

  @Test
  void droppedConnectionPostFailsOnce() throws Exception {
    URI base = dropConnections(-1);
    BackpackException e = assertThrows(BackpackException.class,
        () -> client(base, BackpackClientOptions.builder().maxRetries(2)).upsertCredential(SafeJson.read("{}")));
    assertEquals(ExportErrorCode.BACKPACK_CONNECTION_FAILED, e.errorCode());
    Thread.sleep(50);
    assertEquals(1, calls.get());
  }

  @Test
  void refusedConnectionIsTyped() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    BackpackException e = assertThrows(BackpackException.class, () -> client(URI.create("http://127.0.0.1:" + port),
        BackpackClientOptions.builder().maxRetries(0)).getProfile());
    assertEquals(ExportErrorCode.BACKPACK_CONNECTION_FAILED, e.errorCode());
  }

  @Test
  void hugeAndMalformedAnswersAreTyped() throws Exception {
    URI base = serve((ex, n) -> send(ex, 200, n == 1 ? "x".repeat(5000) : "{not json", "Content-Type", "application/json"));
    BackpackClientOptions.Builder small = BackpackClientOptions.builder()
        .jsonLimits(io.github.insignia.openbadges.json.JsonLimits.builder().maxDocumentBytes(1000).build());
    assertEquals(ExportErrorCode.BACKPACK_RESPONSE_TOO_LARGE,
        assertThrows(BackpackException.class, () -> client(base, small).getProfile()).errorCode());
    assertEquals(ExportErrorCode.BACKPACK_RESPONSE_INVALID,
        assertThrows(BackpackException.class, () -> client(base, small).getProfile()).errorCode());
  }

  @Test
  void nextLinkToAnotherOriginIsDropped() throws Exception {
    URI base = serve((ex, n) -> send(ex, 200, "{\"credential\":[]}", "Content-Type", "application/json",
        "Link", "<https://evil.example/steal?offset=1>; rel=\"next\", </ims/ob/v3p0/credentials?offset=0>; rel=\"first\"",
        "X-Total-Count", "5"));
    BackpackPage page = client(base, BackpackClientOptions.builder()).getCredentials(1, 0, null);
    assertTrue(page.nextPage().isEmpty());
    assertEquals(5, page.totalCount().getAsLong());
    assertEquals(ExportErrorCode.BACKPACK_INSECURE_URL, assertThrows(BackpackException.class,
        () -> client(base, BackpackClientOptions.builder()).getCredentials(URI.create("https://evil.example/x"))).errorCode());
  }

  @Test
  void redirectsAreNotFollowedWithTheToken() throws Exception {
    URI base = serve((ex, n) -> send(ex, 302, "", "Location", "https://evil.example/"));
    BackpackException e = assertThrows(BackpackException.class,
        () -> client(base, BackpackClientOptions.builder()).getProfile());
    assertEquals(ExportErrorCode.BACKPACK_HTTP_ERROR, e.errorCode());
    assertEquals(1, calls.get());
  }
}
