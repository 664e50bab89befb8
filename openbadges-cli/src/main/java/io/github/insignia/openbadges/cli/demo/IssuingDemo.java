package io.github.insignia.openbadges.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.ExpiryPolicy;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.batch.BatchIssuer;
import io.github.insignia.openbadges.issuing.batch.BatchListener;
import io.github.insignia.openbadges.issuing.batch.BatchResult;
import io.github.insignia.openbadges.model.status.BitstringStatusList;
import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.issuing.status.RecipientKeys;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.Keys;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.CheckCode;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Demo step: a course ends and five learners get their badge in one batch (one folder each with the
 * download pack), then one learner deletes their account and every badge of theirs is revoked: the
 * bit at their index in the published Bitstring Status List flips from 0 to 1.
 *
 * <p>Reads ISSUER_KEY_JWK, ISSUER_PROFILE and ACHIEVEMENT when earlier steps left them, and
 * otherwise generates a key and uses its own sample issuer and achievement.
 */
public final class IssuingDemo implements DemoStep {
  static final String STATUS_BASE = "https://university.example.org/status/";
  static final List<String[]> LEARNERS =
      List.of(
          new String[] {"Ana García", "ana.garcia@example.org", "https://lms.example.org/portfolio/ana", "Taught a model lesson"},
          new String[] {"Bruno Díaz", "Bruno.Diaz@Example.org", "", ""},
          new String[] {"Chloé Martin", "chloe.martin@example.org", "https://lms.example.org/portfolio/chloe", ""},
          new String[] {"Dmitri Ivanov", "dmitri@example.org", "", "Mentored two peers, \"with distinction\""},
          new String[] {"Efua Mensah", "efua.mensah@example.org", "", ""});

  @Override
  public String title() {
    return "Issuing: award a small roster at course end";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    SigningKey key =
        context.get(DemoContext.ISSUER_KEY_JWK, String.class).map(Keys::parsePrivateKey).orElseGet(() -> {
          context.say("  no issuer key from the signing step: generating an Ed25519 key");
          return SigningKey.generate(KeyType.ED25519);
        });
    ObjectNode profile =
        context.get(DemoContext.ISSUER_PROFILE, String.class).map(IssuingDemo::object).orElseGet(() -> sampleProfile(key));
    ObjectNode achievement =
        context.get(DemoContext.ACHIEVEMENT, String.class).map(IssuingDemo::object).orElseGet(IssuingDemo::sampleAchievement);
    String issuerId = profile.get("id").asText();
    String vm = Issuers.verificationMethodFor(issuerId, key.publicKey());
    ObjectNode published = publishedProfile(profile, vm, key);

    Path folder = context.outputDirectory().resolve("issuing");
    Files.createDirectories(folder);
    StringBuilder csv = new StringBuilder("name,email,evidence,narrative\r\n");
    for (String[] l : LEARNERS) {
      csv.append(csv(l[0])).append(',').append(csv(l[1])).append(',').append(csv(l[2])).append(',').append(csv(l[3])).append("\r\n");
    }
    Path roster = context.writeText("issuing/roster.csv", csv.toString());

    try (FileStatusListStore store = FileStatusListStore.open(folder.resolve("status-store"), Clock.systemUTC())) {
      StatusService status =
          StatusService.builder(issuerId, STATUS_BASE, store)
              .oneEdTechRevocationListUrl("https://university.example.org/revocations")
              .ttl(Duration.ofMinutes(5))
              .build();
      BadgeIssuer.Builder issuer =
          BadgeIssuer.builder(profile, key, vm).status(status).defaultExpiry(ExpiryPolicy.after(Duration.ofDays(3 * 365)))
              .publicPageBase("https://university.example.org/badges/");
      Optional<CredentialProver> prover = Issuers.dataIntegrity(key, vm);
      if (prover.isPresent()) {
        issuer.formats(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT).prover(prover.get());
      } else {
        issuer.formats(BadgeFormat.OB3_JWT);
        context.say("  (no Data Integrity prover yet: badges are VC-JWTs; badge.json is the credential they carry)");
      }
      BadgeImage art = BadgeImage.fromAchievement(achievement).orElseGet(BadgeImage::placeholder);
      BatchIssuer batch = BatchIssuer.builder(issuer.defaultImage(art).build(), achievement).image(art).build();
      Path out = folder.resolve("batch");
      BatchResult result = batch.run(roster, out, BatchListener.none());
      context.say(String.format("  batch: issued %d, skipped %d, failed %d in %d ms -> issuing/batch/summary.json",
          result.issued(), result.skipped(), result.failed(), result.elapsed().toMillis()));
      try (var folders = Files.list(out)) {
        folders.filter(Files::isDirectory).sorted().limit(1).forEach(f -> context.say("  one pack: issuing/batch/" + f.getFileName() + "/ "
            + String.join(", ", list(f))));
      }

      String leaver = LEARNERS.get(1)[1];
      String credentialId = status.store().assignmentsOf(RecipientKeys.of(leaver)).get(0).credentialId();
      byte[] leaverPng = Files.readAllBytes(out.resolve(credentialId.substring("urn:uuid:".length())).resolve("badge.png"));
      CredentialProver listSigner = prover.orElse(null);
      context.say("  " + leaver.toLowerCase(java.util.Locale.ROOT) + "'s baked badge.png before revocation: "
          + verdict(leaverPng, status, listSigner, published));
      int index = status.store().assignment(credentialId).orElseThrow().slot().index();
      JsonNode before = status.statusListCredential(0);
      context.writeText("issuing/status-list-0-before.json", SafeJson.writePretty(before));
      List<String> revoked = status.revokeRecipient(leaver, "Account deleted at the learner's request");
      JsonNode after = status.statusListCredential(0);
      context.writeText("issuing/status-list-0.json", SafeJson.writePretty(after));
      context.writeText("issuing/revocation-list-1edtech.json", SafeJson.writePretty(status.oneEdTechRevocationList()));
      context.say("  revoked " + revoked.size() + " badge(s) of " + leaver.toLowerCase(java.util.Locale.ROOT) + " (account deleted): " + revoked);
      context.say("  the same badge.png after revocation: " + verdict(leaverPng, status, listSigner, published));
      context.say("  status list 0, index " + index + ": " + bit(before, index) + " -> " + bit(after, index)
          + " (list of " + status.bitstringLength() + " entries, encodedList " + after.at("/credentialSubject/encodedList").asText().length() + " chars)");
    }
  }

  /**
   * The issuer profile as the issuer serves it at its id: with the signing key listed, so that a
   * verifier can confirm that a key named {@code <issuer id>#z6Mk…} really is the issuer's.
   */
  private static ObjectNode publishedProfile(ObjectNode profile, String vm, SigningKey key) {
    ObjectNode published = profile.deepCopy();
    if (key.publicKey().hasMultikeyForm()) {
      ObjectNode method = published.putArray("verificationMethod").addObject();
      method.put("id", vm);
      method.put("type", "Multikey");
      method.put("controller", profile.path("id").asText());
      method.put("publicKeyMultibase", key.publicKey().publicKeyMultibase());
    }
    return published;
  }

  /**
   * Verifies offline with the validation module, serving what the host publishes: the status list
   * (signed when a prover is available) and the issuer profile.
   */
  private static String verdict(byte[] badge, StatusService status, CredentialProver listSigner, ObjectNode profile) {
    try {
      PreloadedResources.Builder published = PreloadedResources.builder();
      ObjectNode list = listSigner == null ? status.statusListCredential(0) : status.statusListCredential(0, listSigner);
      published.put(status.statusListUrl(0), "application/vc+ld+json", SafeJson.write(list).getBytes(StandardCharsets.UTF_8));
      String issuerId = profile.get("id").asText();
      if (issuerId.startsWith("https://")) {
        published.put(issuerId, "application/ld+json", SafeJson.write(profile).getBytes(StandardCharsets.UTF_8));
      }
      VerificationReport report =
          BadgeVerifier.create(VerificationOptions.builder().offline(true).resources(published.build()).build()).verify(badge);
      return report.valid() ? "VALID" : (report.has(CheckCode.REVOKED) ? "REVOKED" : report.verdict().name()) + " (" + report.summary() + ")";
    } catch (RuntimeException e) {
      return "not verified here (" + e.getMessage() + ")";
    }
  }

  private static int bit(JsonNode listCredential, int index) {
    return BitstringStatusList.decode(listCredential.at("/credentialSubject/encodedList").asText(), 1 << 21).get(index) ? 1 : 0;
  }

  private static List<String> list(Path folder) {
    try (var files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  private static String csv(String field) {
    return field.matches(".*[\",\\r\\n].*") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
  }

  private static ObjectNode object(String json) {
    return (ObjectNode) SafeJson.read(json);
  }

  static ObjectNode sampleProfile(SigningKey key) {
    ObjectNode p = SafeJson.nodeFactory().objectNode();
    p.put("id", key.publicKey().didKey());
    p.putArray("type").add("Profile");
    p.put("name", "Example University");
    p.put("url", "https://university.example.org");
    p.put("email", "badges@university.example.org");
    return p;
  }

  static ObjectNode sampleAchievement() {
    ObjectNode a = SafeJson.nodeFactory().objectNode();
    a.put("id", "https://university.example.org/achievements/teaching-with-ai");
    a.putArray("type").add("Achievement");
    a.put("name", "Teaching with AI");
    a.put("description", "Completed the national MOOC on teaching with AI.");
    a.putObject("criteria").put("narrative", "Complete at least 8 of the 10 course tasks.");
    return a;
  }
}
