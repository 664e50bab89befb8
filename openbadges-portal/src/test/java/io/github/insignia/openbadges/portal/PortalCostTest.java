package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The CPU cost of each request type of the load mix, measured so that the machine's load does not
 * change it (docs/portal.md, "Load"): each type runs {@code insignia.bench.warmup} times, then
 * {@code insignia.bench.n} times one after the other, and the CPU time and the bytes allocated by
 * the server's threads (Tomcat's {@code http-nio-*} threads, read through {@link
 * com.sun.management.ThreadMXBean}) are divided by the count. A busy machine makes the wall time
 * longer, not the CPU time a request needs. Run only with {@code -Dinsignia.bench=true}, like
 * {@link PortalLoadTest}; the default portal configuration (H2 file database in the data folder).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalCostTest {
  static final int WARMUP = Integer.getInteger("insignia.bench.warmup", 200);
  static final int N = Integer.getInteger("insignia.bench.n", 200);
  static final int PORT = PortalTestSupport.freePort();
  static final Path DATA = PortalTestSupport.tempDir();
  static final String BASE = "http://localhost:" + PORT;
  static final String PASSWORD = "correct horse battery";

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    PortalLoadTest.defaultPortal(r, PORT, DATA);
  }

  @BeforeAll
  static void onlyOnAsking() {
    Assumptions.assumeTrue(Boolean.getBoolean("insignia.bench"), "cost measurement: run with -Dinsignia.bench=true");
  }

  @Test
  void cpuPerRequestType() throws Exception {
    String email = "cost@example.org";
    String badge = PortalHttpTestSupportBridge.award(BASE, email);
    PortalClient c = new PortalClient(BASE);
    c.submit("/signup", "/signup", "name", "Cost", "email", email, "password", PASSWORD);
    c.get(PortalTestSupport.link(PortalTestSupport.lastMailTo(DATA, email), BASE + "/confirm?token="));
    assertEquals(302, PortalLoadTest.logIn(c, email, PASSWORD).statusCode());
    byte[] foreign = PortalHttpTest.badgeFromAnotherIssuer(email);

    Map<String, PortalLoadTest.Call> types = new LinkedHashMap<>();
    // a fresh session each time, as a new learner's browser: the log-in form (CSRF token) and the post
    types.put("log-in (form + post)", () -> PortalLoadTest.logIn(new PortalClient(BASE), email, PASSWORD));
    types.put("My badges", () -> c.get("/my"));
    types.put("details", () -> c.get("/my/badges/" + badge));
    types.put("download PNG", () -> c.getBytes("/badges/badges/" + badge + "/badge.png"));
    types.put("import form", () -> c.get("/import"));
    types.put("import post (verified)", () -> c.upload("/import", "/import", "file", "b.png", foreign, null));

    StringBuilder table = new StringBuilder("| request | n | server CPU ms | server MB allocated | process CPU ms |\n|---|---:|---:|---:|---:|\n");
    StringBuilder groups = new StringBuilder("CPU ms per request by thread group:\n");
    for (Map.Entry<String, PortalLoadTest.Call> t : types.entrySet()) {
      // the log-in (Argon2id) and the import (a full verification) cost tens of times more: fewer of them
      int share = t.getKey().startsWith("import post") ? 4 : t.getKey().startsWith("log-in") ? 10 : 1;
      int warm = Math.max(20, WARMUP / share);
      int n = Math.max(20, N / share);
      for (int i = 0; i < warm; i++) {
        check(t.getValue().run(), t.getKey());
      }
      Cost before = Cost.now();
      for (int i = 0; i < n; i++) {
        check(t.getValue().run(), t.getKey());
      }
      Cost after = Cost.now();
      double cpu = (after.serverCpuNs - before.serverCpuNs) / 1e6 / n;
      double mb = (after.serverBytes - before.serverBytes) / 1048576.0 / n;
      double process = (after.processCpuNs - before.processCpuNs) / 1e6 / n;
      table.append(String.format("| %s | %d | %.2f | %.2f | %.2f |%n", t.getKey(), n, cpu, mb, process));
      groups.append(t.getKey()).append(':').append(after.groupsSince(before, n)).append('\n');
    }
    // the import post includes its form (the upload takes the CSRF token from it): subtract it to read the verification alone
    System.out.println("PortalCostTest: CPU per request after warm-up, " + Runtime.getRuntime().availableProcessors()
        + " cores (server = Tomcat's threads; process = the whole JVM, client, GC and JIT included)\n" + table + groups);
  }

  static void check(HttpResponse<?> r, String what) {
    if (r.statusCode() >= 400) {
      throw new AssertionError(what + ": " + r.statusCode());
    }
  }

  /** CPU time and allocation of the server's threads, and the process's CPU time, at one instant. */
  record Cost(long serverCpuNs, long serverBytes, long processCpuNs, Map<String, Long> byGroup) {
    @SuppressWarnings("deprecation")
    static Cost now() {
      com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long cpu = 0;
      long bytes = 0;
      Map<String, Long> groups = new java.util.TreeMap<>();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        long id = t.getId(); // threadId() is Java 19+
        long c = Math.max(0, mx.getThreadCpuTime(id));
        groups.merge(t.getName().replaceAll("[0-9]+", "N"), c, Long::sum);
        if (t.getName().startsWith("http-nio-")) {
          cpu += c;
          bytes += Math.max(0, mx.getThreadAllocatedBytes(id));
        }
      }
      long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
      // wall time spent in collections and in the JIT: where the non-Java threads' CPU goes
      long gcMs = 0;
      for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        gcMs += Math.max(0, gc.getCollectionTime());
      }
      groups.put("(gc wall ms)", gcMs * 1_000_000);
      groups.put("(jit ms)", ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000);
      return new Cost(cpu, bytes, process, groups);
    }

    /** CPU ms per request by thread group (Java threads only: GC and JIT are the rest of the process's time). */
    String groupsSince(Cost before, int n) {
      StringBuilder s = new StringBuilder();
      long javaThreads = 0;
      for (Map.Entry<String, Long> e : byGroup.entrySet()) {
        long d = e.getValue() - before.byGroup.getOrDefault(e.getKey(), 0L);
        javaThreads += e.getKey().startsWith("(") ? 0 : d;
        if (d / 1e6 / n >= 0.05) {
          s.append(String.format(" %s=%.2f", e.getKey(), d / 1e6 / n));
        }
      }
      s.append(String.format(" [non-Java threads: GC, JIT=%.2f]", (processCpuNs - before.processCpuNs - javaThreads) / 1e6 / n));
      return s.toString();
    }
  }
}
