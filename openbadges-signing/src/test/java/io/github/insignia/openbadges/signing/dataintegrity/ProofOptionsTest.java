package io.github.insignia.openbadges.signing.dataintegrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code created} comes from the signer's clock when the proof is made, not when the builder was. */
class ProofOptionsTest {
  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00.750Z"));

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  @Test
  void createdIsReadAtSigningTimeFromTheClock() {
    MovableClock clock = new MovableClock();
    ProofOptions options = DataIntegrityTest.options(DataIntegrityTest.ED).clock(clock).build();
    assertTrue(options.createdAtSigning());
    clock.now.set(Instant.parse("2026-03-04T05:06:07.890Z"));
    ObjectNode first = DataIntegrityTest.DI.sign(DataIntegrityTest.credential(DataIntegrityTest.ED), DataIntegrityTest.ED, options);
    assertEquals("2026-03-04T05:06:07Z", first.get("proof").get("created").asText());
    clock.now.set(clock.now.get().plus(Duration.ofHours(1)));
    ObjectNode second = DataIntegrityTest.DI.sign(DataIntegrityTest.credential(DataIntegrityTest.ED), DataIntegrityTest.ED, options);
    assertEquals("2026-03-04T06:06:07Z", second.get("proof").get("created").asText());
    DataIntegrityTest.JUDGE.verify(second);
  }

  @Test
  void theDefaultClockIsTheSystemClockAtSigningTime() throws InterruptedException {
    ProofOptions options = DataIntegrityTest.options(DataIntegrityTest.ED).build();
    Instant built = Instant.now();
    Thread.sleep(1100);
    Instant created = options.created().orElseThrow();
    assertTrue(created.isAfter(built), created + " is after " + built);
  }

  @Test
  void aFixedOrAbsentCreatedIsKept() {
    MovableClock clock = new MovableClock();
    ProofOptions fixed = DataIntegrityTest.options(DataIntegrityTest.ED).clock(clock)
        .created(Instant.parse("2025-05-05T05:05:05.5Z")).build();
    assertFalse(fixed.createdAtSigning());
    clock.now.set(Instant.parse("2030-01-01T00:00:00Z"));
    assertEquals(Optional.of(Instant.parse("2025-05-05T05:05:05Z")), fixed.created());

    ProofOptions none = DataIntegrityTest.options(DataIntegrityTest.ED).created(Optional.empty()).build();
    ObjectNode signed = DataIntegrityTest.DI.sign(DataIntegrityTest.credential(DataIntegrityTest.ED), DataIntegrityTest.ED, none);
    assertFalse(signed.get("proof").has("created"));
  }
}
