package io.github.insignia.openbadges.baking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unsigned-looking compact JWS strings for tests (the signature part is made up). */
final class Jws {
  private Jws() {}

  static String compact(String header, String payload) {
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    return e.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + e.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
        + e.encodeToString("signature".getBytes(StandardCharsets.UTF_8));
  }
}
