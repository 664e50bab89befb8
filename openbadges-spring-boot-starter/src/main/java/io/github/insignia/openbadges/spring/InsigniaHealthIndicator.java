package io.github.insignia.openbadges.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.status.FileStatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.jdbc.JdbcStatusListStore;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.web.BadgeStore;
import io.github.insignia.openbadges.web.HostedDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Insignia's health ({@code /actuator/health/insignia}): DOWN when the key file can no longer be read
 * or is not the key in use, when the status store cannot be written, or when a document binding the
 * key to the issuer (profile, JWKS, DID document) is missing from the site's documents or differs
 * from what the key requires. Each check is a detail; a failure names itself, never a secret.
 */
public final class InsigniaHealthIndicator implements HealthIndicator {
  private final InsigniaProperties properties;
  private final SigningKey key;
  private final BadgeIssuer issuer;
  private final StatusListStore statusStore;
  private final BadgeStore badgeStore;
  private final String siteUrl;

  /**
   * @param properties the configuration
   * @param key the key in use, or {@code null} (no issuer configured)
   * @param issuer the issuer, or {@code null}
   * @param statusStore the status store, or {@code null}
   * @param badgeStore the site's store, or {@code null}
   * @param siteUrl the site's public URL, or {@code null}
   */
  public InsigniaHealthIndicator(InsigniaProperties properties, SigningKey key, BadgeIssuer issuer,
      StatusListStore statusStore, BadgeStore badgeStore, String siteUrl) {
    this.properties = properties;
    this.key = key;
    this.issuer = issuer;
    this.statusStore = statusStore;
    this.badgeStore = badgeStore;
    this.siteUrl = siteUrl;
  }

  @Override
  public Health health() {
    List<String> problems = new ArrayList<>();
    Health.Builder health = Health.up();
    health.withDetail("key", checkKey(problems));
    health.withDetail("statusStore", checkStatusStore(problems));
    health.withDetail("hostedDocuments", checkDocuments(problems));
    if (!problems.isEmpty()) {
      health.down().withDetail("problems", problems);
    }
    return health.build();
  }

  private String checkKey(List<String> problems) {
    if (key == null) {
      return "not configured";
    }
    try {
      SigningKey onDisk = InsigniaAutoConfiguration.readKey(properties.key().location());
      if (!onDisk.publicKey().thumbprint().equals(key.publicKey().thumbprint())) {
        problems.add("key: the file at insignia.key.location is no longer the key in use (restart to load it)");
        return "changed";
      }
      return "loadable";
    } catch (OpenBadgesException | IllegalArgumentException e) {
      problems.add("key: " + e.getMessage());
      return "unreadable";
    }
  }

  private String checkStatusStore(List<String> problems) {
    if (statusStore == null) {
      return "not configured";
    }
    try {
      if (statusStore instanceof JdbcStatusListStore jdbc) {
        jdbc.checkWritable();
        return "writable (jdbc)";
      }
      if (statusStore instanceof FileStatusListStore file) {
        if (!Files.isWritable(file.directory())) {
          problems.add("statusStore: " + file.directory() + " is not writable");
          return "read-only";
        }
        return "writable (file)";
      }
      statusStore.listCount();
      return "readable (" + statusStore.getClass().getSimpleName() + ")";
    } catch (OpenBadgesException e) {
      problems.add("statusStore: " + e.code());
      return "failing";
    }
  }

  private String checkDocuments(List<String> problems) {
    if (issuer == null || badgeStore == null || siteUrl == null) {
      return "not checked";
    }
    Map<URI, ObjectNode> required;
    try {
      required = issuer.publishedDocuments();
    } catch (OpenBadgesException e) {
      problems.add("hostedDocuments: " + e.code() + ": " + e.getMessage());
      return "key not bound";
    }
    Map<URI, HostedDocument> hosted;
    try {
      hosted = badgeStore.hostedDocuments();
    } catch (OpenBadgesException e) {
      problems.add("hostedDocuments: " + e.code());
      return "failing";
    }
    int checked = 0;
    ObjectMapper json = new ObjectMapper();
    for (Map.Entry<URI, ObjectNode> doc : required.entrySet()) {
      if (!doc.getKey().toString().startsWith(siteUrl + "/")) {
        continue; // served elsewhere (a did:web host, another site): not this site's to check
      }
      checked++;
      HostedDocument served = hosted.get(doc.getKey());
      if (served == null) {
        problems.add("hostedDocuments: " + doc.getKey() + " is not hosted by the site");
        continue;
      }
      try {
        JsonNode body = json.readTree(served.body());
        if (!doc.getValue().equals(body)) {
          problems.add("hostedDocuments: " + doc.getKey() + " differs from what the key requires");
        }
      } catch (IOException e) {
        problems.add("hostedDocuments: " + doc.getKey() + " is not JSON");
      }
    }
    return checked + " checked";
  }
}
