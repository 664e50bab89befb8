package io.github.insignia.openbadges.baking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.insignia.openbadges.OpenBadgesException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on error codes. */
final class Expect {
  private Expect() {}

  static OpenBadgesException code(String code, Executable executable) {
    OpenBadgesException e = assertThrows(OpenBadgesException.class, executable);
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }
}
