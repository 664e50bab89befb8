package io.github.insignia.openbadges.web;

import io.github.insignia.openbadges.issuing.http.ServiceRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.VerificationOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of {@code POST /api/verify} with a baked OB 3.0 PNG over real HTTP (Jetty, the JDK
 * client, keep-alive), run only with {@code -Dinsignia.bench=true}: numbers in docs/web.md.
 */
@EnabledIfSystemProperty(named = "insignia.bench", matches = "true")
class ApiVerifyThroughputTest {
  @TempDir Path dir;

  @Test
  void postApiVerify() throws Exception {
    Fixtures.Batch batch = Fixtures.issue(dir.resolve("out"), null, "https://badges.example", false);
    byte[] png = Files.readAllBytes(batch.folders().get(0).resolve("badge.png"));
    int threads = Integer.getInteger("insignia.bench.threads", 4);
    StringBuilder results = new StringBuilder();
    // Jetty's default pool (up to 200 threads) against one sized for a small machine, in the same run,
    // each twice in the order A B A B: the first pair also pays for the JIT's warm-up, so compare the second.
    int cores = Runtime.getRuntime().availableProcessors();
    int small = Math.max(8, 4 * cores);
    Server[] servers = {new Server(), new Server(new QueuedThreadPool(small, 4)),
        new Server(), new Server(new QueuedThreadPool(small, 4))};
    String[] names = {"default pool (1st)", "pool of " + small + " (1st)", "default pool (2nd)", "pool of " + small + " (2nd)"};
    for (int s = 0; s < servers.length; s++) {
      try (TestServer jetty = TestServer.start("/", servers[s])) {
        String base = "http://127.0.0.1:" + jetty.port();
        BadgeSite site = BadgeSite.builder(URI.create(base), FolderBadgeStore.open(batch.out()))
            .verificationOptions(VerificationOptions.builder().offline(true).build())
            .build();
        jetty.context().addServlet(new ServletHolder(new BadgeServlet(site)), "/*");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/verify"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build();
        assertEquals("VALID", SafeJson.read(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body()).path("verdict").asText());
        long warmup = run(http, request, threads, 5_000);
        long jdk = run(http, request, threads, 10_000);
        long raw = runRaw(jetty.port(), png, threads, 10_000);
        results.append(String.format("%s: warm-up %.0f/s, JDK client %.0f/s, plain keep-alive client %.0f/s; ",
            names[s], warmup / 5.0, jdk / 10.0, raw / 10.0));
        if (s == servers.length - 1) {
          // the same work without HTTP, and the library alone, measured alike: the server's cost is the difference
          io.github.insignia.openbadges.validation.BadgeVerifier verifier = io.github.insignia.openbadges.validation.BadgeVerifier.create(
              VerificationOptions.builder().offline(true).build());
          long library = run(() -> verifier.verify(png), threads, 10_000);
          ServiceRequest inProcess = ServiceRequest.builder("POST", "/api/verify").body(png).build();
          long core = run(() -> site.handle(inProcess), threads, 10_000);
          results.append(String.format("BadgeSite.handle %.0f/s, BadgeVerifier alone %.0f/s", core / 10.0, library / 10.0));
        }
      }
    }
    System.err.println("POST /api/verify, " + threads + " client threads: " + results);
  }

  /**
   * Requests on keep-alive sockets with the least client work: the request bytes are prepared once,
   * the answer is read by its Content-Length (the servlet never chunks). Shows what the server
   * sustains when the client costs little, as a client on another machine would.
   */
  private static long runRaw(int port, byte[] body, int threads, long millis) throws InterruptedException {
    byte[] head = ("POST /api/verify HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/octet-stream\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    ThreadLocal<java.net.Socket> sockets = new ThreadLocal<>();
    ThreadLocal<java.io.InputStream> inputs = new ThreadLocal<>();
    return run(() -> {
      try {
        java.net.Socket socket = sockets.get();
        if (socket == null) {
          socket = new java.net.Socket("127.0.0.1", port);
          socket.setTcpNoDelay(true);
          sockets.set(socket);
          inputs.set(new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024));
        }
        socket.getOutputStream().write(request);
        java.io.InputStream in = inputs.get();
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
          int c = in.read();
          if (c < 0) {
            throw new IllegalStateException("closed");
          }
          headers.append((char) c);
        }
        if (!headers.toString().startsWith("HTTP/1.1 200")) {
          throw new IllegalStateException(headers.toString());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *([0-9]+)").matcher(headers);
        if (!m.find() || in.readNBytes(Integer.parseInt(m.group(1))).length != Integer.parseInt(m.group(1))) {
          throw new IllegalStateException("no Content-Length answer: " + headers);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, threads, millis);
  }

  private static long run(HttpClient http, HttpRequest request, int threads, long millis) throws InterruptedException {
    return run(() -> {
      try {
        if (http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() != 200) {
          throw new IllegalStateException("not 200");
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }, threads, millis);
  }

  private static long run(Runnable work, int threads, long millis) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        while (!stop.get()) {
          try {
            work.run();
            done.incrementAndGet();
          } catch (RuntimeException e) {
            return;
          }
        }
      });
      t.start();
      workers.add(t);
    }
    Thread.sleep(millis);
    stop.set(true);
    for (Thread t : workers) {
      t.join();
    }
    return done.get();
  }
}
