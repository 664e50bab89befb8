package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  @TempDir Path dir;

  static Path vector() {
    return Path.of(System.getProperty("insignia.shared"), "vectors", "eddsa-vectors", "ob-spec-obv3p0", "credential-signed.json");
  }

  /**
   * A resources map serving the vector issuer's profile, which lists the vector's key: without it
   * the key in the method's fragment is only the badge's word, and offline the verdict waits.
   */
  String issuerProfile() throws Exception {
    String issuer = "https://example.edu/issuers/565049";
    Files.writeString(dir.resolve("issuer.json"), """
        {"id": "%1$s", "type": "Profile",
         "verificationMethod": [{"id": "%1$s#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", "type": "Multikey"}]}
        """.formatted(issuer));
    Files.writeString(dir.resolve("profile-map.json"), "{\"" + issuer + "\": \"issuer.json\"}");
    return dir.resolve("profile-map.json").toString();
  }

  @Test
  void withoutTheIssuersKeysOfflineTheBadgeIsNeverValid() {
    InsigniaCommandTest.Run run = InsigniaCommandTest.run("verify", vector().toString(), "--offline");
    assertTrue(run.exit() != 0, run.out());
    assertTrue(run.out().startsWith("✗ INDETERMINATE"), run.out());
    assertTrue(run.out().contains("ISSUER_KEYS_UNAVAILABLE"), run.out());
  }

  @Test
  void validBadgeExitsZeroWithAVerdictAndOneLinePerCheck() throws Exception {
    InsigniaCommandTest.Run run = InsigniaCommandTest.run("verify", vector().toString(), "--offline", "--resources", issuerProfile());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().startsWith("✓ VALID"), run.out());
    assertTrue(run.out().contains("  ✓ PROOF /proof: "), run.out());
    assertTrue(run.out().contains("  - RECIPIENT"), run.out());
  }

  @Test
  void jsonOutputHasTheDocumentedShape() throws Exception {
    InsigniaCommandTest.Run run = InsigniaCommandTest.run("verify", vector().toString(), "--offline", "--json", "--resources", issuerProfile());
    assertEquals(0, run.exit());
    JsonNode report = SafeJson.read(run.out());
    assertEquals(true, report.get("valid").asBoolean());
    assertEquals("3.0", report.get("version").asText());
    assertEquals("json", report.get("input").asText());
    JsonNode first = report.get("checks").get(0);
    assertTrue(first.has("code") && first.has("outcome") && first.has("target") && first.has("message"));
  }

  @Test
  void tamperedBadgeExitsOneWithTheCauseInBothLanguages() throws Exception {
    Path tampered = dir.resolve("tampered.json");
    Files.writeString(tampered, Files.readString(vector()).replace("Teamwork Badge", "Teamwork Badge!"));
    String profile = issuerProfile();
    InsigniaCommandTest.Run en = InsigniaCommandTest.run("verify", tampered.toString(), "--offline", "--resources", profile);
    assertEquals(1, en.exit());
    assertTrue(en.out().startsWith("✗ INVALID: The signature does not verify"), en.out());
    assertTrue(en.out().contains("✗ PROOF_INVALID"), en.out());
    InsigniaCommandTest.Run es = InsigniaCommandTest.run("verify", tampered.toString(), "--offline", "--lang", "es", "--resources", profile);
    assertEquals(1, es.exit());
    assertTrue(es.out().startsWith("✗ NO VÁLIDA: La firma no es válida"), es.out());
  }

  @Test
  void atAndRecipient() throws Exception {
    String profile = issuerProfile();
    assertEquals(1, InsigniaCommandTest.run("verify", vector().toString(), "--offline", "--resources", profile, "--at", "2009-01-01T00:00:00Z").exit());
    assertEquals(0, InsigniaCommandTest.run("verify", vector().toString(), "--offline", "--resources", profile,
        "--recipient", "someone@example.org", "--recipient", "did:example:ebfeb1f712ebc6f1c276e12ec21").exit());
    InsigniaCommandTest.Run other = InsigniaCommandTest.run("verify", vector().toString(), "--offline", "--resources", profile,
        "--recipient", "someone@example.org");
    assertEquals(1, other.exit());
    assertTrue(other.out().contains("RECIPIENT_MISMATCH"), other.out());
  }

  @Test
  void couldNotRunExitsTwo() throws Exception {
    InsigniaCommandTest.Run missing = InsigniaCommandTest.run("verify", dir.resolve("nope.png").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().startsWith("error: INPUT_NOT_FOUND: "), missing.err());
    assertEquals(2, InsigniaCommandTest.run("verify", vector().toString(), "--lang", "fr").exit());
    assertEquals(2, InsigniaCommandTest.run("verify", vector().toString(), "--at", "yesterday").exit());
    Files.writeString(dir.resolve("map.json"), "{\"https://x.example/a\": \"missing.json\"}");
    InsigniaCommandTest.Run map = InsigniaCommandTest.run("verify", vector().toString(), "--resources", dir.resolve("map.json").toString());
    assertEquals(2, map.exit());
    assertTrue(map.err().startsWith("error: RESOURCES_MAP_INVALID: "), map.err());
  }

  @Test
  void hostedBadgeOfflineThroughAResourcesMap() throws Exception {
    String b = "https://badges.example.org";
    Files.writeString(dir.resolve("assertion.json"), """
        {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "%1$s/a/1",
         "recipient": {"type": "email", "hashed": false, "identity": "learner@example.org"},
         "badge": "%1$s/badge", "verification": {"type": "HostedBadge"}, "issuedOn": "2025-01-01T00:00:00Z"}
        """.formatted(b));
    Files.writeString(dir.resolve("badge.json"), """
        {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "%1$s/badge", "name": "Robotics",
         "description": "Builds robots.", "criteria": {"narrative": "Build one."}, "issuer": "%1$s/issuer"}
        """.formatted(b));
    Files.writeString(dir.resolve("issuer.json"), """
        {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "%1$s/issuer", "name": "Academy",
         "url": "%1$s", "email": "badges@example.org"}
        """.formatted(b));
    Files.writeString(dir.resolve("map.json"), """
        {"%1$s/a/1": "assertion.json", "%1$s/badge": "badge.json", "%1$s/issuer": "issuer.json",
         "%1$s/a/2": {"status": 403, "contentType": "text/html"}}
        """.formatted(b));
    String map = dir.resolve("map.json").toString();
    InsigniaCommandTest.Run ok = InsigniaCommandTest.run("verify", b + "/a/1", "--offline", "--resources", map, "--recipient", "learner@example.org");
    assertEquals(0, ok.exit(), ok.out());
    InsigniaCommandTest.Run locked = InsigniaCommandTest.run("verify", b + "/a/2", "--offline", "--resources", map);
    assertEquals(1, locked.exit());
    assertTrue(locked.out().contains("FETCH_ACCESS_RESTRICTED"), locked.out());
  }
}
