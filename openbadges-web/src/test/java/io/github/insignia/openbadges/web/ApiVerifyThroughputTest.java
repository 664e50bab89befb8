package io.github.insignia.openbadges.web;

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
    try (TestServer jetty = TestServer.start("/")) {
      String base = "http://127.0.0.1:" + jetty.port();
      BadgeSite site = BadgeSite.builder(URI.create(base), FolderBadgeStore.open(batch.out()))
          .verificationOptions(VerificationOptions.builder().offline(true).build())
          .build();
      jetty.context().addServlet(new ServletHolder(new BadgeServlet(site)), "/*");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/verify"))
          .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build();
      assertEquals("VALID", SafeJson.read(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body()).path("verdict").asText());
      int threads = Integer.getInteger("insignia.bench.threads", 4);
      long warmup = run(http, request, threads, 5_000);
      long measured = run(http, request, threads, 10_000);
      // the same work without HTTP, and the library alone, measured alike: the server's cost is the difference
      io.github.insignia.openbadges.validation.BadgeVerifier verifier = io.github.insignia.openbadges.validation.BadgeVerifier.create(
          VerificationOptions.builder().offline(true).build());
      long library = run(() -> verifier.verify(png), threads, 10_000);
      WebRequest inProcess = WebRequest.builder("POST", "/api/verify").body(png).build();
      long core = run(() -> site.handle(inProcess), threads, 10_000);
      long measuredAgain = run(http, request, threads, 10_000);
      System.err.printf("POST /api/verify: %d threads, warm-up %.0f/s, HTTP %.0f and %.0f/s, BadgeSite.handle %.0f/s, BadgeVerifier alone %.0f/s%n",
          threads, warmup / 5.0, measured / 10.0, measuredAgain / 10.0, core / 10.0, library / 10.0);
    }
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
