package io.github.insignia.openbadges.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.baking.ImageFormat;
import io.github.insignia.openbadges.baking.ImageInspector;
import io.github.insignia.openbadges.baking.UnbakedBadge;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.BadgeDocument;
import io.github.insignia.openbadges.model.BadgeDocuments;
import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.model.OpenBadgesVersion;
import io.github.insignia.openbadges.model.ReadOptions;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.FetchProblem;
import io.github.insignia.openbadges.validation.fetch.FetchedResource;
import io.github.insignia.openbadges.signing.jose.CompactJws;
import io.github.insignia.openbadges.validation.internal.JsonNodes;
import io.github.insignia.openbadges.validation.internal.Messages;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One verification run: detects the input and hands it to the OB 2.0 or OB 3.0 checks. */
final class Verification {
  static final String IMAGE_ACCEPT = "image/png, image/svg+xml, image/*;q=0.8";
  static final String ANY_ACCEPT = "application/ld+json, application/json, image/png, image/svg+xml";

  final BadgeVerifier verifier;
  final VerificationOptions options;
  final ReportBuilder report;
  final int depth;
  final Instant now;
  /** The learner's identifiers for this call (empty: not asked). */
  final List<String> recipients;
  /** The challenge and domain a presentation's proof must carry (the platform's request). */
  Optional<String> challenge = Optional.empty();
  /** See {@link #challenge}. */
  Optional<String> domain = Optional.empty();
  private boolean inputSet;
  private String carrier;
  /** The nodes of the graph the input was served as (id → node), resolved without fetching. */
  private Map<String, JsonNode> graph = Map.of();
  /** The input, when it was a baked image (the badge's image of last resort). */
  private byte[] bakedInput;
  /** Whether the badge named its own image and it was judged (obtained or not). */
  private boolean badgeImageJudged;

  Verification(BadgeVerifier verifier, ReportBuilder report, int depth) {
    this(verifier, report, depth, verifier.options().recipients());
  }

  Verification(BadgeVerifier verifier, ReportBuilder report, int depth, List<String> recipients) {
    this.recipients = List.copyOf(recipients);
    this.verifier = verifier;
    this.options = verifier.options();
    this.report = report;
    this.depth = depth;
    this.now = options.clock().instant();
  }

  private void input(InputKind kind) {
    if (!inputSet) {
      report.input(kind);
      inputSet = true;
      carrier = "input." + kind.label();
    }
  }

  void unreadable(String code, String detail) {
    report.fail(CheckCode.INPUT_UNREADABLE, "", code, detail);
  }

  // ---------------------------------------------------------------- input detection

  void fromText(String raw) {
    String text = raw.startsWith("\uFEFF") ? raw.substring(1).strip() : raw.strip();
    String lower = text.length() > 16 ? text.substring(0, 16).toLowerCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      input(InputKind.URL);
      URI url;
      try {
        url = new URI(text);
      } catch (java.net.URISyntaxException e) {
        report.fail(CheckCode.INPUT_UNRECOGNIZED, "", abbreviate(text));
        return;
      }
      fromUrl(url);
    } else if (lower.startsWith("data:")) {
      input(InputKind.DATA_URI);
      Optional<byte[]> bytes = decodeDataUri(text);
      if (bytes.isEmpty()) {
        unreadable("DATA_URI_MALFORMED", abbreviate(text));
        return;
      }
      fromBytes(bytes.get());
    } else if (text.startsWith("{") || text.startsWith("[")) {
      input(InputKind.JSON);
      JsonNode json = SafeJson.read(text, options.jsonLimits());
      fromJson(json, null);
    } else if (CompactJws.looksLike(text)) {
      input(InputKind.JWS);
      fromJws(text);
    } else if (text.startsWith("<")) {
      fromBytes(text.getBytes(StandardCharsets.UTF_8));
    } else {
      input(InputKind.UNKNOWN);
      report.fail(CheckCode.INPUT_UNRECOGNIZED, "", abbreviate(text));
    }
  }

  void fromBytes(byte[] bytes) {
    if (ImageInspector.sniff(bytes).isPresent()) {
      Optional<UnbakedBadge> baked = verifier.baker().find(bytes);
      ImageFormat format = baked.map(UnbakedBadge::format)
          .orElse(bytes.length > 0 && (bytes[0] & 0xff) == 0x89 ? ImageFormat.PNG : ImageFormat.SVG);
      input(format == ImageFormat.PNG ? InputKind.PNG : InputKind.SVG);
      if (baked.isEmpty()) {
        report.fail(CheckCode.IMAGE_NOT_BAKED, "", format.extension().toUpperCase(Locale.ROOT));
        return;
      }
      if (bakedInput == null) {
        bakedInput = bytes;
      }
      String payload = baked.get().payload();
      if (!inputSet || carrier == null) {
        carrier = "input." + format.extension();
      }
      fromText(payload);
      return;
    }
    fromText(new String(bytes, StandardCharsets.UTF_8));
  }

  void fromUrl(URI url) {
    input(InputKind.URL);
    FetchedResource fetched;
    try {
      fetched = verifier.fetcher().fetch(url, ANY_ACCEPT);
      if (fetched.status() == 410) {
        // A hosted assertion answering 410 Gone has been revoked (OB 2.0 hosted verification).
        report.add(Outcome.FAIL, CheckCode.REVOKED, url.toString(), "REVOKED.gone");
        return;
      }
      fetched.requireSuccess();
    } catch (FetchException e) {
      fetchFailure(e, Outcome.FAIL, Question.INPUT);
      return;
    }
    byte[] body = fetched.body();
    if (fetched.mediaType().startsWith("image/") || ImageInspector.sniff(body).isPresent()) {
      report.pass(CheckCode.FETCH, fetched.finalUrl().toString(), fetched.finalUrl().toString(), fetched.mediaType());
      fromBytes(body);
      return;
    }
    try {
      fetched.requireJson();
    } catch (FetchException e) {
      fetchFailure(e, Outcome.FAIL, Question.INPUT);
      return;
    }
    report.pass(CheckCode.FETCH, fetched.finalUrl().toString(), fetched.finalUrl().toString(), fetched.mediaType());
    fromJson(SafeJson.read(body, options.jsonLimits()), fetched);
  }

  /** JSON from the input (fetchedFrom null) or from a URL. */
  void fromJson(JsonNode input, FetchedResource fetchedFrom) {
    // Only a graph served from a URL vouches for its nodes; a local file's are the forger's.
    if (PresentationChecks.isPresentation(input)) {
      new PresentationChecks(this).dataIntegrity(input);
      return;
    }
    JsonNode json = fetchedFrom != null ? served(input, fetchedFrom.finalUrl()) : Graphs.of(input).<JsonNode>map(Graphs.Graph::root).orElse(input);
    Optional<BadgeDocument> detected = detect(json, fetchedFrom);
    if (detected.isEmpty()) {
      return;
    }
    BadgeDocument doc = detected.get();
    KindChecks kinds = new KindChecks(this);
    switch (doc.kind()) {
      case CREDENTIAL:
      case ENDORSEMENT:
        if (doc.sourceVersion() == OpenBadgesVersion.V3_0) {
          new Ob3Checks(this).verify((ObjectNode) json, "", null, false);
        } else {
          new Ob2Checks(this).verify(doc, json, fetchedFrom, null);
        }
        break;
      case ASSERTION:
        new Ob2Checks(this).verify(doc, json, fetchedFrom, null);
        break;
      case CLR_CREDENTIAL:
      case VERIFIABLE_CREDENTIAL:
        kinds.credential((ObjectNode) json, null, doc.kind());
        break;
      default:
        kinds.document(doc, fetchedFrom);
    }
  }

  void fromJws(String compact) {
    // Read, not judged: a token with a refused header (alg none, HMAC, jku, x5c…) is still the
    // document it claims to be, and its proof is refused by the signing module's verifier, typed.
    JsonNode payload;
    JsonNode header;
    try {
      CompactJws.Unverified unverified = CompactJws.readUnverified(compact, options.jsonLimits());
      payload = unverified.payload();
      header = unverified.header();
    } catch (InvalidInputException e) {
      unreadable(e.code(), e.getMessage());
      return;
    }
    if (!payload.isObject()) {
      report.fail(CheckCode.INPUT_UNRECOGNIZED, "", "JWS payload is not a JSON object");
      return;
    }
    // The one sniffer: a presentation JWT (typ vp+jwt, a vp claim, or a presentation as payload) is a
    // wallet's export; vc+jwt and the OB 3.0 VC-JWT both carry a credential and go on below (the
    // signing module tells them apart by typ and refuses one dressed as the other).
    String typ = header.path("typ").asText("").toLowerCase(Locale.ROOT).replaceFirst("^application/", "");
    if (typ.equals("vp+jwt") || payload.path("vp").isObject() || PresentationChecks.isPresentation(payload)) {
      new PresentationChecks(this).jwt(compact, payload);
      return;
    }
    JsonNode credential = payload.has("vc") && payload.get("vc").isObject() ? vcdm11FromClaims((ObjectNode) payload) : payload;
    boolean isVc = JsonNodes.hasType(credential, "VerifiableCredential")
        || JsonNodes.strings(credential, "@context").stream().anyMatch(c -> c.contains("credentials"));
    if (isVc && credential.isObject() && !JsonNodes.hasType(credential, "OpenBadgeCredential", "AchievementCredential",
        "EndorsementCredential") && JsonNodes.hasType(credential, "VerifiableCredential")) {
      // A CLR 2.0 transcript or another VC, as a VC-JWT.
      Optional<BadgeDocument> doc = detect(credential, null);
      if (doc.isPresent() && !doc.get().kind().isAward()) {
        new KindChecks(this).credential((ObjectNode) credential, new Ob3Checks.Jwt(compact, payload), doc.get().kind());
      } else if (doc.isPresent()) {
        // It brings the Open Badges context without an Open Badges type: checked, and refused, as a badge.
        new Ob3Checks(this).verify((ObjectNode) credential, "", new Ob3Checks.Jwt(compact, payload), false);
      }
      return;
    }
    if (isVc && credential.isObject()) {
      report.version("3.0");
      DocumentKind kind = JsonNodes.hasType(credential, "EndorsementCredential") ? DocumentKind.ENDORSEMENT : DocumentKind.CREDENTIAL;
      report.kind(kind);
      if (!expected(kind)) {
        return;
      }
      report.pass(CheckCode.INPUT_DETECTED, "", new Messages.Key(carrier), "3.0", new Messages.Key(
          JsonNodes.hasType(credential, "EndorsementCredential") ? "kind.ENDORSEMENT" : "kind.CREDENTIAL"));
      new Ob3Checks(this).verify((ObjectNode) credential, "", new Ob3Checks.Jwt(compact, payload), false);
      return;
    }
    detect(payload, null).ifPresent(doc -> {
      if (doc.kind() == DocumentKind.ASSERTION || doc.kind() == DocumentKind.ENDORSEMENT) {
        new Ob2Checks(this).verify(doc, payload, null, compact.strip());
      } else {
        // A signed OB 2.0 document of another kind: JWS-signed BadgeClasses and Profiles are not defined.
        report.add(Outcome.FAIL, CheckCode.INPUT_UNRECOGNIZED, "", "INPUT_UNRECOGNIZED.notAward",
            new Messages.Key("kind." + doc.kind().name()));
      }
    });
  }

  /**
   * Detects version and kind (the model upgrades 0.5–1.1 the way the 2.0 validator does, a
   * document served from {@code fetchedFrom} taking its URL as id), recording INPUT_DETECTED or the
   * failure, and refusing a kind the caller does not accept.
   */
  private Optional<BadgeDocument> detect(JsonNode json, FetchedResource fetchedFrom) {
    BadgeDocument doc;
    try {
      doc = BadgeDocuments.detect(json, readOptions(fetchedFrom == null ? null : fetchedFrom.requestedUrl().toString()));
    } catch (NotABadgeException e) {
      report.fail(CheckCode.INPUT_UNRECOGNIZED, "", e.getMessage());
      return Optional.empty();
    }
    boolean vc = doc.kind() == DocumentKind.CLR_CREDENTIAL || doc.kind() == DocumentKind.VERIFIABLE_CREDENTIAL;
    if (!vc) {
      // A CLR or another VC is not an Open Badge: its kind says what it is, no OB version applies.
      report.version(doc.sourceVersion().label());
    }
    report.kind(doc.kind());
    if (!expected(doc.kind())) {
      return Optional.empty();
    }
    if (vc) {
      report.add(Outcome.PASS, CheckCode.INPUT_DETECTED, "", "INPUT_DETECTED.vc", new Messages.Key(carrier),
          new Messages.Key("kind." + doc.kind().name()));
    } else {
      report.pass(CheckCode.INPUT_DETECTED, "", new Messages.Key(carrier), doc.sourceVersion().label(),
          new Messages.Key("kind." + doc.kind().name()));
    }
    return Optional.of(doc);
  }

  /** Whether the caller accepts this kind (only the outer document is asked); records the refusal. */
  private boolean expected(DocumentKind kind) {
    Set<DocumentKind> accepted = options.expectedKinds();
    if (depth > 0 || accepted.isEmpty() || accepted.contains(kind)) {
      return true;
    }
    boolean awards = accepted.stream().allMatch(DocumentKind::isAward);
    report.add(Outcome.FAIL, CheckCode.INPUT_NOT_AN_AWARD, "", awards ? "INPUT_NOT_AN_AWARD" : "INPUT_NOT_AN_AWARD.kinds",
        new Messages.Key("kind." + kind.name()), String.join(", ", accepted.stream().map(k -> k.name()).sorted().toList()));
    return false;
  }

  /** How documents are read here: upgraded from OB 0.5–1.1, a served one taking its URL as id. */
  ReadOptions readOptions(String documentUrl) {
    return ReadOptions.builder().limits(options.jsonLimits()).upgrade(true).documentUrl(documentUrl).build();
  }

  /** A node fetched from {@code url}, upgraded to OB 2.0 when it is an OB 0.5–1.1 node; else as it is. */
  JsonNode upgradeLegacy(JsonNode json, String url) {
    JsonNode context = json.get("@context");
    boolean legacy = context == null || JsonNodes.strings(json, "@context").stream().anyMatch(c -> c.contains("/v1"));
    if (!legacy || !json.isObject()) {
      return json;
    }
    try {
      BadgeDocument doc = BadgeDocuments.detect(json, readOptions(url));
      return doc.upgraded() ? doc.json() : json;
    } catch (io.github.insignia.openbadges.OpenBadgesException e) {
      return json; // the property checks report what is wrong with it
    }
  }

  /**
   * The document served at a URL: the root of a served graph, whose nodes then resolve without
   * fetching, or the JSON itself (and no graph). Called whenever a served document takes over.
   */
  JsonNode served(JsonNode json, URI servedFrom) {
    Optional<Graphs.Graph> g = Graphs.of(json);
    // A server vouches only for what lives on its own origin: a node whose id is on another origin
    // (a "university" BadgeClass or issuer inside a graph served by anyone) is fetched from its id,
    // never taken from the graph, or a forger could write the issuer's verification policy.
    String origin = authority(servedFrom.toString());
    Map<String, JsonNode> sameOrigin = new java.util.HashMap<>();
    g.map(Graphs.Graph::nodes).orElse(Map.of()).forEach((id, node) -> {
      if (!origin.isEmpty() && origin.equals(authority(id))) {
        sameOrigin.put(id, node);
      }
    });
    graph = Map.copyOf(sameOrigin);
    return g.<JsonNode>map(Graphs.Graph::root).orElse(json);
  }

  /** The lower-cased scheme and authority of a URL ({@code https://host:port}), or "" when it has none. */
  private static String authority(String url) {
    try {
      URI u = new URI(url);
      return u.getScheme() == null || u.getRawAuthority() == null ? ""
          : (u.getScheme() + "://" + u.getRawAuthority()).toLowerCase(Locale.ROOT);
    } catch (java.net.URISyntaxException e) {
      return "";
    }
  }

  /** A node of the served graph the input came in, by id. */
  Optional<JsonNode> graphNode(String id) {
    return Optional.ofNullable(graph.get(id));
  }

  /**
   * A VCDM 1.1 VC-JWT carries the credential in its {@code vc} claim and may leave some properties
   * to the registered claims (VC Data Model 1.1 §6.3.1): {@code iss} → issuer, {@code jti} → id,
   * {@code sub} → credentialSubject.id, {@code nbf} → issuanceDate, {@code exp} → expirationDate.
   * Missing properties are filled in from the claims; present ones are compared with them later.
   */
  private static JsonNode vcdm11FromClaims(ObjectNode payload) {
    ObjectNode vc = ((ObjectNode) payload.get("vc")).deepCopy();
    if (!vc.has("issuer") && payload.path("iss").isTextual()) {
      vc.put("issuer", payload.get("iss").asText());
    }
    if (!vc.has("id") && payload.path("jti").isTextual()) {
      vc.put("id", payload.get("jti").asText());
    }
    if (vc.path("credentialSubject").isObject() && !vc.get("credentialSubject").has("id") && payload.path("sub").isTextual()) {
      ((ObjectNode) vc.get("credentialSubject")).put("id", payload.get("sub").asText());
    }
    if (!vc.has("issuanceDate") && !vc.has("validFrom") && payload.path("nbf").canConvertToLong()) {
      vc.put("issuanceDate", java.time.Instant.ofEpochSecond(payload.get("nbf").asLong()).toString());
    }
    if (!vc.has("expirationDate") && !vc.has("validUntil") && payload.path("exp").canConvertToLong()) {
      vc.put("expirationDate", java.time.Instant.ofEpochSecond(payload.get("exp").asLong()).toString());
    }
    return vc;
  }

  // ---------------------------------------------------------------- shared helpers

  /** Fetches JSON, recording a FETCH check or the typed failure with {@code onFailure}. */
  Optional<JsonNode> fetchJson(String url, Outcome onFailure) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      report.add(onFailure, CheckCode.FETCH_UNSUPPORTED_URL, url, CheckCode.FETCH_UNSUPPORTED_URL.name(), url, "", 0);
      return Optional.empty();
    }
    try {
      FetchedResource r = verifier.fetcher().fetch(uri).requireSuccess().requireJson();
      JsonNode json = SafeJson.read(r.body(), options.jsonLimits());
      report.pass(CheckCode.FETCH, url, r.finalUrl().toString(), r.mediaType());
      return Optional.of(json);
    } catch (FetchException e) {
      fetchFailure(e, onFailure);
    } catch (InvalidInputException e) {
      // The server answered something that is not JSON we can read: the document was not obtained.
      report.add(couldNotObtain(onFailure, true), CheckCode.INPUT_UNREADABLE, url, CheckCode.INPUT_UNREADABLE.name(), e.code(), e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * Records a fetch failure: its typed code, the URL, and a localized detail. A document the
   * verdict depends on ({@code onFailure} FAIL: the input URL, a hosted assertion, its badge class
   * or issuer, a key) that could not be obtained is {@link Outcome#INCONCLUSIVE}: not having it
   * proves nothing either way. Only a URL that cannot name a fetchable document at all (not
   * http(s)) is the badge's own fault and fails. {@code onFailure} WARNING (a document only a
   * conformance check needs) stays a warning.
   */
  void fetchFailure(FetchException e, Outcome onFailure) {
    fetchFailure(e, onFailure, CheckCode.valueOf(e.problem().code()).question());
  }

  /** {@link #fetchFailure(FetchException, Outcome)}, grouped under the question that needed the document. */
  void fetchFailure(FetchException e, Outcome onFailure, Question question) {
    CheckCode code = CheckCode.valueOf(e.problem().code());
    report.add(question, couldNotObtain(onFailure, e.problem() != FetchProblem.UNSUPPORTED_URL), code, e.url(),
        code.name(), e.url(), fetchDetail(e), e.status());
  }

  private static Object fetchDetail(FetchException e) {
    return e.problem() == FetchProblem.TLS_FAILURE
        ? new Messages.Key("TLS_" + e.detail().orElse("HANDSHAKE"))
        : e.detail().orElse("");
  }

  private static Outcome couldNotObtain(Outcome onFailure, boolean obtainable) {
    return onFailure == Outcome.FAIL && obtainable ? Outcome.INCONCLUSIVE : onFailure;
  }



  /**
   * An image property: a data URI or a URL, fetched and inspected. {@code required}: a broken
   * image fails (validator-core's rule for the BadgeClass image); otherwise it warns. Not obtaining
   * it is a conformance warning, never a verdict, unless the host requires the badge's image
   * ({@code badgeImage} under {@link VerificationOptions#requireImage()}): then it fails, with the
   * fetch's code, and the image obtained is kept for the report.
   */
  void image(JsonNode value, String pointer, boolean required, boolean badgeImage) {
    String ref = value == null ? null : value.isObject() ? JsonNodes.text(value, "id").orElse(null) : value.asText(null);
    if (ref == null) {
      return;
    }
    boolean keep = badgeImage && options.requireImage();
    if (keep) {
      badgeImageJudged = true;
    }
    Outcome failure = required || keep ? Outcome.FAIL : Outcome.WARNING;
    byte[] bytes;
    String source;
    if (io.github.insignia.openbadges.validation.internal.Primitives.isDataUri(ref)) {
      Optional<byte[]> decoded = decodeDataUri(ref);
      if (decoded.isEmpty()) {
        report.add(failure, CheckCode.IMAGE_INVALID, pointer, "IMAGE_INVALID", "data URI");
        return;
      }
      bytes = decoded.get();
      source = "data:";
    } else if (io.github.insignia.openbadges.validation.internal.Primitives.isUrl(ref)) {
      try {
        FetchedResource res = verifier.fetcher().fetch(URI.create(ref), IMAGE_ACCEPT).requireSuccess();
        bytes = res.body();
        source = res.finalUrl().toString();
      } catch (FetchException e) {
        if (keep) {
          // The host stores and shows the image: without it the badge cannot be kept.
          report.add(Question.CONFORMANT, Outcome.FAIL, CheckCode.valueOf(e.problem().code()), e.url(),
              e.problem().code(), e.url(), fetchDetail(e), e.status());
        } else {
          // Only conformance needs the image: not obtaining it is a warning, never a verdict.
          fetchFailure(e, Outcome.WARNING, Question.CONFORMANT);
        }
        return;
      } catch (IllegalArgumentException e) {
        report.add(failure, CheckCode.IMAGE_INVALID, pointer, "IMAGE_INVALID", abbreviate(ref));
        return;
      }
    } else {
      if (keep) {
        report.add(failure, CheckCode.IMAGE_INVALID, pointer, "IMAGE_INVALID", abbreviate(ref));
      }
      return; // otherwise reported by the property check
    }
    try {
      var info = ImageInspector.inspect(bytes);
      report.pass(CheckCode.IMAGE, pointer, info.format().mediaType());
      if (keep) {
        report.image(new VerifiedImage(bytes, info.format().mediaType(), source));
      }
    } catch (InvalidInputException e) {
      report.add(failure, CheckCode.IMAGE_INVALID, pointer, "IMAGE_INVALID", e.getMessage());
    }
  }

  /**
   * Under {@link VerificationOptions#requireImage()}, after the checks: a badge that named no image
   * of its own takes the baked image it came in; with neither, it fails (IMAGE_MISSING).
   */
  void requiredImage() {
    if (!options.requireImage() || badgeImageJudged || report.image().isPresent()
        || report.kind().filter(DocumentKind::isAward).isEmpty()
        || report.checks().stream().anyMatch(c -> c.outcome() == Outcome.FAIL || c.outcome() == Outcome.INCONCLUSIVE)) {
      // already refused, or not an award: the image adds nothing (and must not hide the root cause)
      return;
    }
    if (bakedInput != null) {
      try {
        var info = ImageInspector.inspect(bakedInput);
        report.pass(CheckCode.IMAGE, "", info.format().mediaType());
        report.image(new VerifiedImage(bakedInput, info.format().mediaType(), "baked"));
        return;
      } catch (InvalidInputException e) {
        report.add(Outcome.FAIL, CheckCode.IMAGE_INVALID, "", "IMAGE_INVALID", e.getMessage());
        return;
      }
    }
    report.fail(CheckCode.IMAGE_MISSING, "");
  }

  /** Decodes a data URI (base64 or percent-encoded). */
  static Optional<byte[]> decodeDataUri(String uri) {
    int comma = uri.indexOf(',');
    if (!uri.regionMatches(true, 0, "data:", 0, 5) || comma < 0) {
      return Optional.empty();
    }
    String meta = uri.substring(5, comma);
    String data = uri.substring(comma + 1);
    try {
      if (meta.toLowerCase(Locale.ROOT).endsWith(";base64")) {
        return Optional.of(Base64.getMimeDecoder().decode(data));
      }
      return Optional.of(URLDecoder.decode(data.replace("+", "%2B"), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "…";
  }
}
