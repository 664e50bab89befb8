package io.github.insignia.openbadges.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.insignia.openbadges.testvectors.TestVectors;

class VerifyCommandTest {
  @TempDir Path dir;

  static Path vector() {
    return TestVectors.path("eddsa-vectors", "ob-spec-obv3p0", "credential-signed.json");
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
    assertEquals(3, run.exit(), run.out());
    assertTrue(run.out().startsWith("? INDETERMINATE"), run.out());
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
    assertEquals("VALID", report.get("verdict").asText());
    assertTrue(report.get("warnings").isArray());
    JsonNode first = report.get("checks").get(0);
    assertTrue(first.has("code") && first.has("question") && first.has("outcome") && first.has("target") && first.has("message"));
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
    // Behind a login: nothing is proven either way, INDETERMINATE (exit 3), the URL named.
    assertEquals(3, locked.exit());
    assertTrue(locked.out().startsWith("? INDETERMINATE: " + b + "/a/2"), locked.out());
    assertTrue(locked.out().contains("FETCH_ACCESS_RESTRICTED"), locked.out());
    // A badge class is verified as what it is; an importing platform that expects awards refuses it.
    InsigniaCommandTest.Run badge = InsigniaCommandTest.run("verify", b + "/badge", "--offline", "--resources", map, "--json");
    assertEquals(0, badge.exit(), badge.out());
    assertTrue(badge.out().contains("\"kind\" : \"BADGE_CLASS\""), badge.out());
    InsigniaCommandTest.Run refused = InsigniaCommandTest.run("verify", b + "/badge", "--offline", "--resources", map, "--expect", "award");
    assertEquals(1, refused.exit(), refused.out());
    assertTrue(refused.out().contains("INPUT_NOT_AN_AWARD"), refused.out());
    assertEquals(0, InsigniaCommandTest.run("verify", b + "/a/1", "--offline", "--resources", map, "--expect", "award").exit());
    assertEquals(0, InsigniaCommandTest.run("verify", b + "/badge", "--offline", "--resources", map,
        "--expect", "badge-class,profile").exit());
    assertEquals(2, InsigniaCommandTest.run("verify", b + "/a/1", "--offline", "--resources", map, "--expect", "trophy").exit());
    InsigniaCommandTest.Run json = InsigniaCommandTest.run("verify", b + "/a/2", "--offline", "--resources", map, "--json");
    assertEquals(3, json.exit());
    assertEquals("INDETERMINATE", SafeJson.read(json.out()).get("verdict").asText());
    assertEquals(false, SafeJson.read(json.out()).get("valid").asBoolean());
    // The badge class, needed to tell whether it is authentic, cannot be obtained: INDETERMINATE too.
    InsigniaCommandTest.Run noBadge = InsigniaCommandTest.run("verify", b + "/a/1", "--offline");
    assertEquals(3, noBadge.exit(), noBadge.out());
  }

  /** A spec credential without a subject identifier, issued and signed by a fresh did:key. */
  private Path anonymousCredential() throws Exception {
    io.github.insignia.openbadges.signing.keys.SigningKey key = io.github.insignia.openbadges.signing.keys.SigningKey.generate(io.github.insignia.openbadges.signing.KeyType.ED25519);
    com.fasterxml.jackson.databind.node.ObjectNode c = (com.fasterxml.jackson.databind.node.ObjectNode) SafeJson.read(
        TestVectors.text("ob3", "ob-spec-examples", "examples-basicOpenBadgeCredential-01.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("issuer")).put("id", key.publicKey().didKey());
    ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("credentialSubject")).remove("id");
    com.fasterxml.jackson.databind.node.ObjectNode signed = io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity.create()
        .sign(c, key, io.github.insignia.openbadges.signing.dataintegrity.ProofOptions.builder(key.publicKey().didKeyVerificationMethod()).build());
    Path file = dir.resolve("anonymous.json");
    Files.writeString(file, SafeJson.write(signed));
    return file;
  }

  @Test
  void warningsFollowTheVerdictAndStrictFailsThem() throws Exception {
    Path file = anonymousCredential();
    InsigniaCommandTest.Run run = InsigniaCommandTest.run("verify", file.toString(), "--offline");
    assertEquals(0, run.exit(), run.out());
    String[] lines = run.out().split("\\R");
    assertTrue(lines[0].startsWith("✓ VALID"), run.out());
    assertTrue(lines[2].startsWith("  ! OB3_SUBJECT_IDENTIFIER /credentialSubject: "), run.out());
    assertTrue(run.out().contains("  Authentic?"), run.out());
    assertTrue(run.out().contains("  Conformant?"), run.out());
    JsonNode json = SafeJson.read(InsigniaCommandTest.run("verify", file.toString(), "--offline", "--json").out());
    assertEquals("VALID", json.get("verdict").asText());
    assertEquals(true, json.get("valid").asBoolean());
    assertEquals("CREDENTIAL", json.get("kind").asText());
    JsonNode w = json.get("warnings").get(0);
    assertEquals("OB3_SUBJECT_IDENTIFIER", w.get("code").asText());
    assertEquals("/credentialSubject", w.get("target").asText());
    assertTrue(w.get("message").asText().contains("neither id nor identifier"));

    InsigniaCommandTest.Run strict = InsigniaCommandTest.run("verify", file.toString(), "--offline", "--strict");
    assertEquals(1, strict.exit(), strict.out());
    assertTrue(strict.out().startsWith("✗ INVALID: The credential subject has neither id nor identifier"), strict.out());
    InsigniaCommandTest.Run es = InsigniaCommandTest.run("verify", file.toString(), "--offline", "--strict", "--lang", "es", "--json");
    assertEquals(1, es.exit());
    JsonNode esJson = SafeJson.read(es.out());
    assertEquals("INVALID", esJson.get("verdict").asText());
    assertEquals(false, esJson.get("valid").asBoolean());
    assertTrue(esJson.get("checks").toString().contains("no tiene id ni identifier"), es.out());

    InsigniaCommandTest.Run esHuman = InsigniaCommandTest.run("verify", file.toString(), "--offline", "--lang", "es");
    assertTrue(esHuman.out().startsWith("✓ VÁLIDA"), esHuman.out());
    assertTrue(esHuman.out().contains("  ¿Auténtica?"), esHuman.out());
  }

  @Test
  void aRecipientAskedOfABadgeThatNamesNobodyIsInvalid() throws Exception {
    InsigniaCommandTest.Run run = InsigniaCommandTest.run("verify", anonymousCredential().toString(), "--offline",
        "--recipient", "learner@example.org");
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("RECIPIENT_MISSING"), run.out());
  }

  @Test
  void severalInputsOneLineEachAndTheWorstVerdictDecidesTheExit() throws Exception {
    Path tampered = dir.resolve("tampered.json");
    Files.writeString(tampered, Files.readString(vector()).replace("Teamwork Badge", "Teamwork Badge!"));
    String profile = issuerProfile();
    String good = vector().toString();
    String missing = dir.resolve("no such\tfile.png").toString();

    InsigniaCommandTest.Run all = InsigniaCommandTest.run("verify", good, good, "--offline", "--resources", profile);
    assertEquals(0, all.exit(), all.out() + all.err());
    assertEquals(List.of(good + "\tVALID\t", good + "\tVALID\t"), List.of(all.out().split("\\R")));

    InsigniaCommandTest.Run mixed = InsigniaCommandTest.run("verify", good, tampered.toString(), missing, "--offline", "--resources", profile);
    assertEquals(1, mixed.exit(), mixed.out() + mixed.err());
    String[] lines = mixed.out().split("\\R");
    assertEquals(3, lines.length, mixed.out());
    assertEquals(good + "\tVALID\t", lines[0]);
    assertTrue(lines[1].startsWith(tampered + "\tINVALID\tPROOF_INVALID /proof: "), lines[1]);
    // an unreadable input is INVALID on its own line (the tab in its name shown as a space), and the run goes on
    assertTrue(lines[2].startsWith(missing.replace('\t', ' ') + "\tINVALID\tINPUT_UNREADABLE: "), lines[2]);
    assertTrue(lines[2].contains("INPUT_NOT_FOUND"), lines[2]);
    assertEquals("", mixed.err());

    // no key offline: INDETERMINATE, exit 3 when nothing is INVALID
    InsigniaCommandTest.Run waits = InsigniaCommandTest.run("verify", good, good, "--offline");
    assertEquals(3, waits.exit(), waits.out());
    assertTrue(waits.out().startsWith(good + "\tINDETERMINATE\tISSUER_KEYS_UNAVAILABLE"), waits.out());
    assertEquals(1, InsigniaCommandTest.run("verify", good, missing, "--offline").exit());
    // options that cannot be honoured still stop the whole run before any line
    InsigniaCommandTest.Run usage = InsigniaCommandTest.run("verify", good, good, "--lang", "fr");
    assertEquals(2, usage.exit());
    assertEquals("", usage.out());
  }

  @Test
  void severalInputsAsJsonLinesWithTheirSource() throws Exception {
    String profile = issuerProfile();
    String good = vector().toString();
    String missing = dir.resolve("missing.png").toString();
    InsigniaCommandTest.Run run = InsigniaCommandTest.run("verify", good, missing, "--offline", "--resources", profile, "--json");
    assertEquals(1, run.exit(), run.out());
    String[] lines = run.out().split("\\R");
    assertEquals(2, lines.length, run.out());
    JsonNode first = SafeJson.read(lines[0]);
    assertEquals(good, first.get("source").asText());
    assertEquals("json", first.get("input").asText());
    assertEquals("VALID", first.get("verdict").asText());
    assertTrue(first.get("valid").asBoolean());
    // the same object as a single --json report, plus "source"
    com.fasterxml.jackson.databind.node.ObjectNode single = (com.fasterxml.jackson.databind.node.ObjectNode) SafeJson.read(
        InsigniaCommandTest.run("verify", good, "--offline", "--resources", profile, "--json").out());
    ((com.fasterxml.jackson.databind.node.ObjectNode) first).remove("source");
    assertEquals(single, first);
    JsonNode second = SafeJson.read(lines[1]);
    assertEquals(missing, second.get("source").asText());
    assertEquals("INVALID", second.get("verdict").asText());
    assertEquals(false, second.get("valid").asBoolean());
    assertEquals("INPUT_UNREADABLE", second.get("checks").get(0).get("code").asText());
  }
}
