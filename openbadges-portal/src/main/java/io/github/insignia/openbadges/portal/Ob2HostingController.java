package io.github.insignia.openbadges.portal;

import io.github.insignia.openbadges.issuing.status.HostedAnswer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the OB 2.0 hosted twins ({@link Ob2Twins}) at their URLs, to anyone: OB 2.0 verifiers and
 * backpacks fetch the assertion, BadgeClass and issuer from here, from any origin (CORS {@code *}:
 * public documents, no cookies read). A revoked assertion answers 410 with {@code revoked: true}.
 */
@RestController
class Ob2HostingController {
  private final Ob2Twins twins;
  private final PortalProperties props;

  Ob2HostingController(Ob2Twins twins, PortalProperties props) {
    this.twins = twins;
    this.props = props;
  }

  @GetMapping(Ob2Twins.PATH + "**")
  ResponseEntity<String> document(HttpServletRequest req) {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    // the documents are known by their full URL: the configured base, never the request's Host
    Optional<HostedAnswer> a = path.length() > 1024 ? Optional.empty() : twins.serve(props.base() + path);
    if (a.isEmpty()) {
      return ResponseEntity.status(404).header("Access-Control-Allow-Origin", "*")
          .header("X-Content-Type-Options", "nosniff").header("Content-Type", "application/json").body("{}");
    }
    return ResponseEntity.status(a.get().status())
        .header("Access-Control-Allow-Origin", "*")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-cache")
        .header("Content-Type", a.get().contentType())
        .body(a.get().body());
  }
}
