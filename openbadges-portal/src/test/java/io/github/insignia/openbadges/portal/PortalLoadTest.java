package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The load measurement of docs/portal.md ("Load"), run only with {@code -Dinsignia.bench=true} (a
 * measurement, not a test: it asserts only that no request failed, and prints a PASS or FAIL line
 * for the target, p95 below 300 ms with no error).
 *
 * <p>The portal runs in its default configuration (H2 file database in a fresh data folder) except
 * for the rate limits, which are off because every simulated learner comes from the one loopback
 * address. Each learner has its own JDK {@code HttpClient} (its own cookies, so its own session) and
 * its own course badge. A warm-up phase ({@code insignia.bench.warmup}, 20 s) runs the same mix with
 * other sessions so that the JIT has compiled the hot paths; then the measured learners start: each
 * logs in once (the log-in form, for its CSRF token, and the post: both counted) and, until {@code
 * insignia.bench.seconds} (60) have passed, opens My badges, the badge's details, downloads its PNG
 * and, one round in five, imports a genuine badge of another issuer (the import form and the upload,
 * fully verified). Between two requests a learner waits {@code insignia.bench.think} ms (0: the harsh
 * reading; 1000: a learner who clicks once a second), and with a think time the learners arrive spread
 * over the first think interval. Every request is timed; a non-2xx/3xx answer, an unexpected redirect
 * or an exception is an error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalLoadTest {
  static final int LEARNERS = Integer.getInteger("insignia.bench.learners", 50);
  static final long SECONDS = Long.getLong("insignia.bench.seconds", 60);
  static final long WARMUP_SECONDS = Long.getLong("insignia.bench.warmup", 20);
  static final long THINK_MS = Long.getLong("insignia.bench.think", 0);
  static final long TARGET_P95_MS = 300;
  static final int PORT = PortalTestSupport.freePort();
  static final Path DATA = PortalTestSupport.tempDir();
  static final String BASE = "http://localhost:" + PORT;
  static final String PASSWORD = "correct horse battery";

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    defaultPortal(r, PORT, DATA);
  }

  /**
   * The portal as a host runs it (application.properties: H2 file database under the data folder),
   * on a free port, with the API key set, no captcha (sign-ups are the set-up, not the measurement)
   * and no rate limits (every simulated learner shares one loopback address).
   */
  static void defaultPortal(DynamicPropertyRegistry r, int port, Path data) {
    r.add("server.port", () -> port);
    r.add("insignia.portal.base-url", () -> "http://localhost:" + port);
    r.add("insignia.portal.data-dir", data::toString);
    r.add("insignia.portal.api-key", () -> PortalTestSupport.API_KEY);
    r.add("insignia.portal.captcha-bits", () -> 0);
    r.add("insignia.portal.rate-limits", () -> false);
  }

  // before the class's Spring context starts: a skipped measurement costs nothing
  @BeforeAll
  static void onlyOnAsking() {
    Assumptions.assumeTrue(Boolean.getBoolean("insignia.bench"), "load measurement: run with -Dinsignia.bench=true");
  }

  /** One learner: the account's address, its badge and a badge of another issuer to import. */
  record Learner(String email, String badge, byte[] foreign) {}

  @Test
  void fiftyLearnersForSixtySeconds() throws Exception {
    List<Learner> learners = new ArrayList<>();
    for (int i = 0; i < LEARNERS; i++) {
      String email = "load" + i + "@example.org";
      String badge = PortalHttpTestSupportBridge.award(BASE, email);
      PortalClient c = new PortalClient(BASE);
      c.submit("/signup", "/signup", "name", "Learner " + i, "email", email, "password", PASSWORD);
      c.get(PortalTestSupport.link(PortalTestSupport.lastMailTo(DATA, email), BASE + "/confirm?token="));
      learners.add(new Learner(email, badge, PortalHttpTest.badgeFromAnotherIssuer(email)));
    }
    // warm-up: the same mix with other sessions, not recorded
    run(learners, WARMUP_SECONDS, new Samples());
    Samples samples = new Samples();
    run(learners, SECONDS, samples);
    System.out.println(samples.report());
    assertEquals(0, samples.errors.get(), "errors: " + samples.errorKinds);
  }

  /** Every learner logs in once, then repeats the mix for {@code seconds}. */
  static void run(List<Learner> learners, long seconds, Samples samples) throws Exception {
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(learners.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Learner l : learners) {
        running.add(pool.submit(() -> {
          if (THINK_MS > 0) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(THINK_MS)); // learners arrive spread out
          }
          PortalClient c = new PortalClient(BASE);
          String[] login = {""};
          samples.time("log-in form", () -> {
            HttpResponse<String> page = c.get("/login");
            login[0] = csrf(page);
            return page;
          }, s -> s == 200);
          samples.time("log-in", () -> logInPost(c, login[0], l.email(), PASSWORD), s -> s == 302);
          for (int round = 0; System.nanoTime() < end; round++) {
            samples.time("My badges", () -> c.get("/my"), s -> s == 200);
            samples.time("details", () -> c.get("/my/badges/" + l.badge()), s -> s == 200);
            samples.time("download PNG", () -> c.getBytes("/badges/badges/" + l.badge() + "/badge.png"), s -> s == 200);
            if (round % 5 == 0) {
              String[] token = {""};
              samples.time("import form", () -> {
                HttpResponse<String> page = c.get("/import");
                token[0] = csrf(page);
                return page;
              }, s -> s == 200);
              samples.time("import", () -> c.uploadWith(token[0], "/import", "file", "b.png", l.foreign(), null), s -> s == 302);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    samples.seconds = (System.nanoTime() - start) / 1e9;
  }

  /** Logs a fresh session in: the form (for its CSRF token), then the post. */
  static HttpResponse<String> logIn(PortalClient c, String email, String password) throws Exception {
    return logInPost(c, csrf(c.get("/login")), email, password);
  }

  private static HttpResponse<String> logInPost(PortalClient c, String token, String email, String password) throws Exception {
    HttpResponse<String> r = c.post("/login", Map.of("_csrf", token, "username", email, "password", password));
    // a failed log-in is a redirect too: only the one to My badges counts as a success
    return r.headers().firstValue("Location").orElse("").endsWith("/my") ? r : new FailedRedirect(r);
  }

  static String csrf(HttpResponse<String> page) {
    return org.jsoup.Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
  }

  /** One HTTP exchange. */
  interface Call {
    HttpResponse<?> run() throws Exception;
  }

  /** Latencies by request type, and the errors. */
  static final class Samples {
    final Map<String, List<Long>> byType = new ConcurrentHashMap<>();
    final AtomicLong errors = new AtomicLong();
    final Map<String, Long> errorKinds = new ConcurrentHashMap<>();
    volatile double seconds;

    void time(String type, Call call, IntPredicate expected) throws InterruptedException {
      long t0 = System.nanoTime();
      String error = null;
      try {
        HttpResponse<?> r = call.run();
        if (!expected.test(r.statusCode())) {
          error = type + " " + r.statusCode();
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        error = type + " " + e.getClass().getSimpleName();
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      byType.computeIfAbsent(type, k -> Collections.synchronizedList(new ArrayList<>())).add(ms);
      if (error != null) {
        errors.incrementAndGet();
        errorKinds.merge(error, 1L, Long::sum);
      }
      if (THINK_MS > 0) {
        Thread.sleep(THINK_MS);
      }
    }

    String report() {
      StringBuilder s = new StringBuilder();
      List<Long> all = new ArrayList<>();
      s.append(String.format("PortalLoadTest: %d learners, think time %d ms, warm-up %d s, measured %.1f s, %d cores%n",
          LEARNERS, THINK_MS, WARMUP_SECONDS, seconds, Runtime.getRuntime().availableProcessors()));
      s.append("| request | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
      for (Map.Entry<String, List<Long>> e : new TreeMap<>(byType).entrySet()) {
        List<Long> l = new ArrayList<>(e.getValue());
        all.addAll(l);
        s.append(row(e.getKey(), l));
      }
      s.append(row("all", all));
      long p95 = percentile(sorted(all), 0.95);
      s.append(String.format("%d requests (%.1f/s), %d errors %s%n", all.size(), all.size() / seconds, errors.get(), errorKinds));
      boolean pass = errors.get() == 0 && p95 < TARGET_P95_MS;
      s.append(String.format("%s: p95 %d ms (target < %d ms), %d errors%n", pass ? "PASS" : "FAIL", p95, TARGET_P95_MS, errors.get()));
      return s.toString();
    }

    private static String row(String name, List<Long> l) {
      List<Long> s = sorted(l);
      return String.format("| %s | %d | %d | %d | %d | %d |%n", name, s.size(), percentile(s, 0.5), percentile(s, 0.95),
          percentile(s, 0.99), s.isEmpty() ? 0 : s.get(s.size() - 1));
    }

    private static List<Long> sorted(List<Long> l) {
      List<Long> s = new ArrayList<>(l);
      Collections.sort(s);
      return s;
    }

    /** The nearest-rank percentile. */
    static long percentile(List<Long> sorted, double p) {
      if (sorted.isEmpty()) {
        return 0;
      }
      int rank = (int) Math.ceil(p * sorted.size());
      return sorted.get(Math.max(0, rank - 1));
    }
  }

  /** A log-in answer that redirected elsewhere than My badges: reported as status 401. */
  private record FailedRedirect(HttpResponse<String> r) implements HttpResponse<String> {
    @Override public int statusCode() { return 401; }
    @Override public java.net.http.HttpRequest request() { return r.request(); }
    @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return r.previousResponse(); }
    @Override public java.net.http.HttpHeaders headers() { return r.headers(); }
    @Override public String body() { return r.body(); }
    @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return r.sslSession(); }
    @Override public java.net.URI uri() { return r.uri(); }
    @Override public java.net.http.HttpClient.Version version() { return r.version(); }
  }
}
