package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The load measurement of docs/portal.md, run only with {@code -Dinsignia.bench=true} (a
 * measurement, not a test: it asserts only that no request failed). 50 simulated learners, each
 * with its own session and badge, log in and then, for 60 s, open My badges, the badge's details,
 * download its PNG and, one round in five, import a badge of another issuer; every request's
 * latency is recorded. Rate limits are off: all learners come from one loopback address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalLoadTest {
  static final int LEARNERS = Integer.getInteger("insignia.bench.learners", 50);
  static final long SECONDS = Long.getLong("insignia.bench.seconds", 60);
  static final int PORT = PortalTestSupport.freePort();
  static final Path DATA = PortalTestSupport.tempDir();
  static final String BASE = "http://localhost:" + PORT;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    PortalTestSupport.register(r, PORT, DATA, 0);
    r.add("insignia.portal.rate-limits", () -> false);
  }

  // before the class's Spring context starts: a skipped measurement costs nothing
  @BeforeAll
  static void onlyOnAsking() {
    Assumptions.assumeTrue(Boolean.getBoolean("insignia.bench"), "load measurement: run with -Dinsignia.bench=true");
  }

  @Test
  void fiftyLearnersForSixtySeconds() throws Exception {
    List<PortalClient> clients = new ArrayList<>();
    List<String> badges = new ArrayList<>();
    List<byte[]> imports = new ArrayList<>();
    for (int i = 0; i < LEARNERS; i++) {
      String email = "load" + i + "@example.org";
      badges.add(PortalHttpTestSupportBridge.award(BASE, email));
      PortalClient c = new PortalClient(BASE);
      c.submit("/signup", "/signup", "name", "Learner " + i, "email", email, "password", "correct horse battery");
      c.get(PortalTestSupport.link(PortalTestSupport.lastMailTo(DATA, email), BASE + "/confirm?token="));
      clients.add(c);
      imports.add(PortalHttpTest.badgeFromAnotherIssuer(email));
    }
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong errors = new AtomicLong();
    long end = System.nanoTime() + SECONDS * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(LEARNERS);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < LEARNERS; i++) {
      int n = i;
      running.add(pool.submit(() -> {
        PortalClient c = clients.get(n);
        String email = "load" + n + "@example.org";
        timed(latencies, errors, 302, () -> c.submit("/login", "/login", "username", email, "password", "correct horse battery"));
        int round = 0;
        while (System.nanoTime() < end) {
          timed(latencies, errors, 200, () -> c.get("/my"));
          timed(latencies, errors, 200, () -> c.get("/my/badges/" + badges.get(n)));
          timed(latencies, errors, 200, () -> c.getBytes("/badges/badges/" + badges.get(n) + "/badge.png"));
          if (round++ % 5 == 0) {
            timed(latencies, errors, 302, () -> c.upload("/import", "/import", "file", "b.png", imports.get(n), null));
          }
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    long p50 = sorted.get(sorted.size() / 2);
    long p95 = sorted.get((int) (sorted.size() * 0.95));
    long p99 = sorted.get((int) (sorted.size() * 0.99));
    System.out.printf("PortalLoadTest: %d learners, %d s: %d requests (%.1f/s), %d errors, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
        LEARNERS, SECONDS, sorted.size(), sorted.size() / (double) SECONDS, errors.get(), p50, p95, p99, sorted.get(sorted.size() - 1));
    assertEquals(0, errors.get());
  }

  interface Call {
    HttpResponse<?> run() throws Exception;
  }

  static void timed(List<Long> latencies, AtomicLong errors, int expected, Call call) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<?> r = call.run();
    latencies.add((System.nanoTime() - t0) / 1_000_000);
    if (r.statusCode() != expected) {
      errors.incrementAndGet();
    }
  }
}
