package io.github.insignia.openbadges.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.Contexts;
import io.github.insignia.openbadges.model.DateTimes;
import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.model.OpenBadgesVersion;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Upgrades OB 0.5, 1.0 and 1.1 documents to OB 2.0 the way validator-core does (spec digest §1.8
 * step 6). Unknown members are carried over unchanged. Not API.
 */
public final class Upgrader {
  private static final JsonNodeFactory NODES = SafeJson.nodeFactory();

  private Upgrader() {}

  /** A new OB 2.0 object; the input is not modified. */
  public static ObjectNode toV2(ObjectNode in, OpenBadgesVersion from, DocumentKind kind) {
    return toV2(in, from, kind, null);
  }

  /**
   * A new OB 2.0 object; the input is not modified. {@code documentUrl} (nullable) is where the
   * document was served: a node without an id takes it, as the 2.0 validator's upgrade does.
   */
  public static ObjectNode toV2(ObjectNode in, OpenBadgesVersion from, DocumentKind kind, String documentUrl) {
    ObjectNode out;
    switch (from) {
      case V0_5:
        out = from05(in);
        break;
      case V1_0:
        out = kind == DocumentKind.ASSERTION ? from10(in) : node10(in, kind);
        break;
      case V1_1:
        out = kind == DocumentKind.BADGE_CLASS ? badgeClass(in) : from11(in);
        break;
      default:
        return in.deepCopy();
    }
    if (!out.hasNonNull("id") && documentUrl != null) {
      // The id first, as in the documents the 2.0 validator writes.
      ObjectNode withId = NODES.objectNode();
      out.fields().forEachRemaining(e -> {
        withId.set(e.getKey(), e.getValue());
        if ("type".equals(e.getKey())) {
          withId.put("id", documentUrl);
        }
      });
      if (!withId.has("id")) {
        withId.put("id", documentUrl);
      }
      out = withId;
    }
    return out;
  }

  /** An OB 1.0 BadgeClass or Issuer: the v2 context, its type; the id is where it was served. */
  private static ObjectNode node10(ObjectNode in, DocumentKind kind) {
    ObjectNode out = NODES.objectNode();
    out.put("@context", Contexts.OB_V2);
    out.put("type", kind == DocumentKind.BADGE_CLASS ? "BadgeClass" : "Issuer");
    ObjectNode rest = kind == DocumentKind.BADGE_CLASS ? badgeClass(in) : in;
    copyRest(rest, out, Set.of("@context", "type"));
    return out;
  }

  private static ObjectNode from05(ObjectNode in) {
    ObjectNode out = NODES.objectNode();
    out.put("@context", Contexts.OB_V2);
    out.put("type", "Assertion");
    String recipient = in.path("recipient").asText();
    ObjectNode identity = out.putObject("recipient");
    identity.put("type", "email");
    identity.put("hashed", !recipient.contains("@"));
    identity.put("identity", recipient);
    if (in.path("salt").isTextual()) {
      identity.put("salt", in.get("salt").textValue());
    }
    JsonNode badge = in.get("badge");
    String origin = badge == null ? null : textOrNull(badge.path("issuer").path("origin"));
    out.set("badge", badge instanceof ObjectNode b ? badgeFrom05(b, origin) : badge.deepCopy());
    out.set("verification", NODES.objectNode().put("type", "HostedBadge"));
    if (in.has("issued_on")) {
      out.set("issuedOn", date(in.get("issued_on")));
    }
    if (in.has("expires")) {
      out.set("expires", date(in.get("expires")));
    }
    if (in.path("evidence").isTextual()) {
      out.put("evidence", resolve(origin, in.get("evidence").textValue()));
    }
    copyRest(in, out, Set.of("recipient", "salt", "badge", "issued_on", "expires", "evidence"));
    return out;
  }

  private static ObjectNode badgeFrom05(ObjectNode b, String origin) {
    ObjectNode out = NODES.objectNode();
    out.put("type", "BadgeClass");
    // 0.5 nodes have no ids; the 2.0 validator's JSON-LD flattening names them as blank nodes.
    out.put("id", b.path("id").isTextual() ? b.get("id").textValue() : "_:b0");
    copy(b, out, "name");
    copy(b, out, "description");
    if (b.path("image").isTextual()) {
      out.put("image", resolve(origin, b.get("image").textValue()));
    }
    if (b.path("criteria").isTextual()) {
      out.put("criteria", resolve(origin, b.get("criteria").textValue()));
    }
    JsonNode issuer = b.get("issuer");
    if (issuer instanceof ObjectNode i) {
      ObjectNode profile = out.putObject("issuer");
      profile.put("type", "Profile");
      profile.put("id", i.path("id").isTextual() ? i.get("id").textValue() : "_:b1");
      // As validator-core: "name: org" when an org is given; origin → url, contact → email when set.
      if (i.path("name").isTextual() && i.path("org").isTextual() && !i.get("org").textValue().isEmpty()) {
        profile.put("name", i.get("name").textValue() + ": " + i.get("org").textValue());
      } else {
        copy(i, profile, "name");
      }
      if (i.hasNonNull("origin") && !i.hasNonNull("url")) {
        profile.set("url", i.get("origin").deepCopy());
      }
      if (i.hasNonNull("contact") && !i.hasNonNull("email")) {
        profile.set("email", i.get("contact").deepCopy());
      }
      copyRest(i, profile, Set.of("name", "origin", "contact", "org"));
    }
    copyRest(b, out, Set.of("name", "description", "image", "criteria", "issuer"));
    return out;
  }

  private static ObjectNode from10(ObjectNode in) {
    ObjectNode out = NODES.objectNode();
    out.put("@context", Contexts.OB_V2);
    out.put("type", "Assertion");
    JsonNode verify = in.path("verify");
    String verifyType = textOr(verify.path("type"), "hosted");
    String verifyUrl = textOrNull(verify.path("url"));
    boolean signed = "signed".equalsIgnoreCase(verifyType) || "SignedBadge".equals(verifyType);
    if (!signed && verifyUrl != null) {
      out.put("id", verifyUrl);
    } else if (signed && in.path("uid").isTextual()) {
      // A hosted 1.0 assertion without verify.url takes the URL it was served at (toV2).
      out.put("id", "uid:" + in.get("uid").textValue());
    }
    upgradeCommon(in, out);
    return out;
  }

  private static ObjectNode from11(ObjectNode in) {
    ObjectNode out = NODES.objectNode();
    out.set("@context", context(in.get("@context")));
    if ("IssuerOrg".equals(in.path("type").asText(null))) {
      out.put("type", "Issuer"); // an alias of the OB 1.1 context
    }
    upgradeCommon(in, out);
    return out;
  }

  /** Members 1.0 and 1.1 share: dates, verify → verification, embedded badge class alignment. */
  private static void upgradeCommon(ObjectNode in, ObjectNode out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode v = e.getValue();
      switch (name) {
        case "@context":
          break;
        case "issuedOn":
        case "expires":
          out.set(name, date(v));
          break;
        case "verify":
        case "verification":
          out.set("verification", verification(v));
          break;
        case "badge":
          out.set(name, v instanceof ObjectNode b ? badgeClass(b) : v.deepCopy());
          break;
        default:
          if (!out.has(name)) {
            out.set(name, v.deepCopy());
          }
      }
    }
  }

  private static JsonNode verification(JsonNode v) {
    if (!(v instanceof ObjectNode o)) {
      return v.deepCopy();
    }
    ObjectNode out = NODES.objectNode();
    String type = textOr(o.path("type"), "hosted");
    boolean signed = "signed".equalsIgnoreCase(type) || "SignedBadge".equals(type);
    out.put("type", signed ? "SignedBadge" : "HostedBadge");
    if (signed && o.path("url").isTextual() && !o.has("creator")) {
      out.put("creator", o.get("url").textValue());
    }
    copyRest(o, out, Set.of("type", "url"));
    return out;
  }

  private static ObjectNode badgeClass(ObjectNode b) {
    ObjectNode out = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if ("@context".equals(e.getKey())) {
        out.set("@context", context(e.getValue()));
      } else if ("alignment".equals(e.getKey())) {
        out.set("alignment", alignment(e.getValue()));
      } else {
        out.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return out;
  }

  private static JsonNode alignment(JsonNode v) {
    if (v instanceof ObjectNode o) {
      ObjectNode out = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String n = switch (e.getKey()) {
          case "name" -> "targetName";
          case "url" -> "targetUrl";
          case "description" -> "targetDescription";
          default -> e.getKey();
        };
        out.set(n, e.getValue().deepCopy());
      }
      return out;
    }
    if (v instanceof ArrayNode a) {
      ArrayNode out = NODES.arrayNode();
      a.forEach(x -> out.add(alignment(x)));
      return out;
    }
    return v.deepCopy();
  }

  private static JsonNode context(JsonNode v) {
    if (v == null || v.isTextual()) {
      return NODES.textNode(Contexts.OB_V2);
    }
    if (v instanceof ArrayNode a) {
      ArrayNode out = NODES.arrayNode();
      a.forEach(x -> out.add(x.isTextual() && x.textValue().contains("openbadges/v1") ? NODES.textNode(Contexts.OB_V2) : x.deepCopy()));
      return out;
    }
    return v.deepCopy();
  }

  /** Unix seconds and dates without time or zone become ISO 8601 UTC; others stay as written. */
  static JsonNode date(JsonNode v) {
    if (v.isTextual() && DateTimes.hasZone(v.textValue())) {
      return v.deepCopy();
    }
    String text = v.isIntegralNumber() ? v.asText() : v.isTextual() ? v.textValue() : null;
    return Members.parseDateTime(text)
        .<JsonNode>map(d -> NODES.textNode(DateTimes.format(d)))
        .orElse(v.deepCopy());
  }

  private static String textOrNull(JsonNode v) {
    return v.isTextual() ? v.textValue() : null;
  }

  private static String textOr(JsonNode v, String fallback) {
    return v.isTextual() ? v.textValue() : fallback;
  }

  private static String resolve(String origin, String url) {
    if (origin == null || url.contains(":")) {
      return url;
    }
    try {
      return URI.create(origin).resolve(url).toString();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static void copy(ObjectNode from, ObjectNode to, String name) {
    if (from.has(name)) {
      to.set(name, from.get(name).deepCopy());
    }
  }

  private static void copyRest(ObjectNode from, ObjectNode to, Set<String> skip) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!skip.contains(e.getKey()) && !to.has(e.getKey())) {
        to.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }
}
