package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.cli.InsigniaCommandTest.Run;
import io.github.insignia.openbadges.json.SafeJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.insignia.openbadges.testvectors.TestVectors;

class ReadCommandTest {
  private static Run run(String... args) {
    return InsigniaCommandTest.run(args);
  }

  static final Path EXAMPLES = TestVectors.root();

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static void assertOneErrorLine(Run r, int exit, String code) {
    assertEquals(exit, r.exit(), r.err());
    assertTrue(r.err().startsWith("error: " + code + ": "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
    assertEquals("", r.out());
  }

  @Test
  void writesAnOb2AssertionBackJsonEqual() throws IOException {
    Path file = EXAMPLES.resolve("ob2/ob-spec-examples/examples-index-01.json");
    Run r = run("read", file.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(SafeJson.read(Files.readAllBytes(file)), SafeJson.read(r.out()));
    assertTrue(r.err().contains("OB 2.0 ASSERTION"), r.err());
  }

  @Test
  void writesAnOb3CredentialBackJsonEqual() throws IOException {
    Path file = EXAMPLES.resolve("ob3/ob-spec-examples/examples-fullOpenBadge-01.json");
    Run r = run("read", "--quiet", file.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(SafeJson.read(Files.readAllBytes(file)), SafeJson.read(r.out()));
    assertEquals("", r.err());
  }

  @Test
  void nonAsciiIsEscapedWhenStdoutCannotCarryIt() {
    var node = SafeJson.read("{\"name\":\"\u00dcn\u00efc\u00f8d\u00e9 \u65e5\u672c \ud83c\udf93\"}");
    String escaped = ReadCommand.escapedPretty(node);
    assertTrue(escaped.chars().allMatch(c -> c < 128), escaped);
    assertEquals(node, SafeJson.read(escaped));
  }

  @Test
  void readsStdin() {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(
          "{\"recipient\":\"a@example.org\",\"badge\":{\"name\":\"x\"}}".getBytes(StandardCharsets.UTF_8)));
      Run r = run("read", "-");
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.err().contains("OB 0.5 ASSERTION"), r.err());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void upgradesA05Assertion() throws IOException {
    Path file = write("old.json", "{\"recipient\":\"a@example.org\",\"issued_on\":\"2013-06-01\","
        + "\"badge\":{\"name\":\"x\",\"issuer\":{\"origin\":\"https://issuer.example\",\"name\":\"I\"}}}");
    Run r = run("read", "--upgrade", file.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"@context\" : \"https://w3id.org/openbadges/v2\""), r.out());
    assertTrue(r.out().contains("\"issuedOn\" : \"2013-06-01T00:00:00Z\""), r.out());
    assertTrue(r.err().contains("upgraded to OB 2.0"), r.err());
  }

  @Test
  void aFragmentIsNotABadge() {
    Run r = run("read", EXAMPLES.resolve("ob2/ob-spec-examples/examples-index-12.json").toString());
    assertOneErrorLine(r, 1, "NOT_A_BADGE");
  }

  @Test
  void aSignedBadgeJwsIsNotBadgeJson() {
    Run r = run("read", EXAMPLES.resolve("ob2/ob-spec-examples/signed-badge-example.jws").toString());
    assertOneErrorLine(r, 1, "NOT_A_BADGE");
    assertTrue(r.err().contains("JWS"), r.err());
  }

  @Test
  void everySpecExampleIsWrittenBackOrReportedAsAFragment() throws IOException {
    int whole = 0;
    int fragments = 0;
    for (String dir : new String[] {"ob2/ob-spec-examples", "ob3/ob-spec-examples"}) {
      try (var files = Files.list(EXAMPLES.resolve(dir))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          Run r = run("read", "--quiet", file.toString());
          if (r.exit() == 0) {
            assertEquals(SafeJson.read(Files.readAllBytes(file)), SafeJson.read(r.out()), file.toString());
            whole++;
          } else {
            assertOneErrorLine(r, 1, "NOT_A_BADGE");
            fragments++;
          }
        }
      }
    }
    // 40 whole: one abbreviated OB 2.0 example (extensions-index-04) has exactly the members of an
    // Open Badges 1.0 BadgeClass and is read as one, as the 2.0 validator reads it.
    assertEquals(40, whole);
    assertEquals(21, fragments);
  }

  @Test
  void anArrayOrNumberIsNotABadge() throws IOException {
    assertOneErrorLine(run("read", write("a.json", "[1,2]").toString()), 1, "NOT_A_BADGE");
    assertOneErrorLine(run("read", write("n.json", "42").toString()), 1, "NOT_A_BADGE");
  }

  @Test
  void truncatedJsonIsMalformed() throws IOException {
    Run r = run("read", write("t.json", "{\"@context\": \"https://w3id.org/openbadges/v2\", \"type\": [").toString());
    assertOneErrorLine(r, 2, "JSON_MALFORMED");
  }

  @Test
  void deepNestingIsRefused() throws IOException {
    Run r = run("read", write("deep.json", "[".repeat(10_000) + "]".repeat(10_000)).toString());
    assertOneErrorLine(r, 2, "JSON_TOO_DEEP");
  }

  @Test
  void a100MegabyteStringIsRefused() throws IOException {
    Path file = dir.resolve("big.json");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("{\"name\":\"".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 100; i++) {
        out.write(chunk);
      }
      out.write("\"}".getBytes(StandardCharsets.US_ASCII));
    }
    assertOneErrorLine(run("read", file.toString()), 2, "JSON_TOO_LARGE");
  }

  @Test
  void aLongStringIsRefusedUnderTheStringLimit() throws IOException {
    Path file = write("s.json", "{\"name\":\"" + "a".repeat(5000) + "\"}");
    assertOneErrorLine(run("read", "--max-string-length", "1000", file.toString()), 2, "JSON_STRING_TOO_LONG");
  }

  @Test
  void limitsAreConfigurable() throws IOException {
    Path file = EXAMPLES.resolve("ob3/ob-spec-examples/examples-fullOpenBadge-01.json");
    assertOneErrorLine(run("read", "--max-depth", "3", file.toString()), 2, "JSON_TOO_DEEP");
    assertOneErrorLine(run("read", "--max-bytes", "100", file.toString()), 2, "JSON_TOO_LARGE");
  }

  @Test
  void wrongMemberTypesAreMalformed() throws IOException {
    Run r = run("read", write("w.json", "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
        + "\"id\":\"https://example.org/a\",\"recipient\":42,\"badge\":\"https://example.org/b\"}").toString());
    assertOneErrorLine(r, 2, "BADGE_MALFORMED");
    assertTrue(r.err().contains("'recipient'"), r.err());
    assertOneErrorLine(run("read", write("c.json", "{\"@context\":7}").toString()), 2, "BADGE_MALFORMED");
  }

  @Test
  void duplicateKeysAreRefused() throws IOException {
    assertOneErrorLine(run("read", write("d.json", "{\"a\":1,\"a\":2}").toString()), 2, "JSON_DUPLICATE_KEY");
  }

  @Test
  void missingFileIsAnIoError() {
    assertOneErrorLine(run("read", dir.resolve("nope.json").toString()), 2, "IO_ERROR");
  }

  @Test
  void missingArgumentIsAUsageError() {
    Run r = run("read");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("error: USAGE: "), r.err());
  }
}
