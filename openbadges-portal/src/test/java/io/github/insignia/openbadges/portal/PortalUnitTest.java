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

  @Test
  void requisitesAreCheckedInOrderWithExactScoresAndBoundedClockSkew() {
    Clock clock = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    PortalProperties.Course open = new PortalProperties.Course("c", null, null, null, true, null, false, null);
    assertEquals(Optional.empty(), AwardRequisites.check(open, AwardRequisites.Completion.NONE, clock));
    PortalProperties.Course graded = new PortalProperties.Course("c", null, null, null, true,
        new java.math.BigDecimal("0.7"), true, "2026-06-01");
    java.util.function.BiFunction<String, String, Optional<PortalErrorCode>> check = (score, at) -> AwardRequisites.check(graded,
        new AwardRequisites.Completion(Optional.ofNullable(score).map(java.math.BigDecimal::new),
            AwardRequisites.instant(at)), clock).map(AwardRequisites.Refusal::code);
    assertEquals(Optional.empty(), check.apply("0.70", "2026-06-15"));
    assertEquals(Optional.empty(), check.apply("0.7", "2026-06-01T00:00:00Z")); // the opening instant itself
    assertEquals(Optional.of(PortalErrorCode.PORTAL_SCORE_TOO_LOW), check.apply("0.6999999999999999999", "2026-06-15"));
    assertEquals(Optional.of(PortalErrorCode.PORTAL_SCORE_TOO_LOW), check.apply(null, null)); // score before date
    assertEquals(Optional.of(PortalErrorCode.PORTAL_COMPLETION_DATE_MISSING), check.apply("1", null));
    assertEquals(Optional.empty(), check.apply("1", "2026-06-30T12:04:59Z")); // within the skew
    assertEquals(Optional.of(PortalErrorCode.PORTAL_COMPLETION_IN_FUTURE), check.apply("1", "2026-06-30T12:05:01Z"));
    assertEquals(Optional.of(PortalErrorCode.PORTAL_COMPLETION_BEFORE_OPENING), check.apply("1", "2026-05-31T23:59:59Z"));
    assertEquals(Optional.of(PortalErrorCode.PORTAL_COMPLETION_BEFORE_OPENING), check.apply("1", "2026-06-01T01:00:00+02:00"));
    PortalProperties.Course closed = new PortalProperties.Course("c", null, null, null, false, java.math.BigDecimal.ONE, true, null);
    assertEquals(Optional.of(PortalErrorCode.PORTAL_COURSE_DISABLED),
        AwardRequisites.check(closed, AwardRequisites.Completion.NONE, clock).map(AwardRequisites.Refusal::code));
    // a course that has not opened yet refuses a call without a date (the completion is now)
    PortalProperties.Course future = new PortalProperties.Course("c", null, null, null, true, null, false, "2027-01-01");
    assertEquals(Optional.of(PortalErrorCode.PORTAL_COMPLETION_BEFORE_OPENING),
        AwardRequisites.check(future, AwardRequisites.Completion.NONE, clock).map(AwardRequisites.Refusal::code));
    // every refusal names its requisite; malformed dates are refused, a bad catalogue date stops the start
    for (PortalErrorCode c : new PortalErrorCode[] {PortalErrorCode.PORTAL_COURSE_DISABLED, PortalErrorCode.PORTAL_SCORE_TOO_LOW,
        PortalErrorCode.PORTAL_COMPLETION_DATE_MISSING, PortalErrorCode.PORTAL_COMPLETION_IN_FUTURE,
        PortalErrorCode.PORTAL_COMPLETION_BEFORE_OPENING}) {
      assertTrue(AwardRequisites.requisiteOf(c).isPresent(), c.name());
    }
    assertEquals(Optional.empty(), AwardRequisites.requisiteOf(PortalErrorCode.PORTAL_AWARD_INVALID));
    for (String bad : new String[] {"yesterday", "2026-13-01", "2026-06-30T12:00:00", "9".repeat(100)}) {
      org.junit.jupiter.api.Assertions.assertThrows(java.time.format.DateTimeParseException.class, () -> AwardRequisites.instant(bad), bad);
    }
    PortalException e = org.junit.jupiter.api.Assertions.assertThrows(PortalException.class, () -> AwardRequisites.validate("x",
        new PortalProperties.Course("c", null, null, null, true, null, false, "next monday")));
    assertEquals(PortalErrorCode.PORTAL_CONFIG_INVALID, e.errorCode());
  }
}
