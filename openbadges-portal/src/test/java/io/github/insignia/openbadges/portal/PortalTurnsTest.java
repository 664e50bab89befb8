package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The costly steps take turns: imports (ImportGate: one without a turn in time is answered 503 +
 * Retry-After, and nothing is imported) and password hashes (BoundedPasswordEncoder: one per core).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalTurnsTest {
  static final int PORT = PortalTestSupport.freePort();
  static final Path DATA = PortalTestSupport.tempDir();
  static final String BASE = "http://localhost:" + PORT;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    PortalTestSupport.register(r, PORT, DATA, 0);
    r.add("insignia.portal.imports.concurrency", () -> 1);
    r.add("insignia.portal.imports.max-wait", () -> "PT0.2S");
  }

  @Autowired ImportGate gate;
  @Autowired JdbcClient jdbc;

  @Test
  void turnsAreBoundedAndGivenBack() throws Exception {
    ImportGate two = new ImportGate(2, Duration.ZERO);
    Optional<ImportGate.Turn> a = two.enter();
    Optional<ImportGate.Turn> b = two.enter();
    assertTrue(a.isPresent() && b.isPresent());
    assertTrue(two.enter().isEmpty(), "a third import at once waits, and past the wait gets no turn");
    a.get().close();
    a.get().close(); // closing twice gives back one turn, not two
    Optional<ImportGate.Turn> c = two.enter();
    assertTrue(c.isPresent());
    assertTrue(two.enter().isEmpty());
    b.get().close();
    c.get().close();
    assertThrows(PortalException.class, () -> new ImportGate(1, Duration.ofSeconds(-1)));
  }

  @Test
  void passwordHashesRunAtMostConcurrencyAtOnceAndGiveTheSameAnswers() throws Exception {
    java.util.concurrent.atomic.AtomicInteger now = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    org.springframework.security.crypto.password.PasswordEncoder slow = new org.springframework.security.crypto.password.PasswordEncoder() {
      @Override
      public String encode(CharSequence raw) {
        most.accumulateAndGet(now.incrementAndGet(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        now.decrementAndGet();
        return "h:" + raw;
      }

      @Override
      public boolean matches(CharSequence raw, String encoded) {
        return encode(raw).equals(encoded);
      }
    };
    BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> all = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String pw = "pw" + (i % 3);
        all.add(pool.submit(() -> bounded.matches(pw, "h:pw0")));
      }
      int matched = 0;
      for (java.util.concurrent.Future<Boolean> f : all) {
        matched += f.get() ? 1 : 0;
      }
      assertEquals(6, matched, "the answers are the delegate's");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, most.get(), "never more than two hashes at once");
    assertEquals("h:x", bounded.encode("x"));
    assertThrows(PortalException.class, () -> new BoundedPasswordEncoder(slow, 0));
    // the portal's own encoder is still Argon2id at OWASP's minimum
    String hash = new PortalWebConfiguration().portalPasswordEncoder(0).encode("correct horse battery");
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
  }

  @Test
  void anImportWithoutATurnIsToldTheportalIsBusyAndImportsNothing() throws Exception {
    String email = "gate@example.org";
    PortalClient c = new PortalClient(BASE);
    c.submit("/signup", "/signup", "name", "Gate", "email", email, "password", "correct horse battery");
    c.get(PortalTestSupport.link(PortalTestSupport.lastMailTo(DATA, email), BASE + "/confirm?token="));
    assertEquals(302, PortalLoadTest.logIn(c, email, "correct horse battery").statusCode());
    byte[] badge = PortalHttpTest.badgeFromAnotherIssuer(email);
    HttpResponse<String> busy;
    try (ImportGate.Turn held = gate.enter().orElseThrow()) { // another learner's import holds the only turn
      busy = c.upload("/import", "/import", "file", "b.png", badge, "es");
    }
    assertEquals(503, busy.statusCode());
    assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""));
    assertTrue(PortalClient.text(busy).contains("No se ha importado nada"), PortalClient.text(busy));
    assertEquals(0L, jdbc.sql("SELECT COUNT(*) FROM portal_imported").query(Long.class).single());
    // the turn given back, the same upload is verified and imported
    assertEquals(302, c.upload("/import", "/import", "file", "b.png", badge, null).statusCode());
    assertEquals(1L, jdbc.sql("SELECT COUNT(*) FROM portal_imported").query(Long.class).single());
  }
}
