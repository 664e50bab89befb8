package io.github.insignia.openbadges.issuing.startup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.AwardRequest;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.Recipient;
import io.github.insignia.openbadges.issuing.TestKeys;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cost of the first verification in a fresh JVM, as a host sees it (docs/validation.md,
 * "First verification in a fresh JVM"). {@code make DIR} issues one OB 3.0 badge (Data Integrity
 * and VC-JWT, baked PNG, did:key issuer, status list) with a resources map; {@code verify DIR
 * [json|jwt|png] [offline]} then, in a new JVM, times verifier creation (default options, as a
 * host makes it, with the documents preloaded so that nothing is fetched), the first and the
 * second verification, and prints one line: {@code create_ms first_ms second_ms verdict}.
 */
public final class FirstVerification {
  private FirstVerification() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    if (args[0].equals("make")) {
      make(dir);
      return;
    }
    String file = "badge." + (args.length > 2 ? args[2] : "json");
    byte[] badge = Files.readAllBytes(dir.resolve(file));
    long t0 = System.nanoTime();
    BadgeVerifier verifier = BadgeVerifier.create(VerificationOptions.builder().offline(args.length > 3)
        .resources(PreloadedResources.fromMapFile(dir.resolve("resources.json"))).build());
    long t1 = System.nanoTime();
    VerificationReport first = verifier.verify(badge);
    long t2 = System.nanoTime();
    VerificationReport second = verifier.verify(badge);
    long t3 = System.nanoTime();
    System.out.printf("%d %d %.1f %s%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1e6,
        first.valid() && second.valid() ? "VALID" : "NOT_VALID " + first.summary());
  }

  private static void make(Path dir) throws Exception {
    SigningKey key = SigningKey.generate(KeyType.ED25519);
    String issuerId = key.publicKey().didKey();
    String vm = key.publicKey().didKeyVerificationMethod();
    ObjectNode profile = TestKeys.profile().put("id", issuerId);
    StatusService status = StatusService.builder(issuerId, "https://school.example/status/", StatusListStore.inMemory()).build();
    BadgeIssuer issuer = BadgeIssuer.builder(profile, key, vm)
        .formats(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT)
        .prover(Issuers.dataIntegrity(key, vm).orElseThrow())
        .status(status)
        .defaultImage(BadgeImage.placeholder())
        .build();
    Award award = issuer.award(AwardRequest.builder(TestKeys.achievement(), Recipient.email("ana@example.org")).build());
    Files.createDirectories(dir);
    for (var f : award.pack().files().entrySet()) {
      Files.write(dir.resolve(f.getKey()), f.getValue());
    }
    Files.writeString(dir.resolve("status-0.json"),
        SafeJson.write(status.statusListCredential(0, Issuers.dataIntegrity(key, vm).orElseThrow())));
    Files.writeString(dir.resolve("resources.json"),
        SafeJson.write(SafeJson.nodeFactory().objectNode().put(status.statusListUrl(0), "status-0.json")));
  }
}
