package io.github.insignia.openbadges.signing.rdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of OB 3.0 credentials and proof configurations: mostly well-formed (what real
 * badges look like, with every optional member now and then), sometimes with the things that make
 * a processor take another branch or fail (undefined terms, relative IRIs, numbers, nulls, empty
 * objects, odd strings, compact IRIs, keyword keys, nested contexts).
 */
final class CredentialGenerator {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<List<String>> CONTEXTS =
      List.of(
          List.of(
              "https://www.w3.org/ns/credentials/v2",
              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
          List.of(
              "https://www.w3.org/ns/credentials/v2",
              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
              "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"),
          List.of(
              "https://www.w3.org/ns/credentials/v2",
              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"),
          List.of(
              "https://www.w3.org/2018/credentials/v1",
              "https://purl.imsglobal.org/spec/ob/v3p0/context.json"),
          List.of(
              "https://www.w3.org/2018/credentials/v1",
              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
              "https://w3id.org/security/data-integrity/v2"));

  private final Random random;
  private int depth;
  private final double weirdness;

  CredentialGenerator(long seed, double weirdness) {
    this.random = new Random(seed);
    this.weirdness = weirdness;
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private boolean weird() {
    return chance(weirdness);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  ObjectNode credential() {
    ObjectNode c = F.objectNode();
    List<String> contexts = pick(CONTEXTS);
    ArrayNode context = c.putArray("@context");
    contexts.forEach(context::add);
    if (weird()) {
      context.add(pick(List.of("https://example.org/unpinned.json", "https://w3id.org/security/multikey/v1")));
    }
    boolean v2 = contexts.get(0).endsWith("/v2");
    if (!chance(0.1)) {
      c.put("id", iri());
    }
    ArrayNode type = c.putArray("type");
    type.add("VerifiableCredential");
    type.add(pick(List.of("OpenBadgeCredential", "AchievementCredential")));
    if (weird()) {
      type.add(pick(List.of("ExtraType", "https://example.org/types#Custom")));
    }
    c.set("issuer", chance(0.2) ? F.textNode(iri()) : profile(2));
    c.put(v2 ? "validFrom" : "issuanceDate", dateTime());
    if (chance(0.5)) {
      c.put(v2 ? "validUntil" : "expirationDate", dateTime());
    }
    c.put("name", text());
    if (chance(0.6)) {
      c.put("description", text());
    }
    if (chance(0.3)) {
      c.set("image", image());
    }
    if (chance(0.3)) {
      c.put("awardedDate", dateTime());
    }
    c.set("credentialSubject", subject());
    if (chance(0.3)) {
      ArrayNode evidence = c.putArray("evidence");
      for (int i = random.nextInt(3); i >= 0; i--) {
        ObjectNode e = evidence.addObject();
        if (chance(0.5)) {
          e.put("id", iri());
        }
        e.putArray("type").add("Evidence");
        e.put("name", text());
        if (chance(0.5)) {
          e.put("genre", text());
        }
        if (chance(0.5)) {
          e.put("narrative", text());
        }
      }
    }
    if (chance(0.3)) {
      ObjectNode schema = c.putArray("credentialSchema").addObject();
      schema.put("id", "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json");
      schema.put("type", "1EdTechJsonSchemaValidator2019");
    }
    if (chance(0.2)) {
      c.set("endorsement", F.arrayNode());
    } else if (chance(0.15) && depth < 1) {
      // an embedded credential with its own (URL) context, as endorsements are
      depth++;
      ObjectNode endorsement = credential();
      depth--;
      endorsement.putArray("type").add("VerifiableCredential").add("EndorsementCredential");
      c.putArray("endorsement").add(endorsement);
    }
    if (chance(0.3)) {
      c.set("proof", proof(false));
    }
    sprinkle(c, 0);
    return c;
  }

  ObjectNode proofConfig() {
    ObjectNode p = proof(true);
    ArrayNode context = p.putArray("@context");
    pick(CONTEXTS).forEach(context::add);
    return p;
  }

  private ObjectNode proof(boolean config) {
    ObjectNode p = F.objectNode();
    if (chance(0.2)) {
      p.put("id", "urn:uuid:" + new BigInteger(64, random));
    }
    p.put("type", "DataIntegrityProof");
    p.put("cryptosuite", pick(List.of("eddsa-rdfc-2022", "ecdsa-rdfc-2019")));
    p.put("created", dateTime());
    p.put("verificationMethod", "did:key:z6Mk" + new BigInteger(120, random).toString(36) + "#key");
    p.put("proofPurpose", pick(List.of("assertionMethod", "authentication")));
    if (chance(0.3)) {
      p.put("challenge", text());
    }
    if (chance(0.3)) {
      p.put("domain", iri());
    }
    if (chance(0.2)) {
      p.put("expires", dateTime());
    }
    if (!config) {
      p.put("proofValue", "z" + new BigInteger(300, random).toString(36));
    }
    return p;
  }

  private ObjectNode subject() {
    ObjectNode s = F.objectNode();
    if (chance(0.7)) {
      s.put("id", pick(List.of("did:example:" + random.nextInt(1000), iri())));
    }
    s.putArray("type").add("AchievementSubject");
    s.set("achievement", achievement());
    if (chance(0.3)) {
      ArrayNode results = s.putArray("result");
      for (int i = random.nextInt(2); i >= 0; i--) {
        ObjectNode r = results.addObject();
        r.put("type", "Result");
        r.put("value", text());
        if (chance(0.5)) {
          r.put("status", pick(List.of("Completed", "Enrolled")));
        }
        if (chance(0.3)) {
          r.put("resultDescription", iri());
        }
      }
    }
    if (chance(0.3)) {
      ObjectNode identifier = s.putArray("identifier").addObject();
      identifier.put("type", "IdentityObject");
      identifier.put("hashed", random.nextBoolean());
      identifier.put("identityHash", text());
      identifier.put("identityType", "emailAddress");
      identifier.put("salt", text());
    }
    if (chance(0.2)) {
      s.put("creditsEarned", random.nextInt(10));
    }
    if (chance(0.2)) {
      s.put("activityStartDate", dateTime());
    }
    return s;
  }

  private ObjectNode achievement() {
    ObjectNode a = F.objectNode();
    a.put("id", iri());
    a.putArray("type").add("Achievement");
    a.put("name", text());
    a.put("description", text());
    ObjectNode criteria = a.putObject("criteria");
    if (chance(0.3)) {
      criteria.put("id", iri());
    }
    if (chance(0.9)) {
      criteria.put("narrative", text());
    }
    if (chance(0.4)) {
      a.set("image", image());
    }
    if (chance(0.4)) {
      a.put("achievementType", pick(List.of("Badge", "Certificate", "ext:Custom")));
    }
    if (chance(0.4)) {
      ArrayNode tags = a.putArray("tag");
      for (int i = random.nextInt(4); i >= 0; i--) {
        tags.add(text());
      }
    }
    if (chance(0.4)) {
      ArrayNode alignments = a.putArray("alignment");
      for (int i = random.nextInt(3); i >= 0; i--) {
        ObjectNode al = alignments.addObject();
        al.putArray("type").add("Alignment");
        al.put("targetName", text());
        al.put("targetUrl", iri());
        if (chance(0.5)) {
          al.put("targetType", pick(List.of("CFItem", "ceasn:Competency")));
        }
        if (chance(0.5)) {
          al.put("targetCode", text());
        }
      }
    }
    if (chance(0.3)) {
      a.set("creator", profile(1));
    }
    if (chance(0.2)) {
      a.put("creditsAvailable", chance(0.5) ? F.numberNode(3) : F.numberNode(new BigDecimal("2.5")));
    }
    if (chance(0.2)) {
      a.put("humanCode", text());
    }
    if (chance(0.2)) {
      a.put("inLanguage", pick(List.of("en", "fr-CA")));
    }
    if (chance(0.2)) {
      a.put("version", "1." + random.nextInt(5));
    }
    if (chance(0.2)) {
      ArrayNode rds = a.putArray("resultDescription");
      ObjectNode rd = rds.addObject();
      rd.put("id", iri());
      rd.putArray("type").add("ResultDescription");
      rd.put("name", text());
      rd.put("resultType", pick(List.of("Status", "LetterGrade", "ext:Points")));
      if (chance(0.5)) {
        rd.putArray("allowedValue").add("A").add("B");
      }
    }
    return a;
  }

  private JsonNode profile(int depth) {
    ObjectNode p = F.objectNode();
    p.put("id", iri());
    p.putArray("type").add("Profile");
    p.put("name", text());
    if (chance(0.5)) {
      p.put("url", iri());
    }
    if (chance(0.3)) {
      p.put("email", "someone@example.org");
    }
    if (chance(0.3)) {
      p.set("image", image());
    }
    if (chance(0.2)) {
      ObjectNode address = p.putObject("address");
      address.putArray("type").add("Address");
      address.put("addressCountry", "Canada");
      if (chance(0.5)) {
        ObjectNode geo = address.putObject("geo");
        geo.put("type", "GeoCoordinates");
        geo.put("latitude", chance(0.5) ? F.numberNode(45) : F.numberNode(new BigDecimal("45.5")));
        geo.put("longitude", -73);
      }
    }
    if (depth > 1 && chance(0.2)) {
      p.set("parentOrg", profile(depth - 1));
    }
    return p;
  }

  private JsonNode image() {
    if (chance(0.4)) {
      return F.textNode(iri() + ".png");
    }
    ObjectNode i = F.objectNode();
    i.put("id", chance(0.8) ? iri() + ".png" : "data:image/png;base64,iVBORw0KGgo=");
    i.put("type", "Image");
    if (chance(0.5)) {
      i.put("caption", text());
    }
    return i;
  }

  private String iri() {
    if (weird()) {
      return pick(List.of("relative/path", "https://example.org/a b", "urn:x:{y}", "_:b7", "ex:thing"));
    }
    return pick(
        List.of(
            "https://example.org/" + random.nextInt(50),
            "urn:uuid:" + new BigInteger(64, random).toString(16),
            "did:web:example.edu",
            "https://example.edu/issuers/565049#z6MkjZRZ",
            "http://example.com/path?q=1&r=%20"));
  }

  private String dateTime() {
    return (2000 + random.nextInt(30)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9) + "T12:00:00Z";
  }

  private String text() {
    if (weird()) {
      return pick(
          List.of(
              "quote \" backslash \\ newline \n tab \t cr \r",
              "unicode é ü 中文 😀",
              "control \u0001\u007f",
              "",
              "   spaces   "));
    }
    return pick(List.of("Teamwork", "Data Science 101", "An achievement", "Badge " + random.nextInt(99)));
  }

  /** Adds, with probability {@code weirdness}, a member that exercises another branch. */
  private void sprinkle(ObjectNode node, int depth) {
    if (weird()) {
      switch (random.nextInt(14)) {
        case 0 -> node.put("undefinedTerm", "x");
        case 1 -> node.put("https://example.org/ext#prop", "absolute key");
        case 2 -> node.putNull("description");
        case 3 -> node.putObject("image");
        case 4 -> node.put("name", 12);
        case 5 -> node.put("name", 1.5);
        case 6 -> node.put("name", true);
        case 7 -> node.putArray("name").add("a").add("b").addNull();
        case 8 -> node.putArray("name").addArray().add("nested");
        case 9 -> node.putObject("@context").put("extra", "https://example.org/extra");
        case 10 -> node.putObject("name").put("@value", "value object");
        case 11 -> node.put("@id", "urn:x:y");
        case 12 -> node.put("validFrom", 2020);
        default -> node.put("name", new BigInteger("1000000000000000000000"));
      }
    }
    if (depth < 2) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getValue() instanceof ObjectNode child && !e.getKey().equals("@context")) {
                  sprinkle(child, depth + 1);
                }
              });
    }
  }
}
