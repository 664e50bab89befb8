package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.Check;
import io.github.insignia.openbadges.validation.CheckCode;
import io.github.insignia.openbadges.validation.Outcome;
import io.github.insignia.openbadges.validation.Question;
import io.github.insignia.openbadges.validation.Verdict;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.VerificationRequest;
import io.github.insignia.openbadges.validation.VerifiedImage;
import io.github.insignia.openbadges.validation.fetch.FetchedResource;
import io.github.insignia.openbadges.validation.fetch.HttpResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.ResourceFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The import policy, over the validation module: a badge is kept only when the verdict is VALID
 * for one of the learner's confirmed addresses AND its image was obtained (a PNG or SVG), since
 * the portal stores and shows it. The import verifier is the portal's verifier with {@code
 * requireImage}: the image comes from the report ({@link VerificationReport#image()}), and the
 * documents the verification read (BadgeClass, Issuer, the hosted assertion) are recorded during
 * the call, so the portal shows what was verified without fetching anything a second time.
 */
@Component
class BadgeImports {
  /** What an import attempt gave: the report, and the badge to keep when it passed. */
  record Attempt(VerificationReport report, Optional<Imports.Details> details, Optional<Imports.Image> image, byte[] payload) {
    boolean accepted() {
      return details.isPresent() && image.isPresent();
    }
  }

  private final BadgeVerifier importer;
  private final BadgeVerifier checker;
  private final Recording recording;
  private final BadgeBaker baker = BadgeBaker.create();

  BadgeImports(BadgeVerifier portalBadgeVerifier) {
    // the portal's verifier (only awards, its own status lists from memory, guarded network) ...
    ResourceFetcher base = portalBadgeVerifier.options().fetcher().orElseGet(() -> HttpResourceFetcher.builder()
        .connectTimeout(portalBadgeVerifier.options().connectTimeout())
        .totalTimeout(portalBadgeVerifier.options().totalTimeout()).build());
    this.recording = new Recording(base);
    // ... that also requires the image, and records what it read for this call
    this.importer = BadgeVerifier.create(portalBadgeVerifier.options().toBuilder()
        .expectAward().requireImage(true).fetcher(recording).build());
    // re-checks need no image: the portal has its copy; an image gone later does not revoke a badge
    this.checker = portalBadgeVerifier;
  }

  /** Verifies an uploaded file for these addresses. */
  Attempt verify(byte[] upload, List<String> emails, Locale locale) {
    return recording.during(() -> {
      VerificationReport report = importer.verify(upload, VerificationRequest.forRecipients(emails)).inLocale(locale);
      return attempt(report, upload, emails);
    });
  }

  /** Verifies the badge at a URL (an assertion, a credential or a baked image) for these addresses. */
  Attempt verify(URI url, List<String> emails, Locale locale) {
    return recording.during(() -> {
      VerificationReport report = importer.verify(url, VerificationRequest.forRecipients(emails)).inLocale(locale);
      byte[] body = recording.seen(url).map(FetchedResource::body).orElse(new byte[0]);
      return attempt(report, body, emails);
    });
  }

  private Attempt attempt(VerificationReport report, byte[] payload, List<String> emails) {
    if (!report.valid() || emails.isEmpty() || report.image().isEmpty()) {
      return new Attempt(report, Optional.empty(), Optional.empty(), payload);
    }
    VerifiedImage image = report.image().get();
    Imports.Details details = details(payload);
    return new Attempt(report, Optional.of(details), Optional.of(new Imports.Image(image.bytes(), image.mediaType())), payload);
  }

  /** The status of a kept badge now, by verifying it again (its issuer's current answer). */
  Imports.Status recheck(byte[] payload, List<String> emails) {
    if (emails.isEmpty()) {
      return Imports.Status.UNCHECKED;
    }
    VerificationReport r = checker.verify(payload, VerificationRequest.forRecipients(emails));
    if (failed(r, CheckCode.REVOKED)) {
      return Imports.Status.REVOKED;
    }
    if (failed(r, CheckCode.EXPIRED)) {
      return Imports.Status.EXPIRED;
    }
    return switch (r.verdict()) {
      case VALID -> Imports.Status.VALID;
      case INDETERMINATE -> Imports.Status.UNCHECKED;
      default -> Imports.Status.INVALID;
    };
  }

  private static boolean failed(VerificationReport r, CheckCode code) {
    return r.checks(Outcome.FAIL).stream().anyMatch(c -> c.code() == code);
  }

  /**
   * The learner's sentence for a refusal (a message key): the report's root cause, as the learner
   * understands it. The report's own messages follow it on the page.
   */
  static String reason(VerificationReport r) {
    Optional<Check> root = r.rootCause();
    if (root.isEmpty()) {
      return r.verdict() == Verdict.VALID ? "import.why.imageMissing" : "import.why.invalid";
    }
    Check c = root.get();
    CheckCode code = c.code();
    if (c.question() == Question.CONFORMANT && (code == CheckCode.IMAGE_INVALID || code == CheckCode.IMAGE_MISSING || isFetch(code))) {
      return switch (code) {
        case IMAGE_MISSING -> "import.why.imageMissing";
        case IMAGE_INVALID -> "import.why.imageInvalid";
        case FETCH_ACCESS_RESTRICTED -> "import.why.imageRestricted";
        default -> "import.why.imageUnavailable";
      };
    }
    return switch (code) {
      case RECIPIENT_MISMATCH, RECIPIENT_MISSING -> "import.why.recipient";
      case REVOKED -> "import.why.revoked";
      case EXPIRED -> "import.why.expired";
      case FETCH_ACCESS_RESTRICTED -> "import.why.restricted";
      case FETCH_NOT_FOUND -> "import.why.notFound";
      case FETCH_GONE -> "import.why.revoked";
      case FETCH_TIMEOUT, FETCH_CONNECTION_FAILED, FETCH_TLS_FAILURE, FETCH_HTTP_ERROR -> "import.why.unreachable";
      case FETCH_TOO_LARGE -> "import.why.tooLarge";
      case FETCH_PRIVATE_ADDRESS_REFUSED -> "import.why.privateAddress";
      case FETCH_WRONG_CONTENT_TYPE, FETCH_UNSUPPORTED_URL, INPUT_UNRECOGNIZED, INPUT_UNREADABLE, IMAGE_NOT_BAKED -> "import.why.notABadge";
      case INPUT_NOT_AN_AWARD -> "import.why.notAnAward";
      case PROOF_MISSING -> "import.why.unsigned";
      default -> c.question() == Question.AUTHENTIC && !isFetch(code) ? "import.why.forged"
          : r.verdict() == Verdict.INDETERMINATE ? "import.why.unchecked" : "import.why.invalid";
    };
  }

  private static boolean isFetch(CheckCode code) {
    return code.name().startsWith("FETCH_");
  }

  // ---------------------------------------------------------------- what the learner sees

  /** Name, issuer, dates, criteria and alignments from the verified badge and the documents the verification read. */
  Imports.Details details(byte[] payload) {
    JsonNode doc = document(payload);
    if (doc.has("vc") && doc.get("vc").isObject()) {
      doc = doc.get("vc"); // a VC-JWT in the VCDM 1.1 claim form
    }
    if (doc.has("credentialSubject")) {
      return ob3(doc);
    }
    return ob2(doc);
  }

  private Imports.Details ob3(JsonNode c) {
    JsonNode subject = c.get("credentialSubject").isArray() ? c.get("credentialSubject").path(0) : c.get("credentialSubject");
    JsonNode a = subject.path("achievement");
    JsonNode issuer = c.path("issuer");
    String issuerId = issuer.isTextual() ? issuer.asText() : issuer.path("id").asText("");
    List<Imports.Alignment> alignments = new ArrayList<>();
    a.path("alignment").forEach(al -> alignments.add(new Imports.Alignment(text(al, "targetName"), web(text(al, "targetUrl")),
        text(al, "targetFramework"))));
    Instant from = date(text(c, "validFrom")).orElse(date(text(c, "issuanceDate")).orElse(date(text(c, "awardedDate")).orElse(null)));
    Instant until = date(text(c, "validUntil")).orElse(date(text(c, "expirationDate")).orElse(null));
    return new Imports.Details(fingerprint(issuerId, text(c, "id"), c), firstNonBlank(text(a, "name"), text(c, "name"), "?"),
        issuer.isObject() ? text(issuer, "name") : null, issuer.isObject() ? web(text(issuer, "url")) : null, "3.0", null,
        text(a, "description"), text(a.path("criteria"), "narrative"), web(text(a.path("criteria"), "id")), alignments, from, until);
  }

  private Imports.Details ob2(JsonNode assertion) {
    // the hosted copy the verification fetched is the one that counts
    String id = text(assertion, "id");
    JsonNode a = resolve(id).orElse(assertion);
    JsonNode badge = node(a.get("badge"));
    JsonNode issuer = node(badge.get("issuer"));
    JsonNode criteria = badge.path("criteria");
    String criteriaUrl = criteria.isTextual() ? criteria.asText() : text(criteria, "id");
    List<Imports.Alignment> alignments = new ArrayList<>();
    JsonNode al = badge.path("alignment");
    (al.isArray() ? al : SafeJson.nodeFactory().arrayNode().add(al)).forEach(x -> {
      if (x.isObject()) {
        alignments.add(new Imports.Alignment(text(x, "targetName"), web(text(x, "targetUrl")), text(x, "targetFramework")));
      }
    });
    boolean hosted = id != null && (id.startsWith("https://") || id.startsWith("http://"))
        && !"signedbadge".equalsIgnoreCase(a.path("verification").path("type").asText(""));
    return new Imports.Details(fingerprint(text(issuer, "id"), id, a), firstNonBlank(text(badge, "name"), "?"),
        text(issuer, "name"), web(text(issuer, "url")), "2.0", hosted ? web(id) : null, text(badge, "description"),
        criteria.isObject() ? text(criteria, "narrative") : null, web(criteriaUrl), alignments,
        date(text(a, "issuedOn")).orElse(null), date(text(a, "expires")).orElse(null));
  }

  /** An embedded node, or the document the verification fetched for this URL, or nothing. */
  private JsonNode node(JsonNode value) {
    if (value == null) {
      return SafeJson.nodeFactory().objectNode();
    }
    if (value.isTextual()) {
      return resolve(value.asText()).orElse(SafeJson.nodeFactory().objectNode());
    }
    return value;
  }

  private Optional<JsonNode> resolve(String url) {
    if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
      return Optional.empty();
    }
    try {
      return recording.seen(URI.create(url)).map(r -> SafeJson.read(r.body()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The badge document inside the payload: unbaked, a JWS/JWT payload, JSON, or a URL the verification fetched. */
  private JsonNode document(byte[] payload) {
    String text;
    try {
      text = baker.unbake(payload).payload();
    } catch (RuntimeException notBaked) {
      text = new String(payload, StandardCharsets.UTF_8);
    }
    text = text.strip();
    if (text.startsWith("{")) {
      return SafeJson.read(text);
    }
    if (text.startsWith("http://") || text.startsWith("https://")) {
      return resolve(text).orElse(SafeJson.nodeFactory().objectNode());
    }
    String[] parts = text.split("\\.");
    if (parts.length == 3) {
      // already verified by the signing module; read here only for what to show
      return SafeJson.read(Base64.getUrlDecoder().decode(parts[1]));
    }
    return SafeJson.nodeFactory().objectNode();
  }

  /** The same badge from the same issuer is one entry; a badge with no id is known by its bytes. */
  private static String fingerprint(String issuerId, String badgeId, JsonNode doc) {
    String basis = badgeId == null || badgeId.isBlank() ? "doc\n" + SafeJson.write(doc) : "id\n" + issuerId + "\n" + badgeId;
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.isValueNode() && !v.asText().isBlank() ? v.asText() : null;
  }

  /** Only http(s) addresses become links (never javascript: or data:). */
  private static String web(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static Optional<Instant> date(String s) {
    if (s == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(s));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  /**
   * The import verifier's fetcher: the portal's own, plus a record of what one call read (on the
   * calling thread: a verification runs on it), dropped when the call ends.
   */
  static final class Recording implements ResourceFetcher {
    private final ResourceFetcher delegate;
    private final ThreadLocal<Map<URI, FetchedResource>> seen = new ThreadLocal<>();

    Recording(ResourceFetcher delegate) {
      this.delegate = delegate;
    }

    <T> T during(java.util.function.Supplier<T> call) {
      seen.set(new LinkedHashMap<>());
      try {
        return call.get();
      } finally {
        seen.remove();
      }
    }

    Optional<FetchedResource> seen(URI url) {
      Map<URI, FetchedResource> m = seen.get();
      return m == null ? Optional.empty() : Optional.ofNullable(m.get(url));
    }

    @Override
    public FetchedResource fetch(URI url) {
      return record(url, delegate.fetch(url));
    }

    @Override
    public FetchedResource fetch(URI url, String accept) {
      return record(url, delegate.fetch(url, accept));
    }

    private FetchedResource record(URI url, FetchedResource r) {
      Map<URI, FetchedResource> m = seen.get();
      if (m != null && r.status() >= 200 && r.status() < 300) {
        m.put(url, r);
      }
      return r;
    }
  }
}
