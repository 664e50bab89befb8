package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.export.BadgeSummary;
import io.github.insignia.openbadges.export.VerificationStatus;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.Check;
import io.github.insignia.openbadges.validation.Outcome;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.VerificationRequest;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.HttpResourceFetcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** "My badges", a badge's details and downloads, and the import of badges earned elsewhere. */
@Controller
class BadgeController {
  private final Accounts accounts;
  private final PortalBadgeStore store;
  private final Badges badges;
  private final Imports imports;
  private final BadgeVerifier verifier;
  private final RateLimiter limiter;
  private final AuditLog audit;
  private final PortalProperties props;
  private final ImportGate gate;
  private final HttpResourceFetcher fetcher = HttpResourceFetcher.builder()
      .connectTimeout(Duration.ofSeconds(5)).totalTimeout(Duration.ofSeconds(15)).maxBytes(2L * 1024 * 1024).build();

  BadgeController(Accounts accounts, PortalBadgeStore store, Badges badges, Imports imports, BadgeVerifier verifier,
      RateLimiter limiter, AuditLog audit, PortalProperties props, ImportGate gate) {
    this.accounts = accounts;
    this.store = store;
    this.badges = badges;
    this.imports = imports;
    this.verifier = verifier;
    this.limiter = limiter;
    this.audit = audit;
    this.props = props;
    this.gate = gate;
  }

  static long accountId(Authentication auth) {
    return Long.parseLong(auth.getName());
  }

  @GetMapping("/my")
  String my(Authentication auth, Model model) {
    long id = accountId(auth);
    List<String> emails = accounts.confirmedEmails(id);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PortalBadgeStore.Claim c : store.claimsOf(emails)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("claim", c);
      row.put("state", badges.state(c).name());
      rows.add(row);
    }
    model.addAttribute("name", accounts.byId(id).map(Accounts.Account::name).orElse(""));
    model.addAttribute("emails", emails);
    model.addAttribute("badges", rows);
    model.addAttribute("imported", imports.of(id));
    return "my";
  }

  @GetMapping("/my/badges/{badgeId}")
  String details(@PathVariable String badgeId, Authentication auth, Model model) {
    long id = accountId(auth);
    List<String> emails = accounts.confirmedEmails(id);
    // one query for ownership, claim, credential and links (the page is opened often)
    PortalBadgeStore.Details d = (badgeId.length() > 64 ? Optional.<PortalBadgeStore.Details>empty() : store.detailsOwnedBy(badgeId, emails))
        .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    PortalBadgeStore.Claim claim = d.claim();
    JsonNode credential = SafeJson.read(d.credentialJson());
    JsonNode achievement = credential.path("credentialSubject").path("achievement");
    List<String> competences = new ArrayList<>();
    achievement.path("alignment").forEach(a -> competences.add(a.path("targetName").asText()));
    Badges.State state = badges.state(claim);
    JsonNode links = SafeJson.read(d.linksJson() == null ? "{}" : d.linksJson());
    Map<String, String> share = new LinkedHashMap<>();
    links.path("share").fields().forEachRemaining(e -> share.put(e.getKey(), e.getValue().asText()));
    String page = props.base() + "/badges/badges/" + badgeId;
    model.addAttribute("claim", claim);
    model.addAttribute("state", state.name());
    model.addAttribute("description", achievement.path("description").asText(""));
    model.addAttribute("criteria", achievement.path("criteria").path("narrative").asText(""));
    model.addAttribute("issuer", credential.path("issuer").path("name").asText(""));
    model.addAttribute("competences", competences);
    model.addAttribute("page", page);
    // sharing and LinkedIn only for a badge that is valid now (export refuses revoked and expired ones)
    model.addAttribute("linkedin", state == Badges.State.VALID ? links.path("linkedin").asText(null) : null);
    model.addAttribute("share", state == Badges.State.VALID ? share : Map.of());
    model.addAttribute("download", "/badges/badges/" + badgeId + "/");
    return "badge";
  }

  @GetMapping("/import")
  String importForm() {
    return "import";
  }

  /**
   * Imports a badge after the full verification, with the account's confirmed addresses as the
   * expected recipient: only a VALID badge issued to one of them is kept; any other answer is shown
   * with the report's reason in the learner's language.
   */
  @PostMapping("/import")
  String importBadge(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String url,
      Authentication auth, HttpServletRequest req, HttpServletResponse res, Locale locale, Model model)
      throws IOException, InterruptedException {
    long id = accountId(auth);
    if (!(limiter.tryAcquire("import-ip", 60, 60, PortalWebConfiguration.clientIp(req))
        && limiter.tryAcquire("import", 10, 10, Long.toString(id)))) {
      res.setStatus(429);
      return "limited";
    }
    byte[] bytes;
    if (file != null && !file.isEmpty()) {
      if (file.getSize() > props.maxUploadBytes()) {
        return refused(res, model, "import.error.tooLarge", null);
      }
      try (InputStream in = file.getInputStream()) {
        bytes = in.readNBytes(props.maxUploadBytes() + 1);
      }
      if (bytes.length > props.maxUploadBytes()) {
        return refused(res, model, "import.error.tooLarge", null);
      }
    } else if (url != null && !url.isBlank()) {
      URI uri;
      try {
        uri = new URI(url.strip());
      } catch (java.net.URISyntaxException e) {
        return refused(res, model, "import.error.url", null);
      }
      if (!uri.isAbsolute() || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
        return refused(res, model, "import.error.url", null);
      }
      try {
        // the guarded fetcher: public addresses only, bounded size and time
        bytes = fetcher.fetch(uri).requireSuccess().body();
      } catch (FetchException e) {
        audit.record(AuditLog.Action.IMPORT_REFUSED, id, uri.getHost(), "fetch " + e.problem());
        return refused(res, model, "import.error.fetch", null);
      }
    } else {
      return refused(res, model, "import.error.nothing", null);
    }
    List<String> emails = accounts.confirmedEmails(id);
    // a few verifications at once (ImportGate), so that imports never starve the cheap pages; a
    // learner who gets no turn in time is told the portal is busy (503 + Retry-After), never kept hanging
    Optional<ImportGate.Turn> turn = gate.enter();
    if (turn.isEmpty()) {
      res.setStatus(503);
      res.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, gate.maxWait().toSeconds())));
      return "busy";
    }
    VerificationReport report;
    try (ImportGate.Turn t = turn.get()) {
      report = verifier.verify(bytes, VerificationRequest.forRecipients(emails)).inLocale(locale);
    }
    if (!report.valid() || emails.isEmpty()) {
      audit.record(AuditLog.Action.IMPORT_REFUSED, id, null,
          report.verdict() + " " + report.rootCause().map(c -> c.code().name()).orElse(""));
      return refused(res, model, "import.error.invalid", report);
    }
    BadgeSummary summary = summary(bytes);
    String name = summary == null ? "?" : summary.name();
    imports.add(id, name, summary == null ? null : summary.issuerName().orElse(null), bytes);
    audit.record(AuditLog.Action.IMPORT, id, null, report.kind().map(Object::toString).orElse(""));
    return "redirect:/my?imported";
  }

  private String refused(HttpServletResponse res, Model model, String reason, VerificationReport report) {
    res.setStatus(422);
    model.addAttribute("reason", reason);
    if (report != null) {
      model.addAttribute("verdict", report.verdict().name());
      model.addAttribute("summary", report.summary());
      List<String> problems = new ArrayList<>();
      report.rootCause().ifPresent(c -> problems.add(c.message()));
      for (Check c : report.checks(Outcome.FAIL)) {
        if (!problems.contains(c.message())) {
          problems.add(c.message());
        }
      }
      model.addAttribute("problems", problems);
    }
    return "import";
  }

  private static BadgeSummary summary(byte[] bytes) {
    try {
      String text;
      try {
        text = BadgeBaker.create().unbake(bytes).payload();
      } catch (RuntimeException notBaked) {
        text = new String(bytes, StandardCharsets.UTF_8);
      }
      return BadgeSummary.fromText(text, VerificationStatus.VERIFIED);
    } catch (RuntimeException e) {
      return null; // a name is nice to have; the badge was verified
    }
  }

  @GetMapping("/my/imported/{importId}")
  ResponseEntity<byte[]> importedFile(@PathVariable long importId, Authentication auth) {
    byte[] body = imports.payload(accountId(auth), importId)
        .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"imported-badge-" + importId + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(body);
  }

  @PostMapping("/my/imported/{importId}/delete")
  String deleteImported(@PathVariable long importId, Authentication auth) {
    long id = accountId(auth);
    if (imports.delete(id, importId)) {
      audit.record(AuditLog.Action.IMPORT_DELETED, id, Long.toString(importId), null);
    }
    return "redirect:/my";
  }

  static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
