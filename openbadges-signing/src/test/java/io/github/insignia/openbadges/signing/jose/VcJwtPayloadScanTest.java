package io.github.insignia.openbadges.signing.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.internal.Crypto;
import io.github.insignia.openbadges.signing.jose.internal.DateTimes;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming payload scan of {@link VcJwt.Verifier}: hostile payloads, correctly signed, still
 * yield typed errors; claims are compared as the tree-based checks did; the trees are built lazily.
 */
class VcJwtPayloadScanTest {
  private static final SigningKey KEY = VcJwtTest.RSA;
  private static final String KID = VcJwtTest.RSA_KID;
  private static final String ISSUER = "https://example.edu/issuers/565049";

  /** A token over exactly these payload bytes, properly signed by the trusted key. */
  static String signed(String payloadJson) {
    String input = VcJwtTest.b64("{\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}") + "."
        + Crypto.b64u(payloadJson.getBytes(StandardCharsets.UTF_8));
    return input + "." + Crypto.b64u(KEY.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  static String credential(String extra) {
    return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],"
        + "\"id\":\"urn:uuid:1\",\"issuer\":{\"id\":\"" + ISSUER + "\",\"name\":\"x\"},"
        + "\"validFrom\":\"2020-01-01T00:00:00Z\",\"credentialSubject\":{\"id\":\"did:example:s\"}" + extra + "}";
  }

  static final String CLAIMS = ",\"iss\":\"" + ISSUER + "\",\"jti\":\"urn:uuid:1\",\"sub\":\"did:example:s\",\"nbf\":1577836800";

  static void fails(String code, String payloadJson) {
    VcJwtTest.fails(code, () -> VcJwtTest.verifier().verify(signed(payloadJson)));
  }

  @Test
  void wellFormedPayloadVerifies() {
    VcJwt.Verified v = VcJwtTest.verifier().verify(signed(credential(CLAIMS)));
    assertTrue(v.warnings().isEmpty(), v.warnings().toString());
    assertEquals("urn:uuid:1", v.credential().get("id").asText());
    assertTrue(!v.credential().has("iss") && v.payload().has("iss"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", " ", "null", "[]", "\"text\"", "42", "{", "{\"a\":", "{\"a\":1,}", "{\"a\":1} {}", "{\"a\":1}x",
    "{'a':1}", "{\"a\":01}", "{\"a\":[1,2}", "{\"a\":\"\u0001\"}", "{\"credentialSubject\":[{\"id\":\"x\"}",
  })
  void malformedPayloadsAreTyped(String payload) {
    fails("JWT_PAYLOAD_INVALID", payload);
  }

  @Test
  void invalidUtf8IsTyped() {
    byte[] bad = credential(CLAIMS + ",\"name\":\"\u00e9\"").getBytes(StandardCharsets.UTF_8);
    bad[bad.length - 3] = (byte) 0xff;
    String input = VcJwtTest.b64("{\"alg\":\"RS256\",\"kid\":\"" + KID + "\"}") + "." + Crypto.b64u(bad);
    String jwt = input + "." + Crypto.b64u(KEY.sign(input.getBytes(StandardCharsets.US_ASCII)));
    VcJwtTest.fails("JWT_PAYLOAD_INVALID", () -> VcJwtTest.verifier().verify(jwt));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    ",\"iss\":\"a\",\"iss\":\"a\"", // a claim twice
    ",\"id\":\"urn:uuid:1\"", // a credential member twice
    ",\"credentialSubject\":{\"id\":\"did:example:s\"}",
    ",\"x\":{\"deep\":{\"a\":1,\"b\":2,\"c\":3,\"a\":4}}", // deep inside a skipped value
    ",\"x\":[{\"a\":1},{\"a\":1,\"a\":1}]",
    ",\"x\":{\"a\":1,\"\\u0061\":1}", // the same name, escaped
  })
  void duplicateMembersAnywhereAreRefused(String extra) {
    fails("JWT_PAYLOAD_INVALID", credential(CLAIMS + extra));
  }

  @Test
  void duplicatesInTheVcClaimAndInSubjectsAreRefused() {
    String vc = "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],\"type\":[\"VerifiableCredential\"],"
        + "\"issuer\":\"" + ISSUER + "\",\"credentialSubject\":[{\"id\":\"a\"},{\"id\":\"b\",\"id\":\"b\"}]}";
    fails("JWT_PAYLOAD_INVALID", "{\"vc\":" + vc + "}");
    fails("JWT_PAYLOAD_INVALID", "{\"vc\":" + vc.replace(",{\"id\":\"b\",\"id\":\"b\"}", "") + ",\"vc\":{}}");
  }

  @Test
  void deepNestingIsTypedNotAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    fails("JWT_PAYLOAD_INVALID", credential(CLAIMS + ",\"x\":" + deep));
    String objects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    fails("JWT_PAYLOAD_INVALID", credential(CLAIMS + ",\"x\":" + objects));
    // Within the limit, nesting is fine.
    VcJwtTest.verifier().verify(signed(credential(CLAIMS + ",\"x\":" + "[".repeat(40) + "]".repeat(40))));
  }

  @Test
  void payloadsBeyondTheFastTokenizersReachAreStillCheckedWhole() {
    // More members than the fast tokenizer tracks, and deeper than it goes: Jackson reads these.
    StringBuilder many = new StringBuilder(",\"x\":{\"m0\":0");
    for (int i = 1; i < 1000; i++) {
      many.append(",\"m").append(i).append("\":").append(i);
    }
    VcJwtTest.verifier().verify(signed(credential(CLAIMS + many + "}")));
    fails("JWT_PAYLOAD_INVALID", credential(CLAIMS + many + ",\"m500\":1}"));
    String deepDuplicate = "[".repeat(40) + "{\"a\":1,\"a\":2}" + "]".repeat(40);
    fails("JWT_PAYLOAD_INVALID", credential(CLAIMS + ",\"x\":" + deepDuplicate));
    VcJwtTest.verifier().verify(signed(credential(CLAIMS + ",\"x\":" + deepDuplicate.replace(",\"a\":2", ""))));
  }

  @Test
  void limitsOfTheVerifierApplyToSkippedValues() {
    VcJwt.Verifier tight = VcJwtTest.verifier(VcJwtTest.policy().toBuilder().limits(JsonLimits.builder().maxStringLength(600).maxDepth(5).build()).build());
    String longString = ",\"x\":\"" + "a".repeat(700) + "\"";
    VcJwtTest.fails("JWT_PAYLOAD_INVALID", () -> tight.verify(signed(credential(CLAIMS + longString))));
    VcJwtTest.fails("JWT_PAYLOAD_INVALID", () -> tight.verify(signed(credential(CLAIMS + ",\"x\":[[[[[1]]]]]"))));
    VcJwtTest.fails("JWT_PAYLOAD_INVALID", () -> tight.verify(signed(credential(CLAIMS + ",\"x\":" + "9".repeat(1001)))));
    VcJwtTest.fails("JWT_PAYLOAD_INVALID", () -> tight.verify(signed(credential(CLAIMS + ",\"" + "n".repeat(700) + "\":1"))));
    tight.verify(signed(credential(CLAIMS + ",\"x\":\"" + "a".repeat(100) + "\"")));
  }

  @Test
  void claimsThatDisagreeAreMismatches() {
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS.replace("\"iss\":\"" + ISSUER, "\"iss\":\"https://evil.example")));
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS.replace("\"iss\":\"" + ISSUER + "\"", "\"iss\":null")));
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS.replace("\"iss\":\"" + ISSUER + "\"", "\"iss\":{\"id\":\"" + ISSUER + "\"}")));
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS.replace("\"jti\":\"urn:uuid:1\"", "\"jti\":\"urn:uuid:2\"")));
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS.replace("\"sub\":\"did:example:s\"", "\"sub\":[\"did:example:s\"]")));
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS.replace("\"sub\":\"did:example:s\"", "\"sub\":\"did:example:t\"")));
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS.replace("1577836800", "1577836801")));
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS.replace("1577836800", "\"1577836800\"")));
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS.replace("1577836800", "-1")));
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS.replace("1577836800", "1e300")));
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS + ",\"exp\":4102444800").replace("\"validFrom\"",
        "\"validUntil\":\"2099-12-31T00:00:00Z\",\"validFrom\""));
    // A jti claim beside a credential without a string id cannot agree with it.
    fails("JWT_CLAIM_MISMATCH", credential(CLAIMS).replace("\"id\":\"urn:uuid:1\",", "\"id\":7,"));
    fails("CREDENTIAL_DATE_MALFORMED", credential(CLAIMS).replace("2020-01-01T00:00:00Z", "2020-02-30T00:00:00Z"));
    fails("JWT_PAYLOAD_INVALID", credential(CLAIMS).replace("\"type\":[\"VerifiableCredential\"],", ""));
    fails("JWT_PAYLOAD_INVALID", "{\"vc\":[]," + credential(CLAIMS).substring(1));
  }

  @Test
  void numericDatesAreReadAsTheTreeReadsThem() {
    // A fraction is truncated, as JsonNode.asLong() did.
    VcJwtTest.verifier().verify(signed(credential(CLAIMS.replace("1577836800", "1577836800.9"))));
    VcJwtTest.verifier().verify(signed(credential(CLAIMS.replace("1577836800", "1.5778368E9"))));
  }

  @Test
  void subjectsMayBeAnArrayAndIssuerAString() {
    String payload = credential(CLAIMS.replace("did:example:s", "did:example:b"))
        .replace("{\"id\":\"did:example:s\"}", "[{\"id\":\"did:example:a\"},\"junk\",[{\"id\":\"did:example:b\"}],{\"id\":\"did:example:b\"}]")
        .replace("{\"id\":\"" + ISSUER + "\",\"name\":\"x\"}", "\"" + ISSUER + "\"");
    VcJwt.Verified v = VcJwtTest.verifier().verify(signed(payload));
    assertTrue(v.warnings().isEmpty(), v.warnings().toString());
  }

  @Test
  void vcdm11ClaimsAreCheckedAgainstTheVcClaim() {
    String vc = "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],\"type\":[\"VerifiableCredential\"],"
        + "\"id\":\"urn:uuid:9\",\"issuer\":\"" + ISSUER + "\",\"issuanceDate\":\"2020-01-01T00:00:00+01:00\","
        + "\"credentialSubject\":{\"id\":\"did:example:s\"}}";
    String ok = "{\"iss\":\"" + ISSUER + "\",\"jti\":\"urn:uuid:9\",\"sub\":\"did:example:s\",\"nbf\":1577833200,\"vc\":" + vc + "}";
    VcJwt.Verified v = VcJwtTest.verifier().verify(signed(ok));
    assertEquals(VcJwt.DataModel.V1_1, v.dataModel());
    assertEquals(SafeJson.read(vc), v.credential());
    fails("JWT_CLAIM_MISMATCH", ok.replace("1577833200", "1577836800"));
    fails("JWT_CLAIM_MISMATCH", ok.replace("\"jti\":\"urn:uuid:9\"", "\"jti\":\"urn:uuid:1\""));
    // Top-level credential members do not count once there is a vc claim.
    fails("JWT_CLAIM_MISMATCH", ok.replace("\"iss\":\"" + ISSUER + "\",", "\"iss\":\"https://x.example\",\"issuer\":\"https://x.example\","));
  }

  @Test
  void treesAreBuiltOnceAndAreTheParsedPayload() throws Exception {
    ObjectNode c = VcJwtTest.credential(KEY);
    String jwt = VcJwt.sign(c, KEY, KID);
    VcJwt.Verified v = VcJwtTest.verifier().verify(jwt);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<JsonNode>> credentials = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        credentials.add(pool.submit(v::credential));
      }
      for (Future<JsonNode> f : credentials) {
        assertSame(credentials.get(0).get(), f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(c, v.credential());
    assertSame(v.payload(), v.payload());
    assertSame(v.header(), v.header());
    assertEquals(SafeJson.read(VcJwt.payload(c)), v.payload());
    // The header handed out is the caller's: changing it does not reach the next verification.
    ((ObjectNode) v.header()).put("kid", "changed");
    assertEquals(KID, VcJwtTest.verifier().verify(jwt).header().get("kid").asText());
    VcJwt.Verified again = VcJwtTest.verifier().verify(jwt);
    assertEquals(new VcJwt.Verified(again.credential(), again.header(), again.payload(), again.verificationMethod(),
        again.dataModel(), again.warnings()), VcJwtTest.verifier().verify(jwt));
  }

  @Test
  void aRememberedHeaderStillRequiresAWellFormedToken() {
    VcJwt.Verifier verifier = VcJwtTest.verifier();
    String jwt = signed(credential(CLAIMS));
    verifier.verify(jwt);
    String[] parts = jwt.split("\\.");
    VcJwtTest.fails("JWS_MALFORMED", () -> verifier.verify(parts[0] + "." + parts[1] + "."));
    VcJwtTest.fails("JWS_MALFORMED", () -> verifier.verify(parts[0] + "." + parts[1] + "!." + parts[2]));
    VcJwtTest.fails("JWS_MALFORMED", () -> verifier.verify(parts[0] + "." + parts[1]));
    VcJwtTest.fails("JWS_MALFORMED", () -> verifier.verify(jwt + ".x"));
    VcJwtTest.fails("SIGNATURE_INVALID", () -> verifier.verify(jwt + "!"));
    // A non-Latin-1 character must not pass for the base64url character of its low byte.
    VcJwtTest.fails("JWS_MALFORMED", () -> verifier.verify(parts[0] + "." + parts[1] + "\u0141." + parts[2]));
    VcJwt.Verifier small = VcJwtTest.verifier(VcJwtTest.policy().toBuilder().limits(JsonLimits.builder().maxDocumentBytes(2000).build()).build());
    small.verify(jwt);
    String big = signed(credential(CLAIMS + ",\"x\":\"" + "a".repeat(1900) + "\""));
    VcJwtTest.fails("JWS_TOO_LARGE", () -> small.verify(big));
    assertEquals("urn:uuid:1", verifier.verify("  " + jwt + "\n").credential().get("id").asText());
  }

  @Test
  void fastDatePathAgreesWithOffsetDateTime() {
    Random random = new Random(7);
    String[] samples = {"2020-01-01T00:00:00Z", "2020-02-29T23:59:59Z", "2021-02-29T00:00:00Z", "2020-13-01T00:00:00Z",
      "2020-01-01T24:00:00Z", "2020-01-01T00:60:00Z", "2020-01-01T00:00:60Z", "0000-01-01T00:00:00Z",
      "2020-01-01t00:00:00z", "2020-01-01T00:00:00+00:00", "2020-01-01T00:00Z", "2020-1-01T00:00:00Z",
      "2020-01-01T00:00:00.5Z", "+2020-01-01T00:00:00Z", "2020-01-01 00:00:00Z", "20a0-01-01T00:00:00Z"};
    List<String> all = new ArrayList<>(List.of(samples));
    for (int i = 0; i < 500; i++) {
      char[] s = samples[0].toCharArray();
      for (int k = 0; k < 1 + random.nextInt(3); k++) {
        s[random.nextInt(s.length)] = "0123456789-:TZ+x".charAt(random.nextInt(16));
      }
      all.add(new String(s));
    }
    for (String s : all) {
      String expected;
      try {
        expected = OffsetDateTime.parse(s).toInstant().toString();
      } catch (DateTimeParseException e) {
        expected = "error";
      }
      String actual;
      try {
        actual = DateTimes.parse(s).toString();
      } catch (DateTimeParseException e) {
        actual = "error";
      }
      assertEquals(expected, actual, s);
    }
  }

  @Test
  void expectedCredentialIsComparedWithTheParsedTree() {
    ObjectNode c = VcJwtTest.credential(KEY);
    String jwt = VcJwt.sign(c, KEY, KID);
    ObjectNode other = c.deepCopy().put("name", "changed");
    assertEquals(SigningErrorCode.JWS_PAYLOAD_MISMATCH,
        assertThrows(OpenBadgesException.class, () -> VcJwtTest.verifier().verify(jwt, other)).errorCode());
    assertEquals(c, VcJwtTest.verifier().verify(jwt, c).credential());
  }
}
