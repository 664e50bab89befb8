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
import java.util.Locale;
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
  private boolean inputSet;
  private String carrier;

  Verification(BadgeVerifier verifier, ReportBuilder report, int depth) {
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
    } else if (text.startsWith("{")) {
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
      fetchFailure(e, Outcome.FAIL);
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
      fetchFailure(e, Outcome.FAIL);
      return;
    }
    report.pass(CheckCode.FETCH, fetched.finalUrl().toString(), fetched.finalUrl().toString(), fetched.mediaType());
    fromJson(SafeJson.read(body, options.jsonLimits()), fetched);
  }

  /** JSON from the input (fetchedFrom null) or from a URL. */
  void fromJson(JsonNode json, FetchedResource fetchedFrom) {
    Optional<BadgeDocument> detected = detect(json);
    if (detected.isEmpty()) {
      return;
    }
    BadgeDocument doc = detected.get();
    if (doc.sourceVersion() == OpenBadgesVersion.V3_0) {
      if (!json.isObject()) {
        report.fail(CheckCode.INPUT_UNRECOGNIZED, "", "not an object");
        return;
      }
      new Ob3Checks(this).verify((ObjectNode) json, "", null, false);
    } else {
      new Ob2Checks(this).verify(doc, json, fetchedFrom, null);
    }
  }

  void fromJws(String compact) {
    // Read, not judged: a token with a refused header (alg none, HMAC, jku, x5c…) is still the
    // document it claims to be, and its proof is refused by the signing module's verifier, typed.
    JsonNode payload;
    try {
      payload = CompactJws.readUnverified(compact, options.jsonLimits()).payload();
    } catch (InvalidInputException e) {
      unreadable(e.code(), e.getMessage());
      return;
    }
    if (!payload.isObject()) {
      report.fail(CheckCode.INPUT_UNRECOGNIZED, "", "JWS payload is not a JSON object");
      return;
    }
    JsonNode credential = payload.has("vc") && payload.get("vc").isObject() ? vcdm11FromClaims((ObjectNode) payload) : payload;
    boolean isVc = JsonNodes.hasType(credential, "VerifiableCredential")
        || JsonNodes.strings(credential, "@context").stream().anyMatch(c -> c.contains("credentials"));
    if (isVc && credential.isObject()) {
      report.version("3.0");
      report.kind(JsonNodes.hasType(credential, "EndorsementCredential") ? DocumentKind.ENDORSEMENT : DocumentKind.CREDENTIAL);
      report.pass(CheckCode.INPUT_DETECTED, "", new Messages.Key(carrier), "3.0", new Messages.Key(
          JsonNodes.hasType(credential, "EndorsementCredential") ? "kind.ENDORSEMENT" : "kind.CREDENTIAL"));
      new Ob3Checks(this).verify((ObjectNode) credential, "", new Ob3Checks.Jwt(compact, payload), false);
      return;
    }
    detect(payload).ifPresent(doc -> new Ob2Checks(this).verify(doc, payload, null, compact.strip()));
  }

  /** Detects version and kind (the model upgrades 0.5–1.1), recording INPUT_DETECTED or the failure. */
  private Optional<BadgeDocument> detect(JsonNode json) {
    BadgeDocument doc;
    try {
      doc = BadgeDocuments.detect(json, ReadOptions.builder().limits(options.jsonLimits()).build());
    } catch (NotABadgeException e) {
      report.fail(CheckCode.INPUT_UNRECOGNIZED, "", e.getMessage());
      return Optional.empty();
    }
    report.version(doc.sourceVersion().label());
    report.kind(doc.kind());
    report.pass(CheckCode.INPUT_DETECTED, "", new Messages.Key(carrier), doc.sourceVersion().label(),
        new Messages.Key("kind." + doc.kind().name()));
    return Optional.of(doc);
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
      report.add(onFailure, CheckCode.INPUT_UNREADABLE, url, CheckCode.INPUT_UNREADABLE.name(), e.code(), e.getMessage());
    }
    return Optional.empty();
  }

  /** Records a fetch failure: its typed code, the URL, and a localized detail. */
  void fetchFailure(FetchException e, Outcome outcome) {
    CheckCode code = CheckCode.valueOf(e.problem().code());
    Object detail = e.problem() == FetchProblem.TLS_FAILURE
        ? new Messages.Key("TLS_" + e.detail().orElse("HANDSHAKE"))
        : e.detail().orElse("");
    Outcome effective = e.problem() == FetchProblem.NOT_AVAILABLE_OFFLINE && outcome == Outcome.WARNING
        ? Outcome.WARNING : outcome;
    report.add(effective, code, e.url(), code.name(), e.url(), detail, e.status());
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
