package io.github.insignia.openbadges.portal;

import io.github.insignia.openbadges.validation.Check;
import io.github.insignia.openbadges.validation.Outcome;
import io.github.insignia.openbadges.validation.VerificationReport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/**
 * The import of badges earned elsewhere (by upload or URL), and the imported badges: details with
 * the status re-checked on each visit, the stored image, the file, deletion.
 */
@Controller
class ImportController {
  /**
   * Headers of a stored badge image: an SVG opened on its own runs no script and loads nothing
   * (CSP sandbox), and no browser second-guesses the type.
   */
  static final String IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

  private final Accounts accounts;
  private final Imports imports;
  private final BadgeImports importer;
  private final RateLimiter limiter;
  private final AuditLog audit;
  private final PortalProperties props;
  private final Clock clock;
  private final ImportGate gate;

  ImportController(Accounts accounts, Imports imports, BadgeImports importer, RateLimiter limiter, AuditLog audit,
      PortalProperties props, Clock clock, ImportGate gate) {
    this.accounts = accounts;
    this.imports = imports;
    this.importer = importer;
    this.limiter = limiter;
    this.audit = audit;
    this.props = props;
    this.clock = clock;
    this.gate = gate;
  }

  @GetMapping("/import")
  String importForm() {
    return "import";
  }

  /**
   * Imports a badge after the full verification, with the account's confirmed addresses as the
   * expected recipient and the image required: only a VALID badge issued to one of them, whose
   * image was obtained, is kept; any other answer is shown with its reason in the learner's language.
   */
  @PostMapping("/import")
  String importBadge(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String url,
      Authentication auth, HttpServletRequest req, HttpServletResponse res, Locale locale, Model model) throws IOException, InterruptedException {
    long id = BadgeController.accountId(auth);
    if (!(limiter.tryAcquire("import-ip", 60, 60, PortalWebConfiguration.clientIp(req))
        && limiter.tryAcquire("import", 10, 10, Long.toString(id)))) {
      res.setStatus(429);
      return "limited";
    }
    List<String> emails = accounts.confirmedEmails(id);
    byte[] upload = null;
    URI uri = null;
    if (file != null && !file.isEmpty()) {
      if (file.getSize() > props.maxUploadBytes()) {
        return refused(res, model, "import.error.tooLarge", null);
      }
      byte[] bytes;
      try (InputStream in = file.getInputStream()) {
        bytes = in.readNBytes(props.maxUploadBytes() + 1);
      }
      if (bytes.length > props.maxUploadBytes()) {
        return refused(res, model, "import.error.tooLarge", null);
      }
      upload = bytes;
    } else if (url != null && !url.isBlank()) {
      try {
        uri = new URI(url.strip());
      } catch (java.net.URISyntaxException e) {
        return refused(res, model, "import.error.url", null);
      }
      if (!uri.isAbsolute() || uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
        return refused(res, model, "import.error.url", null);
      }
    } else {
      return refused(res, model, "import.error.nothing", null);
    }
    // a few verifications at once (ImportGate), so that imports never starve the cheap pages; a
    // learner who gets no turn in time is told the portal is busy (503 + Retry-After), never kept hanging
    Optional<ImportGate.Turn> turn = gate.enter();
    if (turn.isEmpty()) {
      res.setStatus(503);
      res.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, gate.maxWait().toSeconds())));
      return "busy";
    }
    BadgeImports.Attempt attempt;
    try (ImportGate.Turn t = turn.get()) {
      // a URL is fetched by the verifier's guarded fetcher: public addresses only, bounded size and time
      attempt = upload != null ? importer.verify(upload, emails, locale) : importer.verify(uri, emails, locale);
    }
    VerificationReport report = attempt.report();
    if (!attempt.accepted()) {
      audit.record(AuditLog.Action.IMPORT_REFUSED, id, null,
          report.verdict() + " " + report.rootCause().map(c -> c.code().name()).orElse(""));
      return refused(res, model, BadgeImports.reason(report), report);
    }
    long importId = imports.save(id, attempt.details().orElseThrow(), attempt.payload(), attempt.image().orElseThrow());
    audit.record(AuditLog.Action.IMPORT, id, Long.toString(importId), report.kind().map(Object::toString).orElse(""));
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

  /** The details of an imported badge; its status is asked again of its issuer on every visit. */
  @GetMapping("/my/imported/{importId}")
  String details(@PathVariable long importId, Authentication auth, Model model) {
    long id = BadgeController.accountId(auth);
    Imports.Imported before = imports.get(id, importId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    // each re-check fetches from the issuer: bounded per account, past that the last known status is shown
    boolean ask = limiter.tryAcquire("import-recheck", 30, 30, Long.toString(id));
    Imports.Status status = ask ? importer.recheck(imports.payload(id, importId).orElseThrow(), accounts.confirmedEmails(id))
        : before.status();
    if (ask && status != Imports.Status.UNCHECKED) {
      imports.status(importId, status); // "could not check now" never overwrites what is known
    }
    Imports.Imported b = imports.get(id, importId).orElse(before);
    model.addAttribute("b", b);
    model.addAttribute("state", status == Imports.Status.UNCHECKED ? Imports.Status.UNCHECKED : b.at(clock.instant()).status());
    return "imported";
  }

  /** The image stored at import: a PNG or SVG (as the verifier found), shown as an image only. */
  @GetMapping("/my/imported/{importId}/image")
  ResponseEntity<byte[]> image(@PathVariable long importId, Authentication auth) {
    Imports.Image image = imports.image(BadgeController.accountId(auth), importId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    boolean svg = "image/svg+xml".equals(image.mediaType());
    return ResponseEntity.ok()
        .contentType(svg ? MediaType.valueOf("image/svg+xml") : MediaType.IMAGE_PNG)
        .header("Content-Security-Policy", IMAGE_CSP)
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"badge-image-" + importId + (svg ? ".svg\"" : ".png\""))
        .cacheControl(CacheControl.noCache().cachePrivate())
        .body(image.bytes());
  }

  /** The badge as it was imported (the file, or the document at the URL). */
  @GetMapping("/my/imported/{importId}/badge")
  ResponseEntity<byte[]> badgeFile(@PathVariable long importId, Authentication auth) {
    byte[] body = imports.payload(BadgeController.accountId(auth), importId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"imported-badge-" + importId + extension(body) + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(body);
  }

  private static String extension(byte[] b) {
    if (b.length > 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P') {
      return ".png";
    }
    String head = new String(b, 0, Math.min(b.length, 64), java.nio.charset.StandardCharsets.UTF_8).strip();
    return head.startsWith("<") ? ".svg" : head.startsWith("{") ? ".json" : ".jwt";
  }

  @PostMapping("/my/imported/{importId}/delete")
  String deleteImported(@PathVariable long importId, Authentication auth) {
    long id = BadgeController.accountId(auth);
    if (imports.delete(id, importId)) {
      audit.record(AuditLog.Action.IMPORT_DELETED, id, Long.toString(importId), null);
    }
    return "redirect:/my?removed";
  }
}
