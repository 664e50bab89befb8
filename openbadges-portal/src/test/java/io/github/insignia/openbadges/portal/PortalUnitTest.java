package io.github.insignia.openbadges.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The portal's small parts on their own: rate limiter, proof of work, address normalisation, layering. */
class PortalUnitTest {
  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aBucketEmptiesAndRefillsAndEveryKeyMustHaveATokenLeft() {
    MutableClock clock = new MutableClock();
    RateLimiter l = new RateLimiter(clock);
    for (int i = 0; i < 3; i++) {
      assertTrue(l.tryAcquire("a", 3, 1, "x"));
    }
    assertFalse(l.tryAcquire("a", 3, 1, "x"));
    assertTrue(l.tryAcquire("a", 3, 1, "y"), "another key has its own bucket");
    assertTrue(l.tryAcquire("b", 3, 1, "x"), "another action too");
    clock.now = clock.now.plus(Duration.ofSeconds(61));
    assertTrue(l.tryAcquire("a", 3, 1, "x"));
    assertFalse(l.tryAcquire("a", 3, 1, "x"));
    // two keys: refused when either is empty, and then nothing is taken from the other
    RateLimiter two = new RateLimiter(clock);
    assertTrue(two.tryAcquire("c", 1, 1, "ip", "acct"));
    assertFalse(two.tryAcquire("c", 1, 1, "ip", "other"));
    assertTrue(two.tryAcquire("c", 1, 1, "other"));
  }

  @Test
  void manyKeysStayBounded() {
    MutableClock clock = new MutableClock();
    RateLimiter l = new RateLimiter(clock);
    for (int i = 0; i < 100_010; i++) {
      l.tryAcquire("a", 2, 60, "k" + i);
    }
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    assertTrue(l.tryAcquire("a", 2, 60, "late"));
  }

  @Test
  void proofOfWorkChallengesAreSignedFreshAndSingleUse() {
    MutableClock clock = new MutableClock();
    ProofOfWork pow = new ProofOfWork(8, clock);
    String c = pow.challenge();
    String n = ProofOfWork.solve(c);
    assertTrue(ProofOfWork.leadingZeroBits(c + ":" + n, 8));
    ProofOfWork other = new ProofOfWork(8, clock);
    assertFalse(other.verify(c, n), "another server's secret");
    assertTrue(pow.verify(c, n));
    assertFalse(pow.verify(c, n), "used once");
    String late = pow.challenge();
    String lateNonce = ProofOfWork.solve(late);
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    assertFalse(pow.verify(late, lateNonce), "expired");
    // a challenge rewritten to ask fewer bits breaks its signature
    String easy = pow.challenge().replaceFirst("\\.8\\.", ".0.");
    assertFalse(pow.verify(easy, "0"));
    // hostile input never throws
    Random r = new Random(17);
    for (int i = 0; i < 2_000; i++) {
      byte[] b = new byte[r.nextInt(80)];
      r.nextBytes(b);
      String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertFalse(pow.verify(s, Integer.toString(r.nextInt(1000))));
      assertFalse(pow.verify(c.substring(0, r.nextInt(c.length())) + s, s));
    }
    assertFalse(pow.verify(null, null));
    assertTrue(new ProofOfWork(0, clock).verify(null, null), "switched off");
  }

  @Test
  void addressesAreTrimmedLowerCasedAndChecked() {
    assertEquals(Optional.of("ana@school.example"), Accounts.normalizeEmail("  Ana@School.EXAMPLE "));
    assertEquals(Optional.empty(), Accounts.normalizeEmail("not an address"));
    assertEquals(Optional.empty(), Accounts.normalizeEmail("a@b"));
    assertEquals(Optional.empty(), Accounts.normalizeEmail("a@@b.example"));
    assertEquals(Optional.empty(), Accounts.normalizeEmail("a\u0000@b.example"));
    assertEquals(Optional.empty(), Accounts.normalizeEmail("x".repeat(250) + "@b.example"));
    assertEquals(Optional.empty(), Accounts.normalizeEmail(null));
  }

  @Test
  void thePortalUsesOnlyTheLibrariesPublicApi() {
    ArchRuleDefinition.noClasses().that().resideInAPackage("io.github.insignia.openbadges.portal..")
        .should().dependOnClassesThat().resideInAPackage("io.github.insignia.openbadges..internal..")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.insignia.openbadges.portal"));
  }
}
