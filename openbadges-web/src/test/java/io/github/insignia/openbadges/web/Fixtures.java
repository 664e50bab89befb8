package io.github.insignia.openbadges.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.ExpiryPolicy;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.batch.BatchIssuer;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Issues a small batch into a folder, as {@code issue-batch} does, for the web tests. */
final class Fixtures {
  static final String ACHIEVEMENT = "{\"id\":\"https://escuela.example/a/1\",\"type\":[\"Achievement\"],"
      + "\"name\":\"Ciencia & Tecnología <i>\",\"description\":\"Completed the <script>alert(1)</script> course.\","
      + "\"criteria\":{\"id\":\"javascript:alert(2)\",\"narrative\":\"Pass the exam.\"},"
      + "\"alignment\":[{\"type\":[\"Alignment\"],\"targetName\":\"Data analysis\",\"targetUrl\":\"javascript:alert(3)\",\"targetCode\":\"DA1\"},"
      + "{\"type\":[\"Alignment\"],\"targetName\":\"Statistics\",\"targetUrl\":\"https://framework.example/st\"}]}";

  private Fixtures() {}

  /** The folder of a batch and the status store it used. */
  record Batch(Path out, List<Path> folders, StatusListStore status, String issuerId, StatusService service, CredentialProver prover) {}

  static Batch issue(Path out, String issuerId, String siteBase, boolean withStatus) throws Exception {
    SigningKey key = SigningKey.generate(KeyType.ED25519);
    String id = issuerId != null ? issuerId : key.publicKey().didKey();
    ObjectNode profile = (ObjectNode) SafeJson.read("{\"id\":\"" + id + "\",\"type\":[\"Profile\"],\"name\":\"Escuela \\\"Ñandú\\\"\","
        + "\"url\":\"javascript:alert(4)\",\"email\":\"info@escuela.example\"}");
    String vm = Issuers.verificationMethodFor(id, key.publicKey());
    BadgeIssuer.Builder b = BadgeIssuer.builder(profile, key, vm)
        .formats(BadgeFormat.OB3_DATA_INTEGRITY, BadgeFormat.OB3_JWT)
        .prover(Issuers.dataIntegrity(key, vm).orElseThrow())
        .defaultImage(BadgeImage.placeholder())
        .defaultExpiry(ExpiryPolicy.after(Duration.ofDays(365)))
        .publicPageBase(siteBase + "/badges/");
    StatusListStore store = null;
    StatusService service = null;
    CredentialProver prover = Issuers.dataIntegrity(key, vm).orElseThrow();
    if (withStatus) {
      store = StatusListStore.inMemory();
      service = StatusService.builder(id, siteBase + "/status/", store).build();
      b.status(service);
    }
    BadgeIssuer issuer = b.build();
    if (!issuer.publishedDocuments().isEmpty()) {
      issuer.writePublishedDocuments(out.resolve("publish"));
    }
    Path roster = Files.writeString(out.getParent().resolve(out.getFileName() + "-roster.csv"),
        "name,email,evidence,narrative\nAna,ana@example.org,https://lms.example/1,Essay\nBob,bob@example.org,,\n");
    BatchIssuer.builder(issuer, (ObjectNode) SafeJson.read(ACHIEVEMENT)).threads(1).build().run(roster, out, p -> {});
    try (Stream<Path> s = Files.list(out)) {
      return new Batch(out, s.filter(p -> Files.isRegularFile(p.resolve("badge.json"))).sorted().toList(), store, id, service, prover);
    }
  }
}
