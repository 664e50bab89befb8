package io.github.insignia.openbadges.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.jose.Ob2Jws;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.Multikey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile input to every parser and verifier: a typed error with a stable code, never another exception. */
class HostileInputTest {
  static final DataIntegrity DI = DataIntegrity.create();
  static final VcJwt.Verifier JWT = VcJwt.verifier(Judges.offline(), io.github.insignia.openbadges.signing.verify.VerificationPolicy.defaults());

  static void typed(Runnable r) {
    try {
      r.run();
    } catch (OpenBadgesException expected) {
      // typed error: fine
    }
  }

  @Test
  void longAndDeepInputs() {
    assertEquals(SigningErrorCode.MULTIBASE_MALFORMED, assertThrows(OpenBadgesException.class,
        () -> Multikey.decodePublic("z" + "1".repeat(100_000))).errorCode());
    assertEquals(SigningErrorCode.KEY_MALFORMED, assertThrows(OpenBadgesException.class,
        () -> Keys.parsePrivateKey("{\"kty\":\"RSA\"" + ",\"x\":1".repeat(20_000) + "}")).errorCode());
    assertEquals(SigningErrorCode.JWS_MALFORMED, assertThrows(OpenBadgesException.class,
        () -> JWT.verify("eyJ" + "A".repeat(50_000) + ".e30.AA")).errorCode());
    String deep = "{\"a\":".repeat(60) + "1" + "}".repeat(60);
    assertThrows(OpenBadgesException.class, () -> Judges.dataIntegrity(DI).verify(SafeJson.read(deep)));
  }

  /** Run with JAZZER_FUZZ=1 to fuzz; under plain {@code mvn verify} it replays its seeds. */
  @FuzzTest(maxDuration = "30s")
  void anyInputGivesATypedError(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    typed(() -> Keys.parsePrivateKey(text));
    typed(() -> Keys.parsePublicKey(text));
    typed(() -> Multikey.decodePublic(text.strip()));
    typed(() -> JWT.verify(text));
    typed(() -> Ob2Jws.decode(text));
    typed(() -> Judges.dataIntegrity(DI).verify(SafeJson.read(data)));
  }
}
