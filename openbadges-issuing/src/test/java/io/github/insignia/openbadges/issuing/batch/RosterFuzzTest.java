package io.github.insignia.openbadges.issuing.batch;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.model.status.BitstringStatusList;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the roster reader and the status list decoder: any input gives rows or an {@link
 * OpenBadgesException}, never another exception or a hang. Under {@code mvn verify} the seeds in
 * {@code RosterFuzzTestInputs/} run as regression tests; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class RosterFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void roster(byte[] input) {
    try (RosterReader reader = new RosterReader(new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8))) {
      while (reader.hasNext()) {
        RosterEntry entry = reader.next();
        entry.recipientText().ifPresent(text -> {
          try {
            BatchIssuer.recipientOf(entry);
          } catch (OpenBadgesException expected) {
            // a bad row is a typed, per-recipient failure
          }
        });
      }
    } catch (OpenBadgesException | java.io.IOException expected) {
      // Typed errors are the contract.
    }
    try {
      BitstringStatusList.decode(new String(input, StandardCharsets.ISO_8859_1), 1 << 16);
    } catch (OpenBadgesException expected) {
      // Typed errors are the contract.
    }
  }
}
