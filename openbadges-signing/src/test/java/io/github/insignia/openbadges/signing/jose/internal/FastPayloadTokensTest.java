package io.github.insignia.openbadges.signing.jose.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.JsonLimits;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.TestVectors;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast payload tokenizer against Jackson, the reference: whenever the fast scan answers, Jackson
 * (under the same limits) accepts the payload too and the scan reads the same claims and members;
 * and the common payloads do take the fast path. Seeded generators, so a failure repeats.
 */
class FastPayloadTokensTest {
  /** Mutations per sample payload; raise it ({@code -Dinsignia.scan.rounds=20000}) for a long hunt. */
  private static final int ROUNDS = Integer.getInteger("insignia.scan.rounds", 400);
  private static final List<JsonLimits> LIMITS = List.of(
      JsonLimits.defaults(),
      JsonLimits.builder().maxDepth(3).build(),
      JsonLimits.builder().maxDepth(5).maxStringLength(40).build(),
      JsonLimits.builder().maxStringLength(8).build(),
      JsonLimits.builder().maxDocumentBytes(600).build());

  /** What a scan read, in a comparable form; "invalid" when Jackson refused the payload. */
  static String describe(JwtPayloadScan s) {
    return String.join("|", value(s.iss), value(s.jti), value(s.sub), value(s.nbf), value(s.exp),
        s.vcClaim == null ? "absent" : s.vcClaim == JwtPayloadScan.OTHER ? "OTHER" : "vc", credential(s.top),
        credential(s.vc));
  }

  private static String value(Object v) {
    return v == null ? "absent" : v == JwtPayloadScan.OTHER ? "OTHER" : v.getClass().getSimpleName() + ":" + v;
  }

  private static String credential(JwtPayloadScan.Credential c) {
    return c.hasContext + "," + c.hasType + "," + c.issuerId + "," + c.id + "," + c.subjectIds + "," + c.validFrom
        + "," + c.validUntil + "," + c.issuanceDate + "," + c.expirationDate;
  }

  private static String reference(byte[] payload, JsonLimits limits) {
    try {
      return describe(JwtPayloadScan.scanWithJackson(JwtPayloadScan.factory(limits), payload));
    } catch (InvalidSignatureException e) {
      assertEquals(SigningErrorCode.JWT_PAYLOAD_INVALID, e.errorCode());
      return "invalid";
    }
  }

  /** Checks agreement; true when the fast path answered. */
  static boolean agrees(byte[] payload, JsonLimits limits) {
    JwtPayloadScan fast = JwtPayloadScan.scanFast(payload, limits);
    if (fast == null) {
      return false;
    }
    String expected = reference(payload, limits);
    String actual = describe(fast);
    if (!expected.equals(actual)) {
      fail("fast path disagrees with Jackson under " + limits + " on\n" + new String(payload, StandardCharsets.UTF_8)
          + "\nJackson: " + expected + "\nfast:    " + actual);
    }
    return true;
  }

  static List<byte[]> samplePayloads() throws IOException {
    List<byte[]> payloads = new ArrayList<>();
    for (Map.Entry<Path, JsonNode> example : TestVectors.ob3SpecExampleObjects().entrySet()) {
      payloads.add(Files.readAllBytes(example.getKey()));
      try {
        payloads.add(VcJwt.payload(example.getValue()));
      } catch (InvalidInputException notACredential) {
        // Fragments of the specification are still payloads worth tokenizing.
      }
    }
    payloads.add(("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],"
        + "\"issuer\":{\"id\":\"https://example.edu/\",\"name\":\"Universidad de Educación a Distancia 🎓\"},"
        + "\"credentialSubject\":{\"id\":\"did:example:ñ\",\"name\":\"Zoë \\\"Z\\\" Ångström\\u00e9\\n\"},"
        + "\"validFrom\":\"2020-01-01T00:00:00Z\",\"nbf\":1577836800,\"exp\":-0,\"sub\":\"did:example:ñ\","
        + "\"x\":[1.5e-3,-0.0,1E+2,true,false,null,{},[],\"\\u0000\\/\\b\\f\\r\\t\"]}").getBytes(StandardCharsets.UTF_8));
    return payloads;
  }

  @Test
  void commonPayloadsTakeTheFastPathAndReadWhatJacksonReads() throws IOException {
    int fast = 0;
    List<byte[]> payloads = samplePayloads();
    for (byte[] payload : payloads) {
      if (agrees(payload, JsonLimits.defaults())) {
        fast++;
      }
    }
    // Every spec example is plain JSON: all of them are read without Jackson.
    assertEquals(payloads.size(), fast, "payloads that took the fast path");
  }

  @Test
  void mutatedPayloadsNeverGetAnotherAnswer() throws IOException {
    Random random = new Random(Long.getLong("insignia.scan.seed", 20261207));
    byte[] alphabet = "{}[]\",:\\u0 -+.eE19tfnal\t\n\r/\u007f".getBytes(StandardCharsets.ISO_8859_1);
    byte[] high = {(byte) 0x80, (byte) 0xbf, (byte) 0xc0, (byte) 0xc2, (byte) 0xe0, (byte) 0xed, (byte) 0xef,
      (byte) 0xf0, (byte) 0xf4, (byte) 0xf5, (byte) 0xff, 0x01, 0x00};
    List<byte[]> seeds = samplePayloads();
    int fast = 0;
    int runs = 0;
    for (byte[] seed : seeds) {
      for (int i = 0; i < ROUNDS; i++) {
        byte[] mutated = mutate(seed, random, alphabet, high);
        for (JsonLimits limits : LIMITS) {
          runs++;
          if (agrees(mutated, limits)) {
            fast++;
          }
        }
      }
    }
    // The generator must reach the fast path often, or this test proves little.
    assertTrue(fast > runs / 20, "fast path answered " + fast + " of " + runs);
  }

  private static byte[] mutate(byte[] seed, Random random, byte[] alphabet, byte[] high) {
    byte[] b = seed.clone();
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && b.length > 2; e++) {
      int at = random.nextInt(b.length);
      byte value = random.nextInt(6) == 0 ? high[random.nextInt(high.length)] : alphabet[random.nextInt(alphabet.length)];
      switch (random.nextInt(5)) {
        case 0 -> b[at] = value;
        case 1 -> b = splice(b, at, at + 1, new byte[0]);
        case 2 -> b = splice(b, at, at, new byte[] {value});
        case 3 -> {
          // Repeat a stretch: duplicate members, deeper nesting, longer strings.
          int to = Math.min(b.length, at + 1 + random.nextInt(40));
          b = splice(b, at, at, java.util.Arrays.copyOfRange(b, at, to));
        }
        default -> {
          // A member name replaced by a scanned one, escaped or not, or a claim value changed.
          String[] names = {"\"iss\"", "\"id\"", "\"vc\"", "\"nbf\"", "\"exp\"", "\"i\\u0064\"", "\"issuer\"",
            "\"credentialSubject\"", "\"2147483648\"", "12345678901234567890", "2147483647", "-2147483649", "1e2",
            "{\"id\":\"a\",\"id\":\"a\"}", "\"\\ud83c\\udf93\"", "[{\"id\":\"s\"},7,[]]"};
          b = splice(b, at, at, names[random.nextInt(names.length)].getBytes(StandardCharsets.ISO_8859_1));
        }
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    byte[] out = new byte[b.length - (to - from) + insert.length];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(b, to, out, from + insert.length, b.length - to);
    return out;
  }

  @Test
  void generatedPayloadsNeverGetAnotherAnswer() {
    Random random = new Random(7);
    int fast = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder json = new StringBuilder();
      object(json, random, 0, true);
      byte[] payload = json.toString().getBytes(StandardCharsets.UTF_8);
      for (JsonLimits limits : LIMITS) {
        if (agrees(payload, limits)) {
          fast++;
        }
      }
    }
    assertTrue(fast > 3000, "fast path answered " + fast);
  }

  private static final String[] NAMES = {"@context", "type", "id", "issuer", "credentialSubject", "validFrom",
    "validUntil", "issuanceDate", "expirationDate", "iss", "jti", "sub", "nbf", "exp", "vc", "name", "é", "a"};

  private static void object(StringBuilder out, Random random, int depth, boolean top) {
    out.append('{');
    int members = random.nextInt(top ? 8 : 4);
    for (int i = 0; i < members; i++) {
      if (i > 0) {
        out.append(random.nextInt(8) == 0 ? " , " : ",");
      }
      out.append('"').append(NAMES[random.nextInt(NAMES.length)]).append("\":");
      value(out, random, depth + 1);
    }
    out.append('}');
  }

  private static void value(StringBuilder out, Random random, int depth) {
    int kind = random.nextInt(depth > 6 ? 5 : 8);
    switch (kind) {
      case 0 -> out.append(random.nextBoolean() ? "true" : random.nextBoolean() ? "false" : "null");
      case 1 -> out.append(random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(2_000_000_000));
      case 2 -> out.append(random.nextBoolean() ? "1.5" : random.nextBoolean() ? "-0" : "2E-3");
      case 3, 4 -> {
        out.append('"');
        String[] pieces = {"a", "é", "🎓", "\\n", "\\u00e9", "\\\"", "did:example:", "2020-01-01T00:00:00Z", "\u007f"};
        for (int i = random.nextInt(4); i > 0; i--) {
          out.append(pieces[random.nextInt(pieces.length)]);
        }
        out.append('"');
      }
      case 5 -> object(out, random, depth, false);
      default -> {
        out.append('[');
        for (int i = random.nextInt(4); i > 0; i--) {
          value(out, random, depth + 1);
          if (i > 1) {
            out.append(',');
          }
        }
        out.append(']');
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"a\":[[[]]]}", // depth 4 under maxDepth 3: Jackson refuses, the fast path gives up
    "{\"a\":1,\"\\u0061\":2}", // the same name, once escaped
    "\ufeff{\"a\":1}", // a byte order mark
    " {\"a\":1}", "{\"a\":1} x", "{\"a\":01}", "{\"a\":1.}", "{\"a\":\"\\ud800\"}", "{\"nbf\":1.5}",
    "{\"id\":\"\\u0061\"}", "{\"a\":\"\\x\"}", "{\"nbf\":1234567890123456789}",
  })
  void unusualPayloadsAreLeftToJackson(String payload) {
    assertNull(JwtPayloadScan.scanFast(payload.getBytes(StandardCharsets.UTF_8), JsonLimits.builder().maxDepth(3).build()));
  }

  @Test
  void theDepthLimitIsJacksons() {
    JsonLimits limits = JsonLimits.builder().maxDepth(3).build();
    byte[] atLimit = "{\"a\":[[1]]}".getBytes(StandardCharsets.UTF_8);
    assertNotNull(JwtPayloadScan.scanFast(atLimit, limits));
    assertTrue(agrees(atLimit, limits));
    assertEquals("invalid", reference("{\"a\":[[[1]]]}".getBytes(StandardCharsets.UTF_8), limits));
  }

  @Test
  void eightBytesArePlainExactlyWhenEachIs() {
    Random random = new Random(3);
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] word = new byte[8];
      boolean plain = true;
      for (int i = 0; i < 8; i++) {
        // Mostly printable ASCII, sometimes anything: every byte value meets every position.
        word[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 0x20 + random.nextInt(0x60));
        plain &= word[i] >= 0x20 && word[i] != '"' && word[i] != '\\';
      }
      long v = java.nio.ByteBuffer.wrap(word).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
      assertEquals(plain, FastPayloadTokens.isPlain(v), java.util.Arrays.toString(word));
    }
    for (int b = 0; b < 256; b++) {
      for (int at = 0; at < 8; at++) {
        long v = 0x6161616161616161L & ~(0xFFL << (8 * at)) | ((long) b << (8 * at));
        assertEquals(b >= 0x20 && b < 0x80 && b != '"' && b != '\\', FastPayloadTokens.isPlain(v), b + "@" + at);
      }
    }
  }
}
