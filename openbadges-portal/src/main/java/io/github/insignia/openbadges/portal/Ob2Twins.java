package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.AwardRequest;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.ExpiryPolicy;
import io.github.insignia.openbadges.issuing.Ob2Documents;
import io.github.insignia.openbadges.issuing.Ob2Hosting;
import io.github.insignia.openbadges.issuing.Recipient;
import io.github.insignia.openbadges.issuing.status.HostedAnswer;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.spring.InsigniaAutoConfiguration;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The OB 2.0 hosted twin of an award, for backpacks that speak only OB 2.1 Badge Connect: the same
 * recipient, achievement, issue date and expiry, made at the first OB 2.1 export of the badge (not
 * at award: most badges never go to such a backpack) and kept in {@code portal_ob2_document}, from
 * where the portal serves the assertion, BadgeClass and issuer at their URLs under {@value #PATH}.
 * Hosted OB 2.0 has no status list: the assertion is answered through {@link
 * StatusService#hostedAssertion}, so the revocation of the OB 3.0 credential (account deletion) makes
 * the hosted assertion {@code revoked: true} with its reason.
 */
@Service
class Ob2Twins {
  /** Where the OB 2.0 documents are served. */
  static final String PATH = "/ob2/";

  private final PortalProperties props;
  private final BadgeIssuer ob2Issuer;
  private final Badges badges;
  private final PortalBadgeStore store;
  private final StatusService status;
  private final JdbcClient jdbc;

  Ob2Twins(PortalProperties props, InsigniaAutoConfiguration.IssuerIdentity identity, SigningKey key, Badges badges,
      PortalBadgeStore store, StatusService status, JdbcClient jdbc) {
    this.props = props;
    // the same issuer profile and key, hence the same derived credential id as the OB 3.0 award;
    // no status service: the twin's revocation is the credential's, read when the assertion is served
    this.ob2Issuer = BadgeIssuer.builder(identity.profile(), key, identity.verificationMethod())
        .formats(BadgeFormat.OB2_HOSTED)
        .ob2Hosting(Ob2Hosting.at(props.base() + PATH))
        .defaultImage(BadgeImage.placeholder())
        .build();
    this.badges = badges;
    this.store = store;
    this.status = status;
    this.jdbc = jdbc;
  }

  /**
   * The hosted assertion twinning this badge, made and stored on the first call. The badge must be
   * the caller's and valid (its address not yet erased).
   */
  Optional<ObjectNode> assertion(String badgeId) {
    Optional<ObjectNode> stored = stored(badgeId);
    if (stored.isPresent()) {
      return stored;
    }
    Optional<PortalBadgeStore.Claim> claim = store.claim(badgeId);
    Optional<String> email = jdbc.sql("SELECT email FROM portal_claim WHERE badge_id = ? AND email IS NOT NULL")
        .param(badgeId).query(String.class).optional();
    if (claim.isEmpty() || email.isEmpty()) {
      return Optional.empty();
    }
    Optional<Achievement> achievement = badges.achievement(claim.get().course());
    Optional<String> credentialJson = store.credentialJson(badgeId);
    if (achievement.isEmpty() || credentialJson.isEmpty()) {
      return Optional.empty();
    }
    // the dates exactly as the OB 3.0 credential states them
    com.fasterxml.jackson.databind.JsonNode credential = SafeJson.read(credentialJson.get());
    AwardRequest request = AwardRequest.builder(achievement.get(), Recipient.email(email.get()))
        .issuedAt(Badges.instant(credential.path("validFrom")).orElse(claim.get().issuedAt()))
        .expiry(Badges.instant(credential.path("validUntil")).map(ExpiryPolicy::at).orElse(ExpiryPolicy.never()))
        .build();
    Ob2Documents docs = ob2Issuer.award(request).ob2Hosted().orElseThrow();
    for (Map.Entry<String, ObjectNode> d : docs.documents().entrySet()) {
      boolean isAssertion = d.getKey().equals(docs.assertionId());
      save(d.getKey(), isAssertion ? badgeId : null, isAssertion ? claim.get().credentialId() : null, SafeJson.write(d.getValue()));
    }
    // the row kept, which is another call's when two made the twin at once: the one served is the one pushed
    return stored(badgeId);
  }

  private Optional<ObjectNode> stored(String badgeId) {
    return jdbc.sql("SELECT body FROM portal_ob2_document WHERE badge_id = ? AND credential_id IS NOT NULL")
        .param(badgeId).query(String.class).optional().map(b -> (ObjectNode) SafeJson.read(b));
  }

  /** What to answer at this URL: the stored document, the assertion as its credential's status says; empty when unknown. */
  Optional<HostedAnswer> serve(String url) {
    record Row(String credentialId, String body) {}
    Optional<Row> row = jdbc.sql("SELECT credential_id, body FROM portal_ob2_document WHERE url = ?").param(url)
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).optional();
    return row.map(r -> r.credentialId() == null
        ? new HostedAnswer(HostedAnswer.OK, "application/ld+json", r.body())
        : status.hostedAssertion(r.credentialId(), (ObjectNode) SafeJson.read(r.body())));
  }

  /** The base URL the documents are served under. */
  String base() {
    return props.base() + PATH;
  }

  private void save(String url, String badgeId, String credentialId, String body) {
    // two exports at once may both make the twin: the first row stays (the issuer and BadgeClass are
    // the same for every award, the assertion the same but for its salt)
    try {
      jdbc.sql("INSERT INTO portal_ob2_document (url, badge_id, credential_id, body) VALUES (?, ?, ?, ?)")
          .params(url, badgeId, credentialId, body).update();
    } catch (DuplicateKeyException e) {
      if (credentialId == null) {
        jdbc.sql("UPDATE portal_ob2_document SET body = ? WHERE url = ?").params(body, url).update();
      }
    }
  }
}
