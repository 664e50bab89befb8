package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.json.SafeJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/awards}: the course platform says "the learner with this email completed this
 * course" (JSON {@code {"email": …, "course": …}}, key in {@code Authorization: Bearer}); the
 * course's badge is issued once per (email, course): 201 the first time, 200 afterwards.
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
      return error(400, "body must be a JSON object of at most 16 KiB");
    }
    JsonNode json;
    try {
      json = SafeJson.read(body);
    } catch (OpenBadgesException e) {
      return error(400, "body is not JSON");
    }
    Optional<String> email = Accounts.normalizeEmail(json.path("email").isTextual() ? json.path("email").asText() : null);
    String course = json.path("course").isTextual() ? json.path("course").asText() : null;
    if (email.isEmpty()) {
      return error(400, "email is missing or not an address");
    }
    if (badges.achievement(course).isEmpty()) {
      return error(400, "unknown course");
    }
    Badges.Awarded a = badges.award(email.get(), course);
    ObjectNode out = SafeJson.nodeFactory().objectNode();
    out.put("badgeId", a.badgeId());
    out.put("credentialId", a.credentialId());
    out.put("publicPage", a.publicPage());
    out.put("created", a.created());
    return ResponseEntity.status(a.created() ? 201 : 200).contentType(MediaType.APPLICATION_JSON).body(SafeJson.write(out));
  }

  private static ResponseEntity<String> error(int status, String message) {
    ObjectNode out = SafeJson.nodeFactory().objectNode();
    out.put("error", PortalErrorCode.PORTAL_AWARD_INVALID.name());
    out.put("message", message);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(new String(SafeJson.write(out).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }
}
