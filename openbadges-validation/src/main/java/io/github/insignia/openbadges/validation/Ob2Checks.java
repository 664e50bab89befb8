package io.github.insignia.openbadges.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.BadgeDocument;
import io.github.insignia.openbadges.model.BadgeDocuments;
import io.github.insignia.openbadges.model.DateTimes;
import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.model.ReadOptions;
import io.github.insignia.openbadges.model.RecipientIdentity;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.FetchedResource;
import io.github.insignia.openbadges.validation.internal.JsonNodes;
import io.github.insignia.openbadges.validation.internal.Messages;
import io.github.insignia.openbadges.validation.internal.Primitives;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The OB 2.0 checks (OB 0.5–1.1 badges are upgraded by the model first). */
final class Ob2Checks {
  private static final Set<String> OB2_CONTEXTS = Set.of(
      "https://w3id.org/openbadges/v2", "https://openbadgespec.org/v2/context.json",
      "https://purl.imsglobal.org/spec/ob/v2p1/ob_v2p1.jsonld",
      "https://purl.imsglobal.org/spec/ob/v2p1/context/ob_v2p1.jsonld");

  private static final java.util.regex.Pattern IDENTITY_HASH =
      java.util.regex.Pattern.compile("(?i)^(md5\\$[0-9a-f]{32}|sha256\\$[0-9a-f]{64})$");

  /** Value kinds of OB 2.0 properties. */
  enum Kind { IRI, URL, TEXT, DATETIME, BOOLEAN, EMAIL, TELEPHONE, IMAGE, NODE, OBJECT }

  /** One row of a property table. */
  record Prop(String name, boolean required, Kind kind, boolean many) {}

  private static final List<Prop> ASSERTION = List.of(
      new Prop("id", true, Kind.IRI, false),
      new Prop("recipient", true, Kind.OBJECT, false),
      new Prop("badge", true, Kind.NODE, false),
      new Prop("verification", true, Kind.OBJECT, false),
      new Prop("issuedOn", true, Kind.DATETIME, false),
      new Prop("image", false, Kind.IMAGE, false),
      new Prop("evidence", false, Kind.NODE, true),
      new Prop("narrative", false, Kind.TEXT, false),
      new Prop("expires", false, Kind.DATETIME, false),
      new Prop("revoked", false, Kind.BOOLEAN, false),
      new Prop("revocationReason", false, Kind.TEXT, false));
  static final List<Prop> BADGE_CLASS = List.of(
      new Prop("id", true, Kind.IRI, false),
      new Prop("name", true, Kind.TEXT, false),
      new Prop("description", true, Kind.TEXT, false),
      new Prop("image", false, Kind.IMAGE, false),
      new Prop("criteria", true, Kind.NODE, false),
      new Prop("issuer", true, Kind.NODE, false),
      new Prop("alignment", false, Kind.OBJECT, true),
      new Prop("tags", false, Kind.TEXT, true));
  static final List<Prop> PROFILE = List.of(
      new Prop("id", true, Kind.IRI, false),
      new Prop("name", true, Kind.TEXT, false),
      new Prop("url", true, Kind.URL, false),
      new Prop("email", false, Kind.EMAIL, false),
      new Prop("telephone", false, Kind.TELEPHONE, false),
      new Prop("description", false, Kind.TEXT, false),
      new Prop("image", false, Kind.IMAGE, false),
      new Prop("publicKey", false, Kind.NODE, true),
      new Prop("verification", false, Kind.OBJECT, false),
      new Prop("revocationList", false, Kind.IRI, false));
  private static final List<Prop> ENDORSEMENT = List.of(
      new Prop("id", true, Kind.IRI, false),
      new Prop("claim", true, Kind.OBJECT, false),
      new Prop("issuer", true, Kind.NODE, false),
      new Prop("issuedOn", true, Kind.DATETIME, false),
      new Prop("verification", true, Kind.OBJECT, false));

  private final Verification v;
  private final ReportBuilder r;

  Ob2Checks(Verification verification) {
    this.v = verification;
    this.r = verification.report;
  }

  void verify(BadgeDocument doc, JsonNode original, FetchedResource fetchedFrom, String jws) {
    if (doc.kind() != DocumentKind.ASSERTION && doc.kind() != DocumentKind.ENDORSEMENT) {
      r.add(Outcome.FAIL, CheckCode.INPUT_UNRECOGNIZED, "", "INPUT_UNRECOGNIZED.notAward",
          new Messages.Key("kind." + doc.kind().name()));
      return;
    }
    JsonNode a = doc.json();
    boolean endorsement = doc.kind() == DocumentKind.ENDORSEMENT;
    boolean signed = isSigned(a);
    if (jws != null) {
      if (!signed) {
        r.warn(CheckCode.PROOF_MALFORMED, "/verification", "verification.type is not SignedBadge");
      }
      graph(a, endorsement, false, jws);
      return;
    }
    if (fetchedFrom != null) {
      hostedId(a, fetchedFrom);
      if (signed) {
        r.add(Outcome.FAIL, CheckCode.PROOF_MISSING, "/verification", "PROOF_MISSING.ob2");
      }
      graph(a, endorsement, !signed, null);
      return;
    }
    if (signed) {
      r.add(Outcome.FAIL, CheckCode.PROOF_MISSING, "/verification", "PROOF_MISSING.ob2");
      graph(a, endorsement, false, null);
      return;
    }
    // Hosted input JSON is only a pointer: the copy at its id is the one that counts.
    String id = JsonNodes.text(a, "id").orElse("");
    if (!Primitives.isUrl(id)) {
      r.fail(CheckCode.OB2_NO_HOSTED_URL, "/id", id.isEmpty() ? "—" : id);
      return;
    }
    fetchHosted(URI.create(id));
  }

  private void fetchHosted(URI url) {
    FetchedResource fetched;
    try {
      fetched = v.verifier.fetcher().fetch(url);
      if (fetched.status() == 410) {
        r.add(Outcome.FAIL, CheckCode.REVOKED, url.toString(), "REVOKED.gone");
        return;
      }
      fetched.requireSuccess().requireJson();
    } catch (FetchException e) {
      v.fetchFailure(e, Outcome.FAIL);
      return;
    }
    r.pass(CheckCode.FETCH, url.toString(), fetched.finalUrl().toString(), fetched.mediaType());
    JsonNode json = v.served(SafeJson.read(fetched.body(), v.options.jsonLimits()), fetched.finalUrl());
    BadgeDocument doc = BadgeDocuments.detect(json, v.readOptions(fetched.requestedUrl().toString()));
    if (depthGuard()) {
      verify(doc, json, fetched, null);
    }
  }

  private boolean depthGuard() {
    return r.mark() < 500;
  }

  private void hostedId(JsonNode a, FetchedResource fetched) {
    String declared = JsonNodes.text(a, "id").orElse("");
    String requested = fetched.requestedUrl().toString();
    String finalUrl = fetched.finalUrl().toString();
    if (declared.equals(requested) || declared.equals(finalUrl)) {
      r.pass(CheckCode.OB2_HOSTED_ID, "/id", declared);
    } else {
      r.fail(CheckCode.OB2_ID_MISMATCH, "/id", declared.isEmpty() ? "—" : declared, requested);
    }
  }

  private static boolean isSigned(JsonNode a) {
    String type = a.path("verification").path("type").asText("").toLowerCase(Locale.ROOT);
    return type.equals("signedbadge") || type.equals("signed") || type.endsWith(":signedbadge");
  }

  // ---------------------------------------------------------------- the badge graph

  private void graph(JsonNode a, boolean endorsement, boolean hosted, String jws) {
    context(a);
    if (a.path("revoked").asBoolean(false)) {
      r.add(Outcome.FAIL, CheckCode.REVOKED, "/revoked", "REVOKED.flag",
          JsonNodes.text(a, "revocationReason").orElse("—"));
      return;
    }
    String cls = endorsement ? "Endorsement" : "Assertion";
    type(a, "", cls, cls);
    int propsMark = r.mark();
    properties(a, "", cls, endorsement ? ENDORSEMENT : ASSERTION);
    if (!endorsement) {
      identityObject(a.path("recipient"), "/recipient");
    }
    boolean propsOk = !r.failedSince(propsMark);
    if (propsOk) {
      r.pass(CheckCode.OB2_PROPERTIES, "", cls);
    }

    JsonNode badge = null;
    JsonNode issuer;
    String issuerPointer;
    int graphMark = r.mark();
    if (endorsement) {
      issuerPointer = "/issuer";
      issuer = node(a.get("issuer"), issuerPointer, "Profile");
    } else {
      badge = node(a.get("badge"), "/badge", "BadgeClass");
      if (badge != null) {
        type(badge, "/badge", "BadgeClass", "BadgeClass");
        properties(badge, "/badge", "BadgeClass", BADGE_CLASS);
        criteria(badge);
      }
      issuerPointer = "/badge/issuer";
      issuer = badge == null ? null : node(badge.get("issuer"), issuerPointer, "Profile");
    }
    if (issuer != null) {
      type(issuer, issuerPointer, "Profile", "Issuer", "Profile");
      properties(issuer, issuerPointer, "Profile", PROFILE);
    }
    String assertionId = JsonNodes.text(a, "id").orElse("");
    if (issuer == null) {
      CheckCode cause = r.firstFailureSince(graphMark) != null ? r.firstFailureSince(graphMark) : r.firstFailureSince(propsMark);
      CheckCode because = cause == null ? CheckCode.FETCH : cause;
      if (hosted) {
        r.skip(CheckCode.OB2_VERIFICATION_SCOPE, "", because);
      }
      if (jws != null) {
        r.skip(CheckCode.PROOF, "", because);
      }
      r.skip(CheckCode.STATUS, "", because);
    } else {
      if (hosted) {
        scope(assertionId, issuer);
      }
      JsonNode trusted = issuer;
      if (jws != null) {
        // The signing module judges the signature and reads the issuer's keys from its own profile.
        new ProofChecks(v).ob2(jws, JsonNodes.text(issuer, "id").orElse(""), "");
        trusted = hostedIssuer(issuer, embeddedIssuer(a, endorsement));
      }
      if (trusted != null) {
        revocationList(assertionId, a, trusted);
      } else {
        r.skip(CheckCode.STATUS, "", CheckCode.ISSUER_KEYS_UNAVAILABLE);
      }
    }
    dates(a);
    endorsements(a, "", badge, issuer, issuerPointer);
    if (!endorsement) {
      recipient(a.path("recipient"));
      if (badge != null) {
        badgeImage(badge.get("image"), "/badge/image");
      }
      if (a.has("image")) {
        image(a.get("image"), "/image", false);
      }
    }
  }

  /** Endorsements of the assertion, its badge class and its issuer, each verified on its own. */
  private void endorsements(JsonNode a, String pointer, JsonNode badge, JsonNode issuer, String issuerPointer) {
    endorsementsOf(a, pointer);
    if (badge != null) {
      endorsementsOf(badge, "/badge");
    }
    if (issuer != null) {
      endorsementsOf(issuer, issuerPointer);
    }
  }

  private void endorsementsOf(JsonNode node, String pointer) {
    List<JsonNode> items = JsonNodes.items(node, "endorsement");
    if (items.isEmpty()) {
      return;
    }
    if (v.depth >= v.options.maxEndorsementDepth()) {
      r.add(Outcome.WARNING, CheckCode.ENDORSEMENT, JsonNodes.pointer(pointer, "endorsement"), "ENDORSEMENT.depth", items.size());
      return;
    }
    String endorsedId = JsonNodes.text(node, "id").orElse("");
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String target = node.get("endorsement").isArray()
          ? JsonNodes.pointer(JsonNodes.pointer(pointer, "endorsement"), i) : JsonNodes.pointer(pointer, "endorsement");
      VerificationReport sub = v.verifier.verifyNested(item.isTextual() ? item.asText() : SafeJson.write(item), v.depth + 1);
      if (sub.verdict() == Verdict.VALID && (!sub.has(CheckCode.INPUT_DETECTED) || !claimsNode(sub, item, endorsedId))) {
        r.endorsedSomethingElse(target, sub, endorsedId);
      } else {
        r.endorsed(target, sub);
      }
    }
  }

  /** Whether the endorsement's claim is about the endorsed node (embedded ones are checked here). */
  private boolean claimsNode(VerificationReport sub, JsonNode item, String endorsedId) {
    JsonNode endorsement = item;
    if (item.isTextual()) {
      try {
        endorsement = SafeJson.read(v.verifier.fetcher().fetch(URI.create(item.asText())).requireSuccess().requireJson().body(),
            v.options.jsonLimits());
      } catch (InvalidInputException | IllegalArgumentException e) {
        return false;
      }
    }
    return endorsedId.equals(JsonNodes.text(endorsement.path("claim"), "id").orElse(""));
  }

  private static boolean embeddedIssuer(JsonNode a, boolean endorsement) {
    return endorsement ? a.path("issuer").isObject()
        : a.path("badge").isObject() && a.path("badge").path("issuer").isObject();
  }

  /**
   * The issuer Profile whose revocation list counts for a signed badge. An issuer embedded in the
   * signed payload was written by whoever signed it, so the hosted copy at its id is fetched
   * instead; null when there is none to fetch or it cannot be obtained (status then undecided).
   */
  private JsonNode hostedIssuer(JsonNode issuer, boolean embedded) {
    if (!embedded) {
      return issuer;
    }
    String id = JsonNodes.text(issuer, "id").orElse("");
    if (!Primitives.isUrl(id)) {
      return null;
    }
    return v.fetchJson(id, Outcome.INCONCLUSIVE).orElse(null);
  }

  void context(JsonNode a) {
    List<String> contexts = JsonNodes.strings(a, "@context");
    boolean ok = contexts.stream().anyMatch(OB2_CONTEXTS::contains);
    if (ok) {
      r.pass(CheckCode.OB2_CONTEXT, "/@context", contexts.stream().filter(OB2_CONTEXTS::contains).findFirst().orElse(""));
    } else {
      r.add(Outcome.FAIL, CheckCode.OB2_CONTEXT, "/@context", "OB2_CONTEXT.missing", String.join(", ", contexts));
    }
  }

  void type(JsonNode node, String pointer, String cls, String... accepted) {
    for (String t : JsonNodes.strings(node, "type")) {
      String local = t.substring(Math.max(t.lastIndexOf('#'), t.lastIndexOf(':')) + 1);
      for (String a : accepted) {
        if (local.equals(a)) {
          return;
        }
      }
    }
    r.fail(CheckCode.OB2_TYPE, JsonNodes.pointer(pointer, "type"), cls, String.join(", ", JsonNodes.strings(node, "type")));
  }

  /** An embedded object, or the object fetched from an IRI (a failed fetch is a failure). */
  JsonNode node(JsonNode value, String pointer, String cls) {
    if (value == null || value.isNull()) {
      return null; // reported as a missing property
    }
    if (value.isObject()) {
      return value;
    }
    if (value.isTextual() && Primitives.isUrl(value.asText())) {
      // A node of the graph the badge was served in is resolved there (Badgr exports), not fetched.
      Optional<JsonNode> local = v.graphNode(value.asText());
      return local.isPresent() ? local.get()
          : v.fetchJson(value.asText(), Outcome.FAIL).map(j -> v.upgradeLegacy(j, value.asText())).orElse(null);
    }
    return null;
  }

  void properties(JsonNode node, String pointer, String cls, List<Prop> table) {
    for (Prop p : table) {
      JsonNode value = node.get(p.name());
      String target = JsonNodes.pointer(pointer, p.name());
      if (value == null || value.isNull()) {
        if (p.required()) {
          r.fail(CheckCode.OB2_PROPERTY_MISSING, target, p.name(), cls);
        } else if (p.name().equals("image") && cls.equals("BadgeClass")) {
          r.warn(CheckCode.OB2_PROPERTY_MISSING, target, p.name(), cls);
        }
        continue;
      }
      List<JsonNode> values = value.isArray() && p.many() ? JsonNodes.items(node, p.name()) : List.of(value);
      for (JsonNode item : values) {
        if (!valid(item, p.kind())) {
          r.fail(CheckCode.OB2_PROPERTY_INVALID, target, p.name(), cls, new Messages.Key("kindOf." + p.kind().name()),
              Verification.abbreviate(item.isTextual() ? item.asText() : SafeJson.write(item)));
          break;
        }
      }
    }
  }

  private static boolean valid(JsonNode value, Kind kind) {
    String s = value.isTextual() ? value.asText() : null;
    return switch (kind) {
      case IRI -> Primitives.isIri(s);
      case URL -> Primitives.isUrl(s);
      case TEXT -> value.isTextual();
      case DATETIME -> Primitives.isDateTime(s);
      case BOOLEAN -> value.isBoolean();
      case EMAIL -> Primitives.isEmail(s);
      case TELEPHONE -> Primitives.isTelephone(s);
      case IMAGE -> value.isObject() ? Primitives.isDataUriOrUrl(JsonNodes.text(value, "id").orElse(null)) : Primitives.isDataUriOrUrl(s);
      case NODE -> value.isObject() || Primitives.isIri(s);
      case OBJECT -> value.isObject();
    };
  }

  private void criteria(JsonNode badge) {
    JsonNode c = badge.get("criteria");
    if (c != null && c.isObject() && !c.hasNonNull("id") && !c.hasNonNull("narrative")) {
      r.fail(CheckCode.OB2_PROPERTY_MISSING, "/badge/criteria", "id|narrative", "Criteria");
    }
  }

  private void identityObject(JsonNode recipient, String pointer) {
    if (!recipient.isObject()) {
      return;
    }
    String type = JsonNodes.text(recipient, "type").orElse(null);
    String identity = JsonNodes.text(recipient, "identity").orElse(null);
    if (type == null) {
      r.fail(CheckCode.OB2_PROPERTY_MISSING, JsonNodes.pointer(pointer, "type"), "type", "IdentityObject");
    }
    if (identity == null) {
      r.fail(CheckCode.OB2_PROPERTY_MISSING, JsonNodes.pointer(pointer, "identity"), "identity", "IdentityObject");
      return;
    }
    boolean hashed = recipient.path("hashed").asBoolean(false);
    boolean looksHashed = IDENTITY_HASH.matcher(identity).matches();
    if (hashed != looksHashed) {
      r.fail(CheckCode.OB2_PROPERTY_INVALID, JsonNodes.pointer(pointer, "identity"), "identity", "IdentityObject",
          new Messages.Key(hashed ? "kindOf.HASH" : "kindOf.PLAIN"), Verification.abbreviate(identity));
    } else if (!hashed && "email".equals(type) && !Primitives.isEmail(identity)) {
      r.fail(CheckCode.OB2_PROPERTY_INVALID, JsonNodes.pointer(pointer, "identity"), "identity", "IdentityObject",
          new Messages.Key("kindOf.EMAIL"), Verification.abbreviate(identity));
    }
  }

  // ---------------------------------------------------------------- verification

  private void scope(String assertionId, JsonNode issuer) {
    JsonNode policy = issuer.path("verification");
    List<String> startsWith = JsonNodes.strings(policy, "startsWith");
    List<String> allowedOrigins = JsonNodes.strings(policy, "allowedOrigins");
    // An OB 0.5 issuer has no id (a blank node once upgraded): its origin (now url) is the scope.
    String issuerId = JsonNodes.text(issuer, "id").filter(Primitives::isUrl)
        .or(() -> JsonNodes.text(issuer, "url")).orElse("");
    boolean ok;
    String rule;
    if (!startsWith.isEmpty()) {
      ok = startsWith.stream().anyMatch(assertionId::startsWith);
      rule = "startsWith " + String.join(", ", startsWith);
    } else if (!allowedOrigins.isEmpty()) {
      String host = host(assertionId);
      ok = allowedOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(host));
      rule = "allowedOrigins " + String.join(", ", allowedOrigins);
    } else {
      ok = !authority(assertionId).isEmpty() && authority(assertionId).equalsIgnoreCase(authority(issuerId));
      rule = authority(issuerId);
    }
    if (ok) {
      r.pass(CheckCode.OB2_VERIFICATION_SCOPE, "/id", assertionId, rule);
    } else {
      r.fail(CheckCode.OB2_OUT_OF_SCOPE, "/id", assertionId, rule);
    }
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? "" : h;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String authority(String url) {
    try {
      String a = URI.create(url).getRawAuthority();
      return a == null ? "" : a.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private void revocationList(String assertionId, JsonNode a, JsonNode issuer) {
    Optional<String> listUrl = JsonNodes.text(issuer, "revocationList");
    if (listUrl.isEmpty()) {
      r.notApplicable(CheckCode.STATUS, "", "STATUS.noList");
      return;
    }
    // The list URL comes from the issuer's own (hosted) profile; a list that cannot be obtained
    // leaves the status undecided, never "not revoked".
    Optional<JsonNode> list = v.fetchJson(listUrl.get(), Outcome.INCONCLUSIVE);
    if (list.isEmpty()) {
      r.add(Outcome.INCONCLUSIVE, CheckCode.STATUS_RETRIEVAL_ERROR, listUrl.get(), "STATUS_RETRIEVAL_ERROR", listUrl.get(), "—");
      return;
    }
    String uid = JsonNodes.text(a, "uid").orElse(null);
    for (JsonNode e : JsonNodes.items(list.get(), "revokedAssertions")) {
      String id = e.isTextual() ? e.asText() : JsonNodes.text(e, "id").orElse(null);
      String entryUid = JsonNodes.text(e, "uid").orElse(null);
      boolean revoked = e.isTextual() || e.path("revoked").asBoolean(true);
      if (revoked && (assertionId.equals(id) || (uid != null && uid.equals(entryUid)))) {
        r.add(Outcome.FAIL, CheckCode.REVOKED, listUrl.get(), "REVOKED.list", listUrl.get(),
            JsonNodes.text(e, "revocationReason").orElse("—"));
        return;
      }
    }
    r.add(Outcome.PASS, CheckCode.STATUS, listUrl.get(), "STATUS.ok", listUrl.get());
  }

  private void dates(JsonNode a) {
    Optional<Instant> issued = JsonNodes.text(a, "issuedOn").filter(Primitives::isDateTime)
        .flatMap(DateTimes::parse).map(d -> d.toInstant());
    Optional<Instant> expires = JsonNodes.text(a, "expires").filter(Primitives::isDateTime)
        .flatMap(DateTimes::parse).map(d -> d.toInstant());
    Instant now = v.now;
    if (issued.isPresent() && issued.get().isAfter(now.plus(v.options.skew()))) {
      r.fail(CheckCode.NOT_YET_VALID, "/issuedOn", issued.get().toString());
    } else if (expires.isPresent() && issued.isPresent() && expires.get().isBefore(issued.get())) {
      r.add(Outcome.FAIL, CheckCode.DATE_MALFORMED, "/expires", "DATE_MALFORMED.order", expires.get(), issued.get());
    } else if (expires.isPresent() && expires.get().isBefore(now.minus(v.options.skew()))) {
      r.fail(CheckCode.EXPIRED, "/expires", expires.get().toString());
    } else {
      r.pass(CheckCode.VALIDITY_PERIOD, "", issued.<Object>map(Instant::toString).orElse("—"),
          expires.<Object>map(Instant::toString).orElse(new Messages.Key("VALIDITY_PERIOD.noEnd")));
    }
  }

  private void recipient(JsonNode recipient) {
    List<String> candidates = v.recipients;
    if (candidates.isEmpty()) {
      r.notApplicable(CheckCode.RECIPIENT, "/recipient", "RECIPIENT.notRequested");
      return;
    }
    Optional<String> identity = JsonNodes.text(recipient, "identity");
    if (!recipient.isObject() || identity.isEmpty()) {
      r.fail(CheckCode.RECIPIENT_MISSING, "/recipient", String.join(", ", candidates));
      return;
    }
    // validator-core defaults a missing type to email.
    String type = JsonNodes.text(recipient, "type").orElse("email");
    boolean hashed = recipient.path("hashed").asBoolean(false);
    RecipientRules.IdKind kind = RecipientRules.ob2Kind(type);
    for (String c : candidates) {
      if (RecipientRules.matches(kind, hashed, identity, JsonNodes.text(recipient, "salt"), c)) {
        r.pass(CheckCode.RECIPIENT, "/recipient", c);
        if (!Set.of("email", "url", "telephone", "id").contains(type)) {
          r.add(Outcome.WARNING, CheckCode.RECIPIENT, "/recipient/type", "RECIPIENT.unknownType", type);
        }
        return;
      }
    }
    r.fail(CheckCode.RECIPIENT_MISMATCH, "/recipient", String.join(", ", candidates));
  }

  void image(JsonNode value, String pointer, boolean required) {
    v.image(value, pointer, required, false);
  }

  /** The BadgeClass image: the badge's own, the one a host that requires it keeps. */
  void badgeImage(JsonNode value, String pointer) {
    v.image(value, pointer, true, true);
  }
}
