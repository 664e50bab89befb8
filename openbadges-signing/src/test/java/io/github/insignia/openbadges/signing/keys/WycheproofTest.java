package io.github.insignia.openbadges.signing.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.signing.InvalidSignatureException;
import io.github.insignia.openbadges.signing.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every case of Project Wycheproof's P-256 (P1363 {@code r || s}) and Ed25519 verification vectors
 * (vendored under {@code src/test/resources/wycheproof}, see its NOTICE) through the public
 * {@link VerificationKey#verify}: a "valid" case must verify, an "invalid" one must be refused (a
 * public key that cannot be imported counts as a refusal), and an "acceptable" one may go either
 * way. The key is imported from the group's SPKI PEM through {@link Keys#publicKeyFromPem} (not every
 * group has a JWK).
 */
class WycheproofTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest
  @CsvSource({"ecdsa_secp256r1_sha256_p1363_test.json, P256, 262", "ed25519_test.json, ED25519, 151"})
  void everyCaseMatchesTheExpectedResult(String file, KeyType type, int expectedCases) throws IOException {
    JsonNode suite;
    try (InputStream in = WycheproofTest.class.getResourceAsStream("/wycheproof/" + file)) {
      suite = new ObjectMapper().readTree(in);
    }
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    for (JsonNode group : suite.get("testGroups")) {
      VerificationKey key = importKey(group.get("publicKeyPem").asText(), type);
      for (JsonNode test : group.get("tests")) {
        cases++;
        String expected = test.get("result").asText();
        boolean accepted = key != null && verifies(key, HEX.parseHex(test.get("msg").asText()), HEX.parseHex(test.get("sig").asText()));
        boolean ok = switch (expected) {
          case "valid" -> accepted;
          case "invalid" -> !accepted;
          case "acceptable" -> true;
          default -> throw new AssertionError("unknown result " + expected);
        };
        if (!ok) {
          mismatches.add("tcId " + test.get("tcId") + " (" + test.get("comment").asText() + ", "
              + test.get("flags") + "): expected " + expected + ", got " + (accepted ? "accepted" : key == null ? "refused (key import)" : "refused"));
        }
      }
    }
    assertEquals(expectedCases, cases, "every vendored case was run");
    assertEquals(suite.get("numberOfTests").asInt(), cases);
    assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
  }

  private static VerificationKey importKey(String spkiPem, KeyType type) {
    try {
      return Keys.publicKeyFromPem(spkiPem).requireType(type);
    } catch (OpenBadgesException e) {
      return null;
    }
  }

  private static boolean verifies(VerificationKey key, byte[] message, byte[] signature) {
    try {
      key.verify(message, signature);
      return true;
    } catch (InvalidSignatureException e) {
      return false;
    }
  }
}
