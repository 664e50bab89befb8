package io.github.insignia.openbadges.portal;

import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.web.BadgeStore;
import io.github.insignia.openbadges.web.HostedDocument;
import io.github.insignia.openbadges.web.PublishedBadge;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The badges the portal issued ({@code portal_claim}), as the web module's {@link BadgeStore}: the
 * public pages and downloads under {@code /badges/} read them here.
 */
@Repository
class PortalBadgeStore implements BadgeStore {
  /** One issued badge as "My badges" lists it. */
  record Claim(String badgeId, String credentialId, String course, String name, Instant issuedAt, Optional<Instant> validUntil) {}

  private final JdbcClient jdbc;
  private final Map<URI, HostedDocument> hosted;

  PortalBadgeStore(JdbcClient jdbc, BadgeIssuer issuer) {
    this.jdbc = jdbc;
    Map<URI, HostedDocument> docs = new LinkedHashMap<>();
    // the documents that bind the key to the issuer (none for a did:key issuer, which is its key)
    issuer.publishedDocuments().forEach((url, doc) ->
        docs.put(url, new HostedDocument(200, "application/json", SafeJson.write(doc).getBytes(StandardCharsets.UTF_8))));
    this.hosted = Map.copyOf(docs);
  }

  @Override
  public Optional<PublishedBadge> badge(String id) {
    if (id == null || !PublishedBadge.ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT badge_json, badge_jwt, badge_png, badge_svg, links_json FROM portal_claim WHERE badge_id = ?")
        .param(id)
        .query((rs, n) -> {
          Map<String, byte[]> files = new LinkedHashMap<>();
          files.put(PublishedBadge.CREDENTIAL, utf8(rs.getString(1)));
          putIf(files, PublishedBadge.JWT, utf8(rs.getString(2)));
          putIf(files, PublishedBadge.PNG, rs.getBytes(3));
          putIf(files, PublishedBadge.SVG, utf8(rs.getString(4)));
          putIf(files, PublishedBadge.LINKS, utf8(rs.getString(5)));
          return PublishedBadge.of(id, files);
        })
        .optional();
  }

  @Override
  public Map<URI, HostedDocument> hostedDocuments() {
    return hosted;
  }

  Optional<Claim> claim(String badgeId) {
    return jdbc.sql("SELECT badge_id, credential_id, course, achievement_name, issued_at, valid_until FROM portal_claim WHERE badge_id = ?")
        .param(badgeId).query((rs, n) -> claimOf(rs)).optional();
  }

  /** The badges issued to any of these (confirmed) addresses, newest first. */
  List<Claim> claimsOf(List<String> emails) {
    if (emails.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT badge_id, credential_id, course, achievement_name, issued_at, valid_until FROM portal_claim"
            + " WHERE email IN (:emails) ORDER BY issued_at DESC, badge_id")
        .param("emails", emails).query((rs, n) -> claimOf(rs)).list();
  }

  /** Whether this badge was issued to one of these addresses. */
  boolean ownedBy(String badgeId, List<String> emails) {
    return !emails.isEmpty() && jdbc.sql("SELECT COUNT(*) FROM portal_claim WHERE badge_id = :id AND email IN (:emails)")
        .param("id", badgeId).param("emails", emails).query(Long.class).single() > 0;
  }

  /** A badge's details page in one query: its claim, credential and links. */
  record Details(Claim claim, String credentialJson, String linksJson) {}

  /**
   * The details of a badge issued to one of these addresses, in one query (the page is opened often:
   * one round trip instead of four); empty when it is not theirs.
   */
  Optional<Details> detailsOwnedBy(String badgeId, List<String> emails) {
    if (emails.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT badge_id, credential_id, course, achievement_name, issued_at, valid_until, badge_json, links_json"
            + " FROM portal_claim WHERE badge_id = :id AND email IN (:emails)")
        .param("id", badgeId).param("emails", emails)
        .query((rs, n) -> new Details(claimOf(rs), rs.getString(7), rs.getString(8))).optional();
  }

  Optional<String> credentialJson(String badgeId) {
    return jdbc.sql("SELECT badge_json FROM portal_claim WHERE badge_id = ?").param(badgeId).query(String.class).optional();
  }

  Optional<String> linksJson(String badgeId) {
    return jdbc.sql("SELECT links_json FROM portal_claim WHERE badge_id = ?").param(badgeId).query(String.class).optional();
  }

  /** Stores a new award; false when the badge was already there (an idempotent repeat). */
  boolean insert(String badgeId, Award award, String course, String email, String name, Optional<Instant> validUntil) {
    Map<String, byte[]> files = award.pack().files();
    try {
      jdbc.sql("INSERT INTO portal_claim (badge_id, credential_id, course, email, achievement_name, issued_at, valid_until,"
              + " badge_json, badge_jwt, badge_png, badge_svg, links_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(badgeId, award.credentialId(), course, email, name,
              OffsetDateTime.now(ZoneOffset.UTC), validUntil.map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null),
              award.pack().json().orElseThrow(), award.pack().jwt().orElse(null), files.get(PublishedBadge.PNG),
              award.pack().svg().orElse(null), award.pack().linksJson())
          .update();
      return true;
    } catch (org.springframework.dao.DuplicateKeyException e) {
      return false;
    }
  }

  /** Erases the learner's address from their badges (account deletion); answers the credential ids. */
  List<String> eraseEmails(List<String> emails) {
    if (emails.isEmpty()) {
      return List.of();
    }
    List<String> ids = jdbc.sql("SELECT credential_id FROM portal_claim WHERE email IN (:emails)")
        .param("emails", emails).query(String.class).list();
    jdbc.sql("UPDATE portal_claim SET email = NULL WHERE email IN (:emails)").param("emails", emails).update();
    return ids;
  }

  private static Claim claimOf(java.sql.ResultSet rs) throws java.sql.SQLException {
    OffsetDateTime until = rs.getObject(6, OffsetDateTime.class);
    return new Claim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getObject(5, OffsetDateTime.class).toInstant(), Optional.ofNullable(until).map(OffsetDateTime::toInstant));
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static void putIf(Map<String, byte[]> files, String name, byte[] bytes) {
    if (bytes != null) {
      files.put(name, bytes);
    }
  }
}
