package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.SafeJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/awards}: the course platform says "the learner with this email completed this
 * course" (JSON {@code {"email": …, "course": …}}, optionally {@code "score"} and {@code
 * "completedAt"}; key in {@code Authorization: Bearer}); the course's requisites are checked and its
 * badge is issued once per (email, course): 201 the first time, 200 afterwards, 422 naming the
 * requisite that was not met (nothing issued).
 */
@RestController
class AwardApiController {
  private static final int MAX_BODY = 16 * 1024;
  private final Badges badges;

  AwardApiController(Badges badges) {
    this.badges = badges;
  }

  @PostMapping(path = "/api/awards", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> award(@RequestBody(required = false) byte[] body) {
    if (body == null || body.length == 0 || body.length > MAX_BODY) {
      return error(400, PortalErrorCode.PORTAL_AWARD_INVALID, null, "body must be a JSON object of at most 16 KiB");
    }
    JsonNode json;
    try {
      json = SafeJson.read(body);
    } catch (OpenBadgesException e) {
      return error(400, PortalErrorCode.PORTAL_AWARD_INVALID, null, "body is not JSON");
    }
    Optional<String> email = Accounts.normalizeEmail(json.path("email").isTextual() ? json.path("email").asText() : null);
    String course = json.path("course").isTextual() ? json.path("course").asText() : null;
    if (email.isEmpty()) {
      return error(400, PortalErrorCode.PORTAL_AWARD_INVALID, null, "email is missing or not an address");
    }
    if (badges.achievement(course).isEmpty()) {
      return error(400, PortalErrorCode.PORTAL_AWARD_INVALID, null, "unknown course");
    }
    JsonNode score = json.path("score");
    if (!score.isMissingNode() && !score.isNull() && !score.isNumber()) {
      return error(400, PortalErrorCode.PORTAL_AWARD_INVALID, null, "score must be a number");
    }
    JsonNode completedAt = json.path("completedAt");
    Optional<Instant> completed;
    try {
      if (!completedAt.isMissingNode() && !completedAt.isNull() && !completedAt.isTextual()) {
        throw new DateTimeParseException("not text", "", 0);
      }
      completed = AwardRequisites.instant(completedAt.isTextual() ? completedAt.asText() : null);
    } catch (DateTimeParseException e) {
      return error(400, PortalErrorCode.PORTAL_AWARD_INVALID, null,
          "completedAt must be an ISO date (2026-06-30) or date-time with offset (2026-06-30T17:00:00Z)");
    }
    // a huge exponent (1e999999999) is a number to JSON but no score: BigDecimal keeps it exact and cheap
    Optional<BigDecimal> s = score.isNumber() ? Optional.of(score.decimalValue()) : Optional.empty();
    Badges.Awarded a;
    try {
      a = badges.award(email.get(), course, new AwardRequisites.Completion(s, completed));
    } catch (PortalException e) {
      PortalErrorCode code = (PortalErrorCode) e.errorCode();
      Optional<String> requisite = AwardRequisites.requisiteOf(code);
      return requisite.isPresent() ? error(422, code, requisite.get(), e.getMessage())
          : error(400, PortalErrorCode.PORTAL_AWARD_INVALID, null, e.getMessage());
    }
    ObjectNode out = SafeJson.nodeFactory().objectNode();
    out.put("badgeId", a.badgeId());
    out.put("credentialId", a.credentialId());
    out.put("publicPage", a.publicPage());
    out.put("created", a.created());
    return ResponseEntity.status(a.created() ? 201 : 200).contentType(MediaType.APPLICATION_JSON).body(SafeJson.write(out));
  }

  private static ResponseEntity<String> error(int status, PortalErrorCode code, String requisite, String message) {
    ObjectNode out = SafeJson.nodeFactory().objectNode();
    out.put("error", code.name());
    if (requisite != null) {
      out.put("requisite", requisite);
    }
    out.put("message", message);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(SafeJson.write(out));
  }
}
