package io.github.insignia.openbadges.signing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DidJwkTest {
  static String did(String json) {
    return "did:jwk:" + Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsThePublicJwkOfTheDidOrADidUrl() {
    SigningKey p256 = SigningKey.generate(KeyType.P256);
    String did = did(SafeJson.write(p256.publicKey().toJwk()));
    assertEquals(p256.publicKey(), DidJwk.parse(did));
    assertEquals(p256.publicKey(), DidJwk.parse(did + "#0"));
  }

  @Test
  void refusesWhatIsNotAPublicJwk() {
    SigningKey ed = SigningKey.generate(KeyType.ED25519);
    for (String bad : new String[] {ed.publicKey().didKeyVerificationMethod(), "did:jwk:!!!", did("[1]"),
        did("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AA\",\"d\":\"AA\"}")}) {
      assertEquals("KEY_MALFORMED", assertThrows(OpenBadgesException.class, () -> DidJwk.parse(bad)).code(), bad);
    }
  }
}
