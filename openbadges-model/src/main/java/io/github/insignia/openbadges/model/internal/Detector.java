package io.github.insignia.openbadges.model.internal;

import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.model.BadgeDocument;
import io.github.insignia.openbadges.model.Contexts;
import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.model.JsonBacked;
import io.github.insignia.openbadges.model.OpenBadgesVersion;
import io.github.insignia.openbadges.model.ReadOptions;
import io.github.insignia.openbadges.model.ob2.Assertion;
import io.github.insignia.openbadges.model.ob2.BadgeClass;
import io.github.insignia.openbadges.model.ob2.CryptographicKey;
import io.github.insignia.openbadges.model.ob2.Endorsement;
import io.github.insignia.openbadges.model.ob2.RevocationList;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.AchievementCredential;
import io.github.insignia.openbadges.model.ob3.EndorsementCredential;
import io.github.insignia.openbadges.model.ob3.VerifiableCredential;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells what a JSON document is (spec digest §1.8 step 1 for OB 0.5–2.0, the OB 3.0 context for
 * 3.0) and whether it is a whole badge document rather than a fragment. Not API.
 */
public final class Detector {
  private static final ModelErrorCode NOT_A_BADGE = ModelErrorCode.NOT_A_BADGE;
  private static final ModelErrorCode MALFORMED = ModelErrorCode.BADGE_MALFORMED;

  private Detector() {}

  /** Detects, checks and (on request) upgrades; see {@code BadgeDocuments}. */
  public static BadgeDocument detect(JsonNode json, ReadOptions options) {
    if (!(json instanceof ObjectNode root)) {
      throw new NotABadgeException(NOT_A_BADGE, "the JSON is " + describe(json) + ", not a badge object");
    }
    JsonNode context = root.get("@context");
    if (context != null && !(context.isTextual() || context.isArray() || context.isObject())) {
      throw wrongType("@context", "a string, an array or an object", context);
    }
    JsonNode type = root.get("type");
    if (type != null && !(type.isTextual() || (type.isArray() && all(type, JsonNode::isTextual)))) {
      throw wrongType("type", "a string or an array of strings", type);
    }
    OpenBadgesVersion version = version(root, context);
    DocumentKind kind = kind(root, version);
    checkWhole(root, version, kind);
    checkMemberTypes(root, version, kind);
    if (options.upgrade() && version.isLegacy()) {
      ObjectNode upgraded = Upgrader.toV2(root, version, kind, options.documentUrl().orElse(null));
      return new BadgeDocument(OpenBadgesVersion.V2_0, version, kind, wrap(upgraded, OpenBadgesVersion.V2_0, kind));
    }
    return new BadgeDocument(version, version, kind, wrap(root, version, kind));
  }

  /** The version by §1.8 step 1, extended for OB 3.0. */
  static OpenBadgesVersion version(ObjectNode root, JsonNode context) {
    if (context == null) {
      JsonNode recipient = root.get("recipient");
      if (recipient != null && root.has("badge")) {
        return recipient.isTextual() ? OpenBadgesVersion.V0_5 : OpenBadgesVersion.V1_0;
      }
      if (legacyKind(root) != null) {
        return OpenBadgesVersion.V1_0;
      }
      throw new NotABadgeException(
          NOT_A_BADGE, "the JSON has no @context and is not an OB 0.5/1.0 assertion (no recipient and badge)");
    }
    List<String> contexts = Members.strings(root, "@context");
    List<String> types = Members.strings(root, "type");
    if (contexts.stream().anyMatch(Detector::isOb3Context)) {
      return OpenBadgesVersion.V3_0;
    }
    boolean vc = contexts.contains(Contexts.VC_V2) || contexts.contains(Contexts.VC_V1);
    if (vc) {
      // OB 3.0 credentials, CLR 2.0 transcripts and any other VC share the OB 3.0 (VC) reading.
      if (types.contains("VerifiableCredential")) {
        return OpenBadgesVersion.V3_0;
      }
      throw new NotABadgeException(NOT_A_BADGE, "a JSON-LD document with a Verifiable Credentials context but "
          + "not of type VerifiableCredential (type " + types + ")");
    }
    if (contexts.stream().anyMatch(c -> c.contains("openbadges/v1") || c.contains("openbadgespec.org/v1"))) {
      return OpenBadgesVersion.V1_1;
    }
    return OpenBadgesVersion.V2_0;
  }

  static boolean isOb3Context(String url) {
    String u = url.startsWith("http://") ? "https://" + url.substring(7) : url;
    return u.startsWith(Contexts.OB_V3_PREFIX);
  }

  private static DocumentKind kind(ObjectNode root, OpenBadgesVersion version) {
    List<String> types = Members.strings(root, "type");
    switch (version) {
      case V0_5:
        return DocumentKind.ASSERTION;
      case V1_0:
        return root.has("recipient") ? DocumentKind.ASSERTION : legacyKind(root);
      case V3_0:
        if (types.contains("OpenBadgeCredential") || types.contains("AchievementCredential")) {
          return DocumentKind.CREDENTIAL;
        }
        if (types.contains("EndorsementCredential")) {
          return DocumentKind.ENDORSEMENT;
        }
        if (types.contains("ClrCredential")) {
          return DocumentKind.CLR_CREDENTIAL;
        }
        if (types.contains("VerifiableCredential")) {
          // A credential that brings the Open Badges 3.0 context claims to be an Open Badge: with
          // no Open Badges type it is a malformed badge (checked, and refused, as one), not some
          // other verifiable credential that would skip the badge's structural checks.
          boolean claimsOpenBadge = Members.strings(root, "@context").stream().anyMatch(Detector::isOb3Context);
          return claimsOpenBadge ? DocumentKind.CREDENTIAL : DocumentKind.VERIFIABLE_CREDENTIAL;
        }
        if (types.contains("Achievement")) {
          return DocumentKind.ACHIEVEMENT;
        }
        if (types.contains("Profile")) {
          return DocumentKind.PROFILE;
        }
        throw new NotABadgeException(NOT_A_BADGE, "an OB 3.0 document of type " + types
            + ", not a credential, achievement or profile");
      default:
        for (String t : types) {
          DocumentKind k = ob2Kind(t);
          if (k != null) {
            return k;
          }
        }
        if (types.isEmpty() && root.has("recipient") && root.has("badge")) {
          return DocumentKind.ASSERTION;
        }
        throw new NotABadgeException(NOT_A_BADGE, types.isEmpty()
            ? "an OB " + version.label() + " fragment: it has no type"
            : "an OB " + version.label() + " object of type " + types + ", not a whole badge document");
    }
  }

  /**
   * An OB 1.0 BadgeClass or Issuer (no {@code @context}, no {@code type}), told apart as the 2.0
   * validator does: a badge class has {@code criteria}, an issuer a {@code url}; both a {@code name}.
   */
  private static DocumentKind legacyKind(ObjectNode root) {
    if (root.has("type") || !root.path("name").isTextual()) {
      return null;
    }
    if (root.path("criteria").isTextual() && root.has("issuer")) {
      return DocumentKind.BADGE_CLASS;
    }
    if (root.path("url").isTextual() && !root.has("criteria")) {
      return DocumentKind.PROFILE;
    }
    return null;
  }

  private static DocumentKind ob2Kind(String type) {
    String t = type;
    for (String prefix : List.of("obi:", "https://w3id.org/openbadges#", "sec:", "https://w3id.org/security#")) {
      if (t.startsWith(prefix)) {
        t = t.substring(prefix.length());
      }
    }
    switch (t) {
      case "Assertion":
        return DocumentKind.ASSERTION;
      case "BadgeClass":
        return DocumentKind.BADGE_CLASS;
      case "Issuer":
      case "IssuerOrg": // an alias the OB 1.1 context defined
      case "Profile":
        return DocumentKind.PROFILE;
      case "Endorsement":
        return DocumentKind.ENDORSEMENT;
      case "RevocationList":
        return DocumentKind.REVOCATION_LIST;
      case "CryptographicKey":
      case "Key":
        return DocumentKind.CRYPTOGRAPHIC_KEY;
      default:
        return null;
    }
  }

  /** A whole document carries the members its kind cannot do without; examples often do not. */
  private static void checkWhole(ObjectNode root, OpenBadgesVersion version, DocumentKind kind) {
    List<String> missing = new ArrayList<>();
    boolean revoked = root.path("revoked").asBoolean(false);
    switch (kind) {
      case ASSERTION:
        if (!revoked) {
          need(root, missing, "recipient", "badge");
        } else {
          need(root, missing, "id");
        }
        break;
      case BADGE_CLASS:
        need(root, missing, "name");
        if (!root.has("issuer") && !root.has("criteria")) {
          missing.add("issuer or criteria");
        }
        break;
      case PROFILE:
        // An OB 1.0 issuer has no id: it takes the URL it was served at when upgraded.
        if (version != OpenBadgesVersion.V1_0) {
          need(root, missing, "id");
        }
        break;
      case ENDORSEMENT:
        need(root, missing, "issuer");
        if (!revoked) {
          need(root, missing, version == OpenBadgesVersion.V3_0 ? "credentialSubject" : "claim");
        }
        break;
      case REVOCATION_LIST:
        need(root, missing, "revokedAssertions");
        break;
      case CRYPTOGRAPHIC_KEY:
        need(root, missing, "publicKeyPem");
        break;
      case CREDENTIAL:
      case CLR_CREDENTIAL:
      case VERIFIABLE_CREDENTIAL:
        need(root, missing, "issuer", "credentialSubject");
        break;
      case ACHIEVEMENT:
        need(root, missing, "id", "name");
        break;
      default:
        break;
    }
    if (!missing.isEmpty()) {
      throw new NotABadgeException(NOT_A_BADGE, "an OB " + version.label() + " "
          + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " fragment: it lacks " + String.join(", ", missing));
    }
  }

  private static void need(ObjectNode root, List<String> missing, String... names) {
    for (String n : names) {
      JsonNode v = root.get(n);
      if (v == null || v.isNull()) {
        missing.add(n);
      }
    }
  }

  /** Members the model reads structurally must have a usable JSON type. */
  private static void checkMemberTypes(ObjectNode root, OpenBadgesVersion version, DocumentKind kind) {
    if (version == OpenBadgesVersion.V3_0) {
      expectObjectOrString(root, "issuer");
      JsonNode subject = root.get("credentialSubject");
      if (subject != null && !subject.isObject() && !(subject.isArray() && all(subject, JsonNode::isObject))) {
        throw wrongType("credentialSubject", "an object", subject);
      }
      for (String date : List.of("validFrom", "validUntil", "issuanceDate", "expirationDate", "awardedDate")) {
        expectString(root, date);
      }
      expectObjectOrString(root, "criteria");
      return;
    }
    JsonNode recipient = root.get("recipient");
    if (recipient != null && !(recipient.isObject() || (recipient.isTextual() && version == OpenBadgesVersion.V0_5))) {
      throw wrongType("recipient", "an IdentityObject", recipient);
    }
    expectObjectOrString(root, "badge");
    expectObjectOrString(root, "issuer");
    expectObjectOrString(root, "criteria");
    JsonNode verification = root.get("verification");
    if (verification != null && !verification.isObject()) {
      throw wrongType("verification", "a VerificationObject", verification);
    }
    JsonNode claim = root.get("claim");
    if (claim != null && !claim.isObject()) {
      throw wrongType("claim", "an object", claim);
    }
    for (String date : List.of("issuedOn", "issued_on", "expires")) {
      JsonNode v = root.get(date);
      // OB 2.0 forbids Unix seconds, yet old issuers kept writing them under the v2 context; read them.
      if (v != null && !v.isTextual() && !v.isIntegralNumber()) {
        throw wrongType(date, "a date-time string", v);
      }
    }
  }

  private static void expectObjectOrString(ObjectNode root, String name) {
    JsonNode v = root.get(name);
    if (v != null && !v.isObject() && !v.isTextual()) {
      throw wrongType(name, "an IRI or an object", v);
    }
  }

  private static void expectString(ObjectNode root, String name) {
    JsonNode v = root.get(name);
    if (v != null && !v.isTextual()) {
      throw wrongType(name, "a string", v);
    }
  }

  private static boolean all(JsonNode array, java.util.function.Predicate<JsonNode> test) {
    for (JsonNode v : array) {
      if (!test.test(v)) {
        return false;
      }
    }
    return true;
  }

  private static InvalidInputException wrongType(String member, String expected, JsonNode actual) {
    return new InvalidInputException(MALFORMED, "member '" + member + "' must be " + expected + ", not " + describe(actual));
  }

  static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    switch (n.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }

  private static JsonBacked wrap(ObjectNode node, OpenBadgesVersion version, DocumentKind kind) {
    if (version == OpenBadgesVersion.V3_0) {
      switch (kind) {
        case CREDENTIAL:
          return AchievementCredential.of(node);
        case ENDORSEMENT:
          return EndorsementCredential.of(node);
        case ACHIEVEMENT:
          return Achievement.of(node);
        case CLR_CREDENTIAL:
        case VERIFIABLE_CREDENTIAL:
          return VerifiableCredential.of(node);
        default:
          return io.github.insignia.openbadges.model.ob3.Profile.of(node);
      }
    }
    switch (kind) {
      case BADGE_CLASS:
        return BadgeClass.of(node);
      case PROFILE:
        return io.github.insignia.openbadges.model.ob2.Profile.of(node);
      case ENDORSEMENT:
        return Endorsement.of(node);
      case REVOCATION_LIST:
        return RevocationList.of(node);
      case CRYPTOGRAPHIC_KEY:
        return CryptographicKey.of(node);
      default:
        return Assertion.of(node);
    }
  }
}
