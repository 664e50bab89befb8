package io.github.insignia.openbadges.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.BadgeDocument;
import io.github.insignia.openbadges.model.BadgeDocuments;
import io.github.insignia.openbadges.model.Contexts;
import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.model.OpenBadgesVersion;
import io.github.insignia.openbadges.validation.Ob2Checks.Kind;
import io.github.insignia.openbadges.validation.Ob2Checks.Prop;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.FetchedResource;
import io.github.insignia.openbadges.signing.verify.PublishedKeys;
import io.github.insignia.openbadges.validation.internal.JsonNodes;
import io.github.insignia.openbadges.validation.internal.Messages;
import io.github.insignia.openbadges.validation.internal.Primitives;
import io.github.insignia.openbadges.validation.internal.Schemas;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Documents that are not an awarded badge, each verified as what it is: OB 2.0 BadgeClass,
 * Issuer/Profile, CryptographicKey and RevocationList (the structure of that class, and that a
 * hosted one is served at its id); OB 3.0 Achievement and Profile (structure only: they carry no
 * proof); a CLR 2.0 ClrCredential (its proof, dates and status, then each credential inside it on
 * its own); any other Verifiable Credential (proof, dates and status).
 */
final class KindChecks {
  private static final Pattern OB3_CONTEXT =
      Pattern.compile("^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context(-3\\.\\d\\.\\d)*\\.json$");
  private static final Pattern CLR_CONTEXT =
      Pattern.compile("^https://purl\\.imsglobal\\.org/spec/clr/v2p0/context(-2\\.\\d\\.\\d)*\\.json$");
  private static final String PROFILE_SCHEMA =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_profile_schema.json";
  /** A transcript holds many credentials, but not without bound. */
  private static final int MAX_PARTS = 1000;

  private static final List<Prop> CRYPTOGRAPHIC_KEY = List.of(
      new Prop("id", true, Kind.IRI, false),
      new Prop("owner", false, Kind.IRI, false),
      new Prop("publicKeyPem", true, Kind.TEXT, false));
  private static final List<Prop> REVOCATION_LIST = List.of(
      new Prop("id", true, Kind.IRI, false),
      new Prop("issuer", false, Kind.NODE, false),
      new Prop("revokedAssertions", true, Kind.NODE, true));

  private final Verification v;
  private final ReportBuilder r;

  KindChecks(Verification verification) {
    this.v = verification;
    this.r = verification.report;
  }

  // ---------------------------------------------------------------- documents without a proof

  /** A BadgeClass, Profile, CryptographicKey or RevocationList (OB 1.0–2.0), or an OB 3.0 Achievement or Profile. */
  void document(BadgeDocument doc, FetchedResource fetchedFrom) {
    if (doc.version() == OpenBadgesVersion.V3_0) {
      ob3(doc.json(), doc.kind());
      return;
    }
    ObjectNode node = doc.json();
    if (fetchedFrom == null) {
      // As for a hosted assertion, the copy at the document's id is the one that counts.
      String id = JsonNodes.text(node, "id").orElse("");
      if (!Primitives.isUrl(id)) {
        r.fail(CheckCode.OB2_NO_HOSTED_URL, "/id", id.isEmpty() ? "—" : id);
        return;
      }
      fetchHosted(URI.create(id), doc.kind());
      return;
    }
    hostedAt(node, fetchedFrom);
    ob2(node, doc.kind());
  }

  private void fetchHosted(URI url, DocumentKind expected) {
    FetchedResource fetched;
    try {
      fetched = v.verifier.fetcher().fetch(url).requireSuccess().requireJson();
    } catch (FetchException e) {
      // The document cannot be obtained now: nothing is proven wrong, nothing is verified.
      v.fetchFailure(e, Outcome.INCONCLUSIVE);
      return;
    }
    r.pass(CheckCode.FETCH, url.toString(), fetched.finalUrl().toString(), fetched.mediaType());
    BadgeDocument doc;
    try {
      doc = BadgeDocuments.detect(v.served(SafeJson.read(fetched.body(), v.options.jsonLimits()), fetched.finalUrl()), v.readOptions(url.toString()));
    } catch (InvalidInputException e) {
      r.add(Outcome.FAIL, CheckCode.INPUT_UNREADABLE, url.toString(), CheckCode.INPUT_UNREADABLE.name(), e.code(), e.getMessage());
      return;
    }
    if (doc.kind() != expected || doc.version() == OpenBadgesVersion.V3_0) {
      r.add(Outcome.FAIL, CheckCode.OB2_TYPE, url.toString(), "OB2_TYPE.hosted", url.toString(),
          new Messages.Key("kind." + doc.kind().name()), new Messages.Key("kind." + expected.name()));
      return;
    }
    ObjectNode node = doc.json();
    hostedAt(node, fetched);
    ob2(node, doc.kind());
  }

  /** The id of a served document is where it was served (after redirects, either end counts). */
  private void hostedAt(JsonNode node, FetchedResource fetched) {
    String declared = JsonNodes.text(node, "id").orElse("");
    String requested = fetched.requestedUrl().toString();
    if (declared.equals(requested) || declared.equals(fetched.finalUrl().toString())) {
      r.add(Outcome.PASS, CheckCode.OB2_HOSTED_ID, "/id", "OB2_HOSTED_ID.node", declared);
    } else {
      r.add(Outcome.FAIL, CheckCode.OB2_ID_MISMATCH, "/id", "OB2_ID_MISMATCH.node", declared.isEmpty() ? "—" : declared, requested);
    }
  }

  private void ob2(ObjectNode node, DocumentKind kind) {
    Ob2Checks ob2 = new Ob2Checks(v);
    ob2.context(node);
    int mark = r.mark();
    switch (kind) {
      case BADGE_CLASS -> {
        ob2.type(node, "", "BadgeClass", "BadgeClass");
        ob2.properties(node, "", "BadgeClass", Ob2Checks.BADGE_CLASS);
        criteria(node);
        JsonNode issuer = ob2.node(node.get("issuer"), "/issuer", "Profile");
        if (issuer != null) {
          ob2.type(issuer, "/issuer", "Profile", "Issuer", "Profile");
          ob2.properties(issuer, "/issuer", "Profile", Ob2Checks.PROFILE);
        }
        ob2.image(node.get("image"), "/image", true);
      }
      case PROFILE -> {
        ob2.type(node, "", "Profile", "Issuer", "Profile");
        ob2.properties(node, "", "Profile", Ob2Checks.PROFILE);
        ob2.image(node.get("image"), "/image", false);
      }
      case CRYPTOGRAPHIC_KEY -> {
        ob2.type(node, "", "CryptographicKey", "CryptographicKey", "Key");
        ob2.properties(node, "", "CryptographicKey", CRYPTOGRAPHIC_KEY);
        JsonNodes.text(node, "publicKeyPem").ifPresent(pem -> {
          try {
            PublishedKeys.requireUsablePublicKeyPem(pem);
          } catch (InvalidInputException e) {
            r.fail(CheckCode.OB2_PROPERTY_INVALID, "/publicKeyPem", "publicKeyPem", "CryptographicKey",
                new Messages.Key("kindOf.PEM"), e.getMessage());
          }
        });
      }
      default -> {
        ob2.type(node, "", "RevocationList", "RevocationList");
        ob2.properties(node, "", "RevocationList", REVOCATION_LIST);
        revokedEntries(node);
      }
    }
    if (!r.failedSince(mark)) {
      r.pass(CheckCode.OB2_PROPERTIES, "", kindName(kind));
    }
    notAnAward(kind);
  }

  private void criteria(JsonNode badge) {
    JsonNode c = badge.get("criteria");
    if (c != null && c.isObject() && !c.hasNonNull("id") && !c.hasNonNull("narrative")) {
      r.fail(CheckCode.OB2_PROPERTY_MISSING, "/criteria", "id|narrative", "Criteria");
    }
  }

  /** Each revoked entry is an IRI or an object whose id is one (or that names a uid). */
  private void revokedEntries(JsonNode list) {
    List<JsonNode> entries = JsonNodes.items(list, "revokedAssertions");
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      boolean ok = e.isTextual() ? Primitives.isIri(e.asText())
          : e.isObject() && (JsonNodes.text(e, "id").filter(Primitives::isIri).isPresent()
              || (!e.has("id") && e.path("uid").isTextual()));
      if (!ok) {
        r.fail(CheckCode.OB2_PROPERTY_INVALID, JsonNodes.pointer("/revokedAssertions", i), "revokedAssertions",
            "RevocationList", new Messages.Key("kindOf.IRI"), Verification.abbreviate(e.isTextual() ? e.asText() : SafeJson.write(e)));
        return;
      }
    }
  }

  /** An OB 3.0 Achievement or Profile: the OB context, its type, required properties, nested types. */
  private void ob3(ObjectNode node, DocumentKind kind) {
    String cls = kindName(kind);
    boolean hasOb = JsonNodes.strings(node, "@context").stream().anyMatch(c -> OB3_CONTEXT.matcher(c).matches());
    if (hasOb) {
      r.add(Outcome.PASS, CheckCode.OB3_CONTEXT, "/@context", "OB3_CONTEXT.kind", cls);
    } else {
      r.add(Outcome.FAIL, CheckCode.OB3_CONTEXT, "/@context", "OB3_CONTEXT.ob");
    }
    r.add(Outcome.PASS, CheckCode.OB3_TYPE, "/type", "OB3_TYPE.ok", cls);
    int mark = r.mark();
    if (kind == DocumentKind.PROFILE) {
      for (Schemas.Problem p : Schemas.validate(PROFILE_SCHEMA, node).orElse(List.of())) {
        r.add(Outcome.FAIL, CheckCode.OB3_SCHEMA, p.pointer(), "OB3_SCHEMA.problem", p.message());
      }
    } else {
      // The Achievement class (OB 3.0 §B.1.1): id, type, criteria, description and name are required.
      requireText(node, "id", cls);
      requireText(node, "name", cls);
      requireText(node, "description", cls);
      JsonNode criteria = node.get("criteria");
      if (criteria == null || !criteria.isObject()) {
        r.add(Outcome.FAIL, CheckCode.OB3_SCHEMA, "/criteria", "OB3_SCHEMA.required", "criteria", cls);
      } else if (!criteria.hasNonNull("id") && !criteria.hasNonNull("narrative")) {
        r.add(Outcome.FAIL, CheckCode.OB3_SCHEMA, "/criteria", "OB3_SCHEMA.required", "id|narrative", "Criteria");
      }
    }
    if (!r.failedSince(mark)) {
      r.add(Outcome.PASS, CheckCode.OB3_SCHEMA, "", "OB3_SCHEMA.kind", cls);
    }
    new Ob3Checks(v).nestedTypes(node, "");
    notAnAward(kind);
  }

  private void requireText(JsonNode node, String name, String cls) {
    if (!node.path(name).isTextual() || node.get(name).asText().isEmpty()) {
      r.add(Outcome.FAIL, CheckCode.OB3_SCHEMA, "/" + name, "OB3_SCHEMA.required", name, cls);
    }
  }

  /** Says, in the report, that the document awards nothing: no recipient, proof or status to check. */
  private void notAnAward(DocumentKind kind) {
    r.notApplicable(CheckCode.RECIPIENT, "", "RECIPIENT.notAward", new Messages.Key("kind." + kind.name()));
  }

  private static String kindName(DocumentKind kind) {
    return switch (kind) {
      case BADGE_CLASS -> "BadgeClass";
      case PROFILE -> "Profile";
      case CRYPTOGRAPHIC_KEY -> "CryptographicKey";
      case REVOCATION_LIST -> "RevocationList";
      case ACHIEVEMENT -> "Achievement";
      case CLR_CREDENTIAL -> "ClrCredential";
      default -> kind.name().toLowerCase(Locale.ROOT);
    };
  }

  // ---------------------------------------------------------------- CLR and other credentials

  /** A CLR 2.0 ClrCredential or any other Verifiable Credential (embedded proof or VC-JWT). */
  void credential(ObjectNode cred, Ob3Checks.Jwt jwt, DocumentKind kind) {
    int start = r.mark();
    boolean clr = kind == DocumentKind.CLR_CREDENTIAL;
    JsonNode raw = cred.get("@context");
    String first = raw != null && raw.isArray() && raw.size() > 0 ? raw.get(0).asText("") : raw == null ? "" : raw.asText("");
    if (!Contexts.VC_V2.equals(first) && !Contexts.VC_V1.equals(first)) {
      r.add(Outcome.FAIL, CheckCode.OB3_CONTEXT, "/@context", "OB3_CONTEXT.first", first);
    } else if (clr && JsonNodes.strings(cred, "@context").stream().noneMatch(c -> CLR_CONTEXT.matcher(c).matches())) {
      r.add(Outcome.FAIL, CheckCode.OB3_CONTEXT, "/@context", "OB3_CONTEXT.clr");
    } else {
      r.add(Outcome.PASS, CheckCode.OB3_CONTEXT, "/@context", "OB3_CONTEXT.kind", kindName(kind));
    }
    r.add(Outcome.PASS, CheckCode.OB3_TYPE, "/type", "OB3_TYPE.ok", kindName(kind));
    if (r.failedSince(start)) {
      r.skip(CheckCode.PROOF, "/proof", r.firstFailureSince(start));
      return;
    }
    new Ob3Checks(v).credentialOnly(cred, jwt);
    if (clr) {
      parts(cred);
    }
  }

  /**
   * Each credential in the transcript ({@code credentialSubject.verifiableCredential}) verified on
   * its own, as its own issuer's: the report lists each as a part with its own verdict. One that is
   * not VALID is a warning on the transcript (never to be shown as verified); the transcript's own
   * verdict rests on its own proof.
   */
  private void parts(JsonNode cred) {
    List<JsonNode> items = JsonNodes.items(cred.path("credentialSubject"), "verifiableCredential");
    String base = "/credentialSubject/verifiableCredential";
    if (v.depth >= v.options.maxEndorsementDepth()) {
      if (!items.isEmpty()) {
        r.add(Outcome.WARNING, CheckCode.CLR_PART_INVALID, base, "CLR_PART_INVALID.depth", items.size());
      }
      return;
    }
    for (int i = 0; i < Math.min(items.size(), MAX_PARTS); i++) {
      JsonNode item = items.get(i);
      String target = JsonNodes.pointer(base, i);
      VerificationReport part = v.verifier.verifyNested(item.isTextual() ? item.asText() : SafeJson.write(item), v.depth + 1);
      r.part(part);
      if (part.verdict() == Verdict.VALID) {
        r.add(Outcome.PASS, CheckCode.CLR_PART, target, "CLR_PART", i + 1,
            new Messages.Key("kind." + part.kind().map(Enum::name).orElse("CREDENTIAL")));
      } else {
        Check cause = part.rootCause().orElse(null);
        r.add(Outcome.WARNING, CheckCode.CLR_PART_INVALID, target, "CLR_PART_INVALID", i + 1, part.verdict().name(),
            cause == null ? "—" : new Messages.Key(cause.messageKey(), cause.arguments()));
      }
    }
    if (items.size() > MAX_PARTS) {
      r.add(Outcome.WARNING, CheckCode.CLR_PART_INVALID, base, "CLR_PART_INVALID.tooMany", items.size() - MAX_PARTS);
    }
  }
}
