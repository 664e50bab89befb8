package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.issuing.Award;
import io.github.insignia.openbadges.issuing.AwardRequest;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.Recipient;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.Alignment;
import io.github.insignia.openbadges.model.ob3.Criteria;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Issuing course badges, their live status, and revoking them when an account is deleted. */
@Service
class Badges {
  /** A badge's state now. */
  enum State { VALID, EXPIRED, REVOKED }

  /** The answer of an award: the badge and whether this call made it. */
  record Awarded(String badgeId, String credentialId, String publicPage, boolean created) {}

  private final PortalProperties props;
  private final BadgeIssuer issuer;
  private final StatusService status;
  private final PortalBadgeStore store;
  private final AuditLog audit;
  private final Clock clock;

  Badges(PortalProperties props, BadgeIssuer issuer, StatusService status, PortalBadgeStore store, AuditLog audit, Clock clock) {
    props.courses().forEach(AwardRequisites::validate);
    this.props = props;
    this.issuer = issuer;
    this.status = status;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /** The achievement a course awards, from the catalogue. */
  Optional<Achievement> achievement(String courseId) {
    PortalProperties.Course c = courseId == null ? null : props.courses().get(courseId);
    if (c == null) {
      return Optional.empty();
    }
    String id = props.base() + "/achievements/" + courseId;
    Achievement.Builder a = Achievement.builder().id(id).name(c.name())
        .description(c.description() == null ? c.name() : c.description())
        .criteria(Criteria.builder().narrative(c.criteria() == null ? c.name() : c.criteria()).build());
    int n = 0;
    for (String competence : c.competences()) {
      a.addAlignment(Alignment.builder().targetName(competence).targetUrl(id + "#competence-" + (++n)).build());
    }
    return Optional.of(a.build());
  }

  /**
   * Issues the course's badge to this address, once: a repeated call answers the badge made the
   * first time (the credential id is derived from issuer, achievement and learner), whatever it
   * carries; a first call must meet the course's requisites ({@link AwardRequisites}), else nothing
   * is issued, the refusal is audited and thrown.
   *
   * <p>Several nodes may take the same award at once: each issues (the status store gives the
   * credential one slot whichever asks), the claim row's primary key lets one record it, and only
   * that one publishes its files; a claim whose files are missing (a node stopped in between) gets
   * them on the next call.
   *
   * @throws PortalException a requisite's code when the first award is refused
   */
  Awarded award(String email, String courseId, AwardRequisites.Completion completion) {
    Achievement achievement = achievement(courseId)
        .orElseThrow(() -> new PortalException(PortalErrorCode.PORTAL_AWARD_INVALID, "unknown course"));
    Recipient recipient = Recipient.email(email);
    String credentialId = issuer.credentialIdFor(achievement.json().path("id").asText(), recipient);
    String badgeId = credentialId.replaceFirst("^urn:uuid:", "");
    String page = props.base() + "/badges/badges/" + badgeId;
    boolean claimed = store.claim(badgeId).isPresent();
    if (claimed && store.published(badgeId)) {
      return new Awarded(badgeId, credentialId, page, false);
    }
    if (!claimed) {
      Optional<AwardRequisites.Refusal> refusal = AwardRequisites.check(props.courses().get(courseId), completion, clock);
      if (refusal.isPresent()) {
        audit.record(AuditLog.Action.AWARD_REFUSED, null, credentialId, "course " + courseId + ": " + refusal.get().code().name());
        throw new PortalException(refusal.get().code(), refusal.get().message());
      }
    }
    Award award = issuer.award(AwardRequest.builder(achievement, recipient).build());
    JsonNode credential = SafeJson.read(award.pack().json().orElseThrow());
    boolean created = !claimed
        && store.insert(badgeId, award, courseId, email, achievement.json().path("name").asText(), instant(credential.path("validUntil")));
    if (created || claimed) {
      store.publish(badgeId, award); // the first record, or the repair of one whose files are missing
    }
    if (created) {
      audit.record(AuditLog.Action.ISSUANCE, null, credentialId, "course " + courseId);
    }
    return new Awarded(badgeId, credentialId, page, created);
  }

  State state(PortalBadgeStore.Claim claim) {
    if (status.isRevoked(claim.credentialId())) {
      return State.REVOKED;
    }
    return claim.validUntil().filter(u -> !u.isAfter(clock.instant())).isPresent() ? State.EXPIRED : State.VALID;
  }

  /** Revokes every badge issued to these addresses and erases the addresses from them. */
  int revokeAndErase(Long accountId, List<String> emails, String reason) {
    List<String> ids = store.eraseEmails(emails);
    for (String id : ids) {
      if (status.revoke(id, reason)) {
        audit.record(AuditLog.Action.REVOCATION, accountId, id, reason);
      }
    }
    return ids.size();
  }

  static Optional<Instant> instant(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(n.asText()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static String lang(Locale l) {
    return "es".equals(l.getLanguage()) ? "es" : "en";
  }
}
