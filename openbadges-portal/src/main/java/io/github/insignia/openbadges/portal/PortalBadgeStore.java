package io.github.insignia.openbadges.portal;

import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.jdbc.JdbcBadgeStore;
import io.github.insignia.openbadges.web.PublishedBadge;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The badges the portal issued: who received which course's badge ({@code portal_claim}), beside
 * the badge files themselves, which live in the JDBC {@link JdbcBadgeStore} of {@code
 * openbadges-jdbc} that the starter's badge site serves under {@code /badges/} (from any node).
 */
@Repository
class PortalBadgeStore {
  /** One issued badge as "My badges" lists it. */
  record Claim(String badgeId, String credentialId, String course, String name, Instant issuedAt, Optional<Instant> validUntil) {}

  private final JdbcClient jdbc;
  private final JdbcBadgeStore files;

  PortalBadgeStore(JdbcClient jdbc, JdbcBadgeStore files) {
    this.jdbc = jdbc;
    this.files = files;
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

  /** A badge's details page: its claim, credential and links. */
  record Details(Claim claim, String credentialJson, String linksJson) {}

  /**
   * The details of a badge issued to one of these addresses, in two reads (the page is opened often:
   * two round trips instead of four); empty when it is not theirs.
   */
  Optional<Details> detailsOwnedBy(String badgeId, List<String> emails) {
    if (emails.isEmpty()) {
      return Optional.empty();
    }
    // the claim row, then the badge's files from the site's store in one read (both documents at once)
    return jdbc.sql("SELECT badge_id, credential_id, course, achievement_name, issued_at, valid_until"
            + " FROM portal_claim WHERE badge_id = :id AND email IN (:emails)")
        .param("id", badgeId).param("emails", emails)
        .query((rs, n) -> claimOf(rs)).optional()
        .flatMap(claim -> files.badge(badgeId).flatMap(b -> b.file(PublishedBadge.CREDENTIAL)
            .map(credential -> new Details(claim, new String(credential, StandardCharsets.UTF_8),
                b.file(PublishedBadge.LINKS).map(l -> new String(l, StandardCharsets.UTF_8)).orElse(null)))));
  }

  Optional<String> credentialJson(String badgeId) {
    return file(badgeId, PublishedBadge.CREDENTIAL);
  }

  Optional<String> linksJson(String badgeId) {
    return file(badgeId, PublishedBadge.LINKS);
  }

  /** Whether the badge's files are in the site's store (they are saved right after its claim row). */
  boolean published(String badgeId) {
    return files.badge(badgeId).isPresent();
  }

  private Optional<String> file(String badgeId, String name) {
    return files.badge(badgeId).flatMap(b -> b.file(name)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * Records a new award; false when the badge was already recorded (an idempotent repeat, or the
   * same award made at the same moment through another node: the primary key decides).
   */
  boolean insert(String badgeId, Award award, String course, String email, String name, Optional<Instant> validUntil) {
    try {
      jdbc.sql("INSERT INTO portal_claim (badge_id, credential_id, course, email, achievement_name, issued_at, valid_until)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(badgeId, award.credentialId(), course, email, name,
              OffsetDateTime.now(ZoneOffset.UTC), validUntil.map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Puts the badge's files (credential, JWT, PNG, SVG, links) where the public pages read them. */
  void publish(String badgeId, Award award) {
    files.save(PublishedBadge.of(badgeId, award.pack().files()), null);
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
}
