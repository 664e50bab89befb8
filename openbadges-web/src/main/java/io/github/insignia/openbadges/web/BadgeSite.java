package io.github.insignia.openbadges.web;

import io.github.insignia.openbadges.issuing.http.ServiceRequest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.ConfigurationException;
import io.github.insignia.openbadges.export.BadgeSummary;
import io.github.insignia.openbadges.export.LinkedInAddToProfile;
import io.github.insignia.openbadges.export.ShareLinks;
import io.github.insignia.openbadges.export.ShareNetwork;
import io.github.insignia.openbadges.export.VerificationStatus;
import io.github.insignia.openbadges.issuing.CredentialProver;
import io.github.insignia.openbadges.issuing.status.StatusListStore;
import io.github.insignia.openbadges.issuing.status.StatusService;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.FetchProblem;
import io.github.insignia.openbadges.validation.fetch.FetchedResource;
import io.github.insignia.openbadges.validation.fetch.HttpResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.ResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.ResourceFetchers;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.CheckCode;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import io.github.insignia.openbadges.web.internal.BadgeView;
import io.github.insignia.openbadges.web.internal.Multipart;
import io.github.insignia.openbadges.web.internal.Negotiation;
import io.github.insignia.openbadges.web.internal.Pages;
import io.github.insignia.openbadges.web.internal.Texts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The badge web site, independent of any web framework: it turns a {@link ServiceRequest} into a
 * {@link WebResponse}. Routes (below the base URL): {@code /badges/{id}} (the badge page, or the
 * credential for {@code Accept: application/ld+json} or {@code application/json}), {@code
 * /badges/{id}/badge.png|badge.svg|badge.json|badge.jwt|certificate.pdf} (downloads), {@code
 * /issuer} (the issuer page, or its profile for JSON clients), {@code /verify} (the verification
 * form; {@code POST} verifies), {@code POST /api/verify} (the report as {@code insignia verify
 * --json} prints it), and every document of {@link BadgeStore#hostedDocuments()} at its own URL.
 * Adapters: {@link BadgeServlet}. Immutable and thread-safe.
 *
 * <p>Every response carries {@code X-Content-Type-Options: nosniff}; pages carry a strict {@code
 * Content-Security-Policy} (no script at all); hosting endpoints and {@code /api/verify} answer
 * CORS requests from any origin (they hold no secret and take no cookie). Uploads are bounded by
 * {@link Builder#maxUploadBytes}, and the verifier never fetches a private address unless its
 * options allow it. An unexpected failure is answered 500 with a generic page and logged.
 */
public final class BadgeSite {
  private static final System.Logger LOG = System.getLogger(BadgeSite.class.getName());
  private static final String HTML = "text/html; charset=utf-8";
  private static final String PAGE_CSP = "default-src 'none'; img-src 'self' https: http: data:; style-src 'unsafe-inline'; "
      + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  private static final String DOWNLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

  /** A download: file in the store, content type, label key. */
  private record Download(String file, String contentType, String labelKey, String suffix) {}

  private static final Map<String, Download> DOWNLOADS = downloads();

  private final String base;
  private final URI baseUrl;
  private final BadgeStore store;
  private final Optional<StatusListStore> statusStore;
  private final Clock clock;
  private final int maxUploadBytes;
  private final BadgeVerifier verifier;
  private final Map<String, HostedDocument> hostedByPath;
  private final Optional<JsonNode> issuerProfile;
  private final Optional<CertificatePdf> pdf;
  private final Optional<StatusService> statusService;
  private final Optional<CredentialProver> statusProver;

  private BadgeSite(Builder b) {
    String u = b.baseUrl.toString();
    this.base = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    this.baseUrl = URI.create(base);
    this.store = b.store;
    this.statusStore = Optional.ofNullable(b.statusStore);
    this.clock = b.clock;
    this.maxUploadBytes = b.maxUploadBytes;
    this.statusService = Optional.ofNullable(b.statusService);
    this.statusProver = Optional.ofNullable(b.statusProver);
    VerificationOptions options = b.options.toBuilder().clock(b.clock).build();
    Map<URI, HostedDocument> hosted = store.hostedDocuments();
    PreloadedResources.Builder preload = PreloadedResources.builder().putAll(options.resources());
    Map<String, HostedDocument> byPath = new LinkedHashMap<>();
    JsonNode profile = null;
    for (Map.Entry<URI, HostedDocument> e : hosted.entrySet()) {
      String url = e.getKey().toString();
      preload.put(url, e.getValue().status(), e.getValue().contentType(), e.getValue().body());
      if (url.startsWith(base + "/")) {
        byPath.put(url.substring(base.length()), e.getValue());
      }
      if (profile == null && e.getValue().status() == 200 && e.getValue().contentType().contains("json")) {
        JsonNode doc = readJson(e.getValue().body());
        if (doc != null && hasType(doc, "Profile", "Issuer")) {
          profile = doc;
        }
      }
    }
    // the verifier reads the documents this site hosts from memory rather than fetching them from
    // itself: the answer is the same, and a site on a loopback or private address needs no
    // private-network exception for its own documents
    // status lists change with every revocation: answered live from the status service, ahead of the network
    ResourceFetcher network = options.offline()
        ? ResourceFetchers.offline()
        : options.fetcher().orElseGet(() -> HttpResourceFetcher.builder()
            .allowPrivateNetwork(options.allowPrivateNetwork())
            .connectTimeout(options.connectTimeout())
            .totalTimeout(options.totalTimeout())
            .maxBytes(options.maxFetchBytes())
            .build());
    ResourceFetcher live = new ResourceFetcher() {
      @Override
      public FetchedResource fetch(URI url) {
        Optional<byte[]> list = statusList(url.toString());
        if (list.isPresent()) {
          return new FetchedResource(url, url, 200, Optional.of("application/ld+json"), list.get());
        }
        throw new FetchException(FetchProblem.NOT_AVAILABLE_OFFLINE, url, null, url + " is not a status list of this site");
      }
    };
    this.verifier = BadgeVerifier.create(options.toBuilder()
        .offline(false)
        .fetcher(live.orElse(network))
        .resources(preload.build())
        .build());
    this.hostedByPath = Map.copyOf(byPath);
    this.issuerProfile = Optional.ofNullable(profile);
    this.pdf = b.pdf ? Optional.of(CertificatePdf.create()) : Optional.empty();
  }

  private static Map<String, Download> downloads() {
    Map<String, Download> m = new LinkedHashMap<>();
    m.put(PublishedBadge.PNG, new Download(PublishedBadge.PNG, "image/png", "badge.download.png", "badge.png"));
    m.put(PublishedBadge.SVG, new Download(PublishedBadge.SVG, "image/svg+xml", "badge.download.svg", "badge.svg"));
    m.put(PublishedBadge.CREDENTIAL, new Download(PublishedBadge.CREDENTIAL, "application/ld+json", "badge.download.json", "credential.json"));
    m.put(PublishedBadge.JWT, new Download(PublishedBadge.JWT, "application/vc+jwt", "badge.download.jwt", "credential.jwt"));
    m.put(PublishedBadge.PDF, new Download(PublishedBadge.PDF, "application/pdf", "badge.download.pdf", "certificate.pdf"));
    return Map.copyOf(m);
  }

  /**
   * A builder for a site at this absolute http(s) base URL reading this store.
   *
   * @throws ConfigurationException {@code WEB_BASE_URL_INVALID} when the URL is not absolute
   *     http(s), or has a query or fragment
   */
  public static Builder builder(URI baseUrl, BadgeStore store) {
    return new Builder(baseUrl, store);
  }

  /** The base URL, without a trailing slash. */
  public String baseUrl() {
    return base;
  }

  /** The most bytes a request body may have; adapters stop reading after it. */
  public int maxUploadBytes() {
    return maxUploadBytes;
  }

  /** The page URL of a badge. */
  public String pageUrl(String id) {
    return base + "/badges/" + id;
  }

  /** Answers a request; never throws. */
  public WebResponse handle(ServiceRequest request) {
    String lang = Negotiation.language(request.query("lang"), request.header("Accept-Language"));
    Texts t = Texts.of(lang);
    WebResponse response;
    try {
      response = route(request, t);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "request " + request.method() + " " + request.path() + " failed", e);
      response = html(500, Pages.error(t, base, "error.internal", "error.internal.text"));
    }
    response = response.withHeader("X-Content-Type-Options", "nosniff");
    if (request.method().equals("HEAD")) {
      response = response.withHeader("Content-Length", Integer.toString(response.bodyLength())).withoutBody(response.status());
    }
    return response;
  }

  private WebResponse route(ServiceRequest r, Texts t) {
    String path = r.path();
    String method = r.method();
    if (r.bodyTooLarge()) {
      return html(413, Pages.error(t, base, "error.tooLarge", "error.tooLarge")).withHeader("Connection", "close");
    }
    if (method.equals("OPTIONS")) {
      return cors(WebResponse.of(204, null, new byte[0])
          .withHeader("Allow", "GET, HEAD, POST, OPTIONS")
          .withHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
          .withHeader("Access-Control-Allow-Headers", "Content-Type, Accept, Accept-Language")
          .withHeader("Access-Control-Max-Age", "86400"));
    }
    boolean get = method.equals("GET") || method.equals("HEAD");
    if (path.equals("/api/verify")) {
      return method.equals("POST") ? cors(apiVerify(r, t)) : notAllowed(t, "POST, OPTIONS");
    }
    if (path.equals("/verify")) {
      if (method.equals("POST")) {
        return page(formVerify(r, t));
      }
      return get ? page(html(200, Pages.verify(t, base, Optional.empty(), Optional.empty()))) : notAllowed(t, "GET, HEAD, POST");
    }
    if (!get) {
      return notAllowed(t, "GET, HEAD, OPTIONS");
    }
    if (path.equals("/") || path.isEmpty()) {
      return page(html(200, Pages.home(t, base, issuerName())));
    }
    if (path.startsWith("/badges/")) {
      String rest = path.substring("/badges/".length());
      int slash = rest.indexOf('/');
      String id = slash < 0 ? rest : rest.substring(0, slash);
      Optional<PublishedBadge> badge = PublishedBadge.ID.matcher(id).matches() ? store.badge(id) : Optional.empty();
      if (badge.isPresent()) {
        if (slash < 0) {
          return badgePage(r, t, badge.get());
        }
        Download d = DOWNLOADS.get(rest.substring(slash + 1));
        if (d != null) {
          return download(r, t, badge.get(), d);
        }
      }
      return notFound(t);
    }
    Optional<byte[]> list = statusList(base + path);
    if (list.isPresent()) {
      WebResponse w = WebResponse.of(200, "application/ld+json", list.get()).withHeader("Cache-Control", "no-cache");
      return cors(conditional(r, w));
    }
    HostedDocument hosted = hostedByPath.get(path);
    if (path.equals("/issuer") && (hosted == null || Negotiation.preferredJson(r.header("Accept")).isEmpty())) {
      return page(html(200, Pages.issuer(t, base, issuerProfile)).withHeader("Vary", "Accept, Accept-Language"));
    }
    if (hosted != null) {
      WebResponse w = WebResponse.of(hosted.status(), hosted.contentType(), hosted.body())
          .withHeader("Cache-Control", "public, max-age=300");
      return cors(conditional(r, w.withHeader("Vary", "Accept")));
    }
    return notFound(t);
  }

  /** The signed status list credential published at this URL, when the site publishes one there. */
  private Optional<byte[]> statusList(String url) {
    if (statusService.isEmpty() || statusProver.isEmpty()) {
      return Optional.empty();
    }
    StatusService service = statusService.get();
    long count = service.listCount();
    for (long n = 0; n < count; n++) {
      if (service.statusListUrl(n).equals(url)) {
        return Optional.of(SafeJson.write(service.statusListCredential(n, statusProver.get())).getBytes(StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private String issuerName() {
    return issuerProfile.map(p -> BadgeView.ofIssuer(p, "en")).flatMap(BadgeView::issuerName).orElse("Open Badges");
  }

  // ---- badge page and downloads

  private WebResponse badgePage(ServiceRequest r, Texts t, PublishedBadge badge) {
    Optional<String> json = Negotiation.preferredJson(r.header("Accept"));
    if (json.isPresent() && badge.has(PublishedBadge.CREDENTIAL)) {
      WebResponse w = WebResponse.of(200, json.get(), badge.file(PublishedBadge.CREDENTIAL).get())
          .withHeader("Cache-Control", "no-cache")
          .withHeader("Vary", "Accept, Accept-Language");
      return cors(conditional(r, w));
    }
    byte[] credentialBytes = badge.file(PublishedBadge.CREDENTIAL).or(() -> badge.file(PublishedBadge.JWT)).orElse(null);
    if (credentialBytes == null) {
      return notFound(t);
    }
    JsonNode credential = credentialJson(badge).orElse(null);
    if (credential == null) {
      return notFound(t);
    }
    BadgeView view = BadgeView.of(credential, t.language());
    VerificationReport report = verifier.verify(credentialBytes).inLocale(t.locale());
    boolean revoked = report.has(CheckCode.REVOKED)
        && report.find(CheckCode.REVOKED).map(c -> c.outcome() == io.github.insignia.openbadges.validation.Outcome.FAIL).orElse(false)
        || view.credentialId().flatMap(id -> statusStore.flatMap(s -> s.revocation(id))).isPresent();
    boolean expired = view.expires().map(e -> !clock.instant().isBefore(e)).orElse(false);
    String page = pageUrl(badge.id());
    String pngUrl = page + "/" + PublishedBadge.PNG;
    Map<String, String> downloads = new LinkedHashMap<>();
    for (Download d : DOWNLOADS.values()) {
      if (badge.has(d.file()) || (d.file().equals(PublishedBadge.PDF) && pdf.isPresent())) {
        downloads.put(d.labelKey(), page + "/" + d.file());
      }
    }
    Optional<String> linkedIn = Optional.empty();
    Map<String, String> share = new LinkedHashMap<>();
    if (report.valid() && !revoked && !expired) {
      try {
        BadgeSummary summary = BadgeSummary.fromJson(credential, VerificationStatus.VERIFIED).toBuilder()
            .publicUrl(URI.create(page)).build();
        linkedIn = Optional.of(LinkedInAddToProfile.builder(summary).clock(clock).certUrl(URI.create(page)).build().toString());
        ShareLinks links = ShareLinks.builder(summary).clock(clock).pageUrl(URI.create(page)).build();
        for (ShareNetwork n : ShareNetwork.values()) {
          if (n != ShareNetwork.MASTODON) {
            share.put(n.id(), links.link(n).toString());
          }
        }
      } catch (io.github.insignia.openbadges.OpenBadgesException e) {
        // a badge export refuses (no issuer name, say) simply has no links
      }
    }
    Pages.BadgeFacts facts = new Pages.BadgeFacts(page, base, page, pngUrl, page + "/" + PublishedBadge.CREDENTIAL,
        downloads, linkedIn, share, report, revoked, expired);
    return page(html(200, Pages.badge(t, view, badge.id(), facts)))
        .withHeader("Cache-Control", "no-cache")
        .withHeader("Vary", "Accept, Accept-Language")
        .withHeader("Link", "<" + page + "/" + PublishedBadge.CREDENTIAL + ">; rel=\"alternate\"; type=\"application/ld+json\"");
  }

  /**
   * The credential as the page and the certificate read it. An OB 2.0 assertion names its
   * BadgeClass (and the class its issuer) by URL: when this site hosts those documents, they are
   * put in place of the URLs so that the page shows the achievement and the issuer. Only the
   * site's own documents are used; the verdict is always reached on the stored bytes.
   */
  private Optional<JsonNode> credentialJson(PublishedBadge badge) {
    Optional<byte[]> json = badge.file(PublishedBadge.CREDENTIAL);
    if (json.isPresent()) {
      JsonNode node = readJson(json.get());
      if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.path("badge").isTextual()) {
        Optional<JsonNode> badgeClass = hostedJson(o.get("badge").asText());
        if (badgeClass.isPresent() && badgeClass.get() instanceof com.fasterxml.jackson.databind.node.ObjectNode bc) {
          com.fasterxml.jackson.databind.node.ObjectNode view = o.deepCopy();
          com.fasterxml.jackson.databind.node.ObjectNode cls = bc.deepCopy();
          if (cls.path("issuer").isTextual()) {
            hostedJson(cls.get("issuer").asText()).ifPresent(i -> cls.set("issuer", i));
          }
          view.set("badge", cls);
          return Optional.of(view);
        }
      }
      return Optional.ofNullable(node);
    }
    return badge.file(PublishedBadge.JWT).flatMap(jwt -> {
      String[] parts = new String(jwt, StandardCharsets.US_ASCII).strip().split("\\.", 4);
      if (parts.length != 3) {
        return Optional.empty();
      }
      try {
        return Optional.ofNullable(readJson(java.util.Base64.getUrlDecoder().decode(parts[1])));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
  }

  /** A JSON document this site hosts at this URL. */
  private Optional<JsonNode> hostedJson(String url) {
    if (!url.startsWith(base + "/")) {
      return Optional.empty();
    }
    HostedDocument d = hostedByPath.get(url.substring(base.length()));
    return d == null || d.status() != 200 ? Optional.empty() : Optional.ofNullable(readJson(d.body()));
  }

  private WebResponse download(ServiceRequest r, Texts t, PublishedBadge badge, Download d) {
    Optional<byte[]> bytes = badge.file(d.file());
    if (bytes.isEmpty() && d.file().equals(PublishedBadge.PDF) && pdf.isPresent()) {
      Optional<JsonNode> credential = credentialJson(badge);
      if (credential.isPresent()) {
        bytes = Optional.of(pdf.get().render(CertificatePdf.Input.builder(credential.get(), pageUrl(badge.id()))
            .language(t.language())
            .image(badge.file(PublishedBadge.PNG).orElse(null))
            .credentialFile(badge.file(PublishedBadge.CREDENTIAL).isPresent() ? "credential.json" : "credential.jwt",
                badge.file(PublishedBadge.CREDENTIAL).or(() -> badge.file(PublishedBadge.JWT)).get())
            .build()));
      }
    }
    if (bytes.isEmpty()) {
      return notFound(t);
    }
    String contentType = d.contentType();
    if (d.file().equals(PublishedBadge.CREDENTIAL) && Negotiation.quality(r.header("Accept"), "application/vc+ld+json") > 0
        && r.header("Accept").map(a -> a.contains("application/vc+ld+json")).orElse(false)) {
      contentType = "application/vc+ld+json";
    }
    if (d.file().equals(PublishedBadge.JWT) && r.header("Accept").map(a -> a.contains("application/jwt") && !a.contains("application/vc+jwt")).orElse(false)) {
      contentType = "application/jwt";
    }
    String fileName = slug(credentialJson(badge).map(c -> BadgeView.of(c, t.language()).achievementName()).orElse("badge")) + "-" + d.suffix();
    WebResponse w = WebResponse.of(200, contentType, bytes.get())
        .withHeader("Content-Disposition", (d.file().equals(PublishedBadge.PNG) ? "inline" : "attachment") + "; filename=\"" + fileName + "\"")
        .withHeader("Cache-Control", "public, max-age=3600")
        .withHeader("Content-Security-Policy", DOWNLOAD_CSP);
    return cors(conditional(r, w));
  }

  /** An ASCII file name stem: letters and digits, dashes between words, at most 60 characters. */
  static String slug(String name) {
    String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "badge" : s;
  }

  // ---- verification

  private WebResponse apiVerify(ServiceRequest r, Texts t) {
    VerificationReport report = verifyBytes(r.body()).inLocale(t.locale());
    return WebResponse.of(200, "application/json", SafeJson.writePretty(report.toJsonNode()) + "\n")
        .withHeader("Cache-Control", "no-store");
  }

  private WebResponse formVerify(ServiceRequest r, Texts t) {
    String contentType = r.header("Content-Type").orElse("");
    Map<String, byte[]> fields = Multipart.boundary(contentType)
        .map(b -> Multipart.parse(r.body(), b))
        .orElseGet(() -> contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
            ? Multipart.parseUrlEncoded(r.body()) : Map.of());
    byte[] file = fields.get("file");
    byte[] text = fields.get("text");
    VerificationReport report;
    if (file != null && file.length > 0) {
      report = verifyBytes(file);
    } else if (text != null && !new String(text, StandardCharsets.UTF_8).isBlank()) {
      report = verifier.verify(new String(text, StandardCharsets.UTF_8).strip());
    } else {
      return html(400, Pages.verify(t, base, Optional.empty(), Optional.of(t.t("verify.nothing"))));
    }
    return html(200, Pages.verify(t, base, Optional.of(report), Optional.empty())).withHeader("Cache-Control", "no-store");
  }

  /** Verifies uploaded bytes; a PDF certificate is verified through the credential it embeds. */
  private VerificationReport verifyBytes(byte[] bytes) {
    if (CertificatePdf.looksLikePdf(bytes)) {
      Optional<byte[]> embedded = CertificatePdf.embeddedCredential(bytes);
      if (embedded.isPresent()) {
        return verifier.verify(embedded.get());
      }
    }
    return verifier.verify(bytes);
  }

  // ---- helpers

  private static WebResponse html(int status, String body) {
    return WebResponse.of(status, HTML, body);
  }

  private static WebResponse page(WebResponse w) {
    return w.withHeader("Content-Security-Policy", PAGE_CSP)
        .withHeader("Referrer-Policy", "strict-origin-when-cross-origin")
        .withHeader("X-Frame-Options", "DENY");
  }

  private WebResponse notFound(Texts t) {
    return page(html(404, Pages.error(t, base, "error.notFound", "error.notFound.text")));
  }

  private WebResponse notAllowed(Texts t, String allow) {
    return page(html(405, Pages.error(t, base, "error.method", "error.method"))).withHeader("Allow", allow);
  }

  private static WebResponse cors(WebResponse w) {
    return w.withHeader("Access-Control-Allow-Origin", "*");
  }

  /** Adds a strong ETag over the body and answers 304 when the client has it. */
  private static WebResponse conditional(ServiceRequest r, WebResponse w) {
    String etag = "\"" + sha256(w.body()) + "\"";
    WebResponse tagged = w.withHeader("ETag", etag);
    Optional<String> ifNoneMatch = r.header("If-None-Match");
    if (ifNoneMatch.isPresent() && (ifNoneMatch.get().strip().equals("*")
        || java.util.Arrays.stream(ifNoneMatch.get().split(",")).map(String::strip).map(s -> s.startsWith("W/") ? s.substring(2) : s)
            .anyMatch(etag::equals))) {
      return tagged.withoutBody(304);
    }
    return tagged;
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readJson(byte[] bytes) {
    try {
      return SafeJson.read(bytes);
    } catch (io.github.insignia.openbadges.OpenBadgesException e) {
      return null;
    }
  }

  private static boolean hasType(JsonNode doc, String... types) {
    JsonNode t = doc.path("type");
    for (String type : types) {
      if (t.isTextual() && t.asText().equals(type)) {
        return true;
      }
      for (JsonNode e : t) {
        if (e.asText().equals(type)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Builds a {@link BadgeSite}; not thread-safe. */
  public static final class Builder {
    private final URI baseUrl;
    private final BadgeStore store;
    private VerificationOptions options = VerificationOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .totalTimeout(Duration.ofSeconds(15))
        .build();
    private StatusListStore statusStore;
    private Clock clock = Clock.systemUTC();
    private int maxUploadBytes = 8 * 1024 * 1024;
    private boolean pdf = true;
    private StatusService statusService;
    private CredentialProver statusProver;

    private Builder(URI baseUrl, BadgeStore store) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null
          || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
        throw new ConfigurationException(WebErrorCode.WEB_BASE_URL_INVALID, "the base URL must be an absolute http(s) URL without query or fragment");
      }
      this.baseUrl = baseUrl;
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The verifier's options (default: network on, public addresses only, 5 s connect and 15 s total
     * timeouts). The site's clock replaces the options' clock.
     */
    public Builder verificationOptions(VerificationOptions value) {
      this.options = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The status store whose revocations the badge pages show at once (before any list is republished). */
    public Builder statusStore(StatusListStore value) {
      this.statusStore = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Publishes the status lists of this service, signed by {@code prover} (the issuer's key), at
     * their URLs (those under the base URL are answered), always current; the page verifier reads
     * them without a network round trip. Its store's revocations also show on the pages at once.
     */
    public Builder statusLists(StatusService service, CredentialProver prover) {
      this.statusService = Objects.requireNonNull(service, "service");
      this.statusProver = Objects.requireNonNull(prover, "prover");
      if (statusStore == null) {
        statusStore = service.store();
      }
      return this;
    }

    /** The clock that decides what has expired (default the system clock). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * The largest request body accepted (default 8 MiB).
     *
     * @throws ConfigurationException {@code WEB_UPLOAD_LIMIT_INVALID} outside 1 KiB to 64 MiB
     */
    public Builder maxUploadBytes(int value) {
      if (value < 1024 || value > 64 * 1024 * 1024) {
        throw new ConfigurationException(WebErrorCode.WEB_UPLOAD_LIMIT_INVALID, "maxUploadBytes must be between 1 KiB and 64 MiB");
      }
      this.maxUploadBytes = value;
      return this;
    }

    /** Whether badges without a stored {@code certificate.pdf} get one rendered on request (default true). */
    public Builder renderPdf(boolean value) {
      this.pdf = value;
      return this;
    }

    /** The site. */
    public BadgeSite build() {
      return new BadgeSite(this);
    }
  }
}
