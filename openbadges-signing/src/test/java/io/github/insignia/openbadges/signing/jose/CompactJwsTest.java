package io.github.insignia.openbadges.signing.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The public parse-then-verify view that hosts with their own rules (the validation module) use. */
class CompactJwsTest {
  static final SigningKey ED = SigningKey.generate(KeyType.ED25519);
  static final SigningKey P256 = SigningKey.generate(KeyType.P256);
  static final byte[] PAYLOAD = "{\"b\":1, \"a\":2}".getBytes(StandardCharsets.UTF_8);

  static void fails(String code, Executable body) {
    assertEquals(code, assertThrows(OpenBadgesException.class, body).code());
  }

  static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsesHeaderAndExactPayloadThenVerifiesWithThePinnedAlgorithm() {
    String jws = Ob2Jws.signPayload(PAYLOAD, ED);
    assertTrue(CompactJws.looksLike(jws));
    CompactJws parsed = CompactJws.parse(jws, JsonLimits.defaults());
    assertEquals(JwsAlgorithm.EdDSA, parsed.algorithm());
    assertEquals("EdDSA", parsed.header().get("alg").asText());
    assertArrayEquals(PAYLOAD, parsed.payload());
    assertEquals(2, parsed.payloadJson(JsonLimits.defaults()).get("a").asInt());
    parsed.verify(ED.publicKey());
    ((ObjectNode) parsed.header()).put("alg", "none");
    assertEquals("EdDSA", parsed.header().get("alg").asText(), "header() is a copy");
    fails("JWS_ALG_MISMATCH", () -> parsed.verify(P256.publicKey()));
    fails("SIGNATURE_INVALID", () -> parsed.verify(SigningKey.generate(KeyType.ED25519).publicKey()));
  }

  @Test
  void readUnverifiedTellsWhatARefusedTokenClaimsWithoutJudgingIt() {
    String body = b64("{\"iss\":\"did:example:1\"}");
    String unsecured = b64("{\"alg\":\"none\"}") + "." + body + ".";
    assertTrue(CompactJws.looksLike(unsecured), "an unsecured token is a JWS to refuse, not unknown input");
    CompactJws.Unverified read = CompactJws.readUnverified(unsecured, JsonLimits.defaults());
    assertEquals("none", read.header().get("alg").asText());
    assertEquals("did:example:1", read.payload().get("iss").asText());
    fails("JWS_ALG_NONE", () -> CompactJws.parse(unsecured, JsonLimits.defaults()));
    String jku = b64("{\"alg\":\"EdDSA\",\"jku\":\"https://attacker.example/jwks\"}") + "." + body + ".AA";
    assertEquals("https://attacker.example/jwks", CompactJws.readUnverified(jku, JsonLimits.defaults()).header().get("jku").asText());
    fails("JWS_MALFORMED", () -> CompactJws.readUnverified("a.b", JsonLimits.defaults()));
    fails("JWS_MALFORMED", () -> CompactJws.readUnverified(b64("[1]") + "." + body + ".AA", JsonLimits.defaults()));
    fails("JSON_MALFORMED", () -> CompactJws.readUnverified(b64("{") + "." + body + ".AA", JsonLimits.defaults()));
  }

  @Test
  void shapeAndHostileHeaders() {
    assertFalse(CompactJws.looksLike("a.b"));
    assertFalse(CompactJws.looksLike("a.b.c.d"));
    assertFalse(CompactJws.looksLike("{\"a\":1}"));
    assertFalse(CompactJws.looksLike(null));
    assertTrue(CompactJws.looksLike("a..c"));
    String body = b64("{}");
    fails("JWS_ALG_NONE", () -> CompactJws.parse(b64("{\"alg\":\"none\"}") + "." + body + ".AA", JsonLimits.defaults()));
    fails("JWS_ALG_UNSUPPORTED", () -> CompactJws.parse(b64("{\"alg\":\"HS256\"}") + "." + body + ".AA", JsonLimits.defaults()));
    fails("JWS_HEADER_KEY_UNTRUSTED",
        () -> CompactJws.parse(b64("{\"alg\":\"EdDSA\",\"jku\":\"https://x\"}") + "." + body + ".AA", JsonLimits.defaults()));
    fails("JWS_MALFORMED", () -> CompactJws.parse("!!.AA.AA", JsonLimits.defaults()));
    CompactJws notJson = CompactJws.parse(b64("{\"alg\":\"EdDSA\"}") + "." + b64("[1,") + ".AA", JsonLimits.defaults());
    assertThrows(OpenBadgesException.class, () -> notJson.payloadJson(JsonLimits.defaults()));
  }
}
