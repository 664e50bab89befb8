package io.github.insignia.openbadges.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.ob2.Assertion;
import io.github.insignia.openbadges.model.ob2.BadgeClass;
import io.github.insignia.openbadges.model.ob2.IdentityObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpgradeTest {
  static final ReadOptions UPGRADE = ReadOptions.builder().upgrade(true).build();

  static BadgeDocument upgrade(String json) {
    BadgeDocument doc = BadgeDocuments.read(json, UPGRADE);
    assertEquals(OpenBadgesVersion.V2_0, doc.version());
    assertEquals(DocumentKind.ASSERTION, doc.kind());
    // The upgraded form is itself a stable OB 2.0 document.
    BadgeDocument again = BadgeDocuments.read(doc.toJson(), UPGRADE);
    assertEquals(OpenBadgesVersion.V2_0, again.sourceVersion());
    assertEquals(doc.json(), again.json());
    return doc;
  }

  @Test
  void ob05() {
    BadgeDocument doc = upgrade("{\"recipient\":\"sha256$" + "ab".repeat(32) + "\",\"salt\":\"pepper\","
        + "\"issued_on\":\"2013-06-01\",\"evidence\":\"/evidence/1\",\"x-vendor\":1,"
        + "\"badge\":{\"version\":\"0.5.0\",\"name\":\"Old\",\"image\":\"/img.png\",\"description\":\"d\",\"criteria\":\"/c\","
        + "\"issuer\":{\"origin\":\"https://issuer.example\",\"name\":\"Issuer\",\"org\":\"Org\",\"contact\":\"i@issuer.example\"}}}");
    assertEquals(OpenBadgesVersion.V0_5, doc.sourceVersion());
    assertTrue(doc.upgraded());
    Assertion a = doc.as(Assertion.class).orElseThrow();
    assertEquals(java.util.List.of("Assertion"), a.types());
    assertEquals(Optional.of(Contexts.OB_V2), a.member("@context").map(JsonNode::asText));
    IdentityObject r = a.recipient().orElseThrow();
    assertEquals(Optional.of("email"), r.identityType());
    assertEquals(Optional.of(true), r.hashed());
    assertEquals(Optional.of("pepper"), r.salt());
    assertEquals("2013-06-01T00:00Z", a.issuedOn().orElseThrow().toString());
    assertEquals(Optional.of("2013-06-01T00:00:00Z"), a.member("issuedOn").map(JsonNode::asText));
    assertFalse(a.has("issued_on"));
    assertEquals(Optional.of("HostedBadge"), a.verification().orElseThrow().types().stream().findFirst());
    assertEquals("https://issuer.example/evidence/1", a.evidence().get(0).iri().orElseThrow());
    BadgeClass b = a.badge().orElseThrow().embedded().orElseThrow();
    assertEquals(Optional.of("https://issuer.example/img.png"), b.image().flatMap(Ref::iri));
    var issuer = b.issuer().orElseThrow().embedded().orElseThrow();
    assertEquals(Optional.of("https://issuer.example"), issuer.url());
    assertEquals(Optional.of("i@issuer.example"), issuer.email());
    assertEquals(Optional.of(SafeJson.nodeFactory().numberNode(1)), a.member("x-vendor").map(n -> (JsonNode) n));
  }

  @Test
  void ob05PlaintextRecipient() {
    Assertion a = upgrade("{\"recipient\":\"ada@example.org\",\"badge\":{\"name\":\"x\"}}").as(Assertion.class).orElseThrow();
    assertEquals(Optional.of(false), a.recipient().orElseThrow().hashed());
    assertTrue(RecipientIdentity.matches(a.recipient().orElseThrow(), "Ada@example.org"));
  }

  @Test
  void ob10Hosted() {
    Assertion a = upgrade("{\"uid\":\"abc\",\"recipient\":{\"type\":\"email\",\"hashed\":false,\"identity\":\"a@b.c\"},"
        + "\"badge\":\"https://e.org/b.json\",\"verify\":{\"type\":\"hosted\",\"url\":\"https://e.org/a.json\"},"
        + "\"issuedOn\":1370044800,\"expires\":\"2014-06-01\"}").as(Assertion.class).orElseThrow();
    assertEquals(Optional.of("https://e.org/a.json"), a.id());
    assertEquals(Optional.of("2013-06-01T00:00:00Z"), a.member("issuedOn").map(JsonNode::asText));
    assertEquals(Optional.of("2014-06-01T00:00:00Z"), a.member("expires").map(JsonNode::asText));
    assertEquals(java.util.List.of("HostedBadge"), a.verification().orElseThrow().types());
    assertFalse(a.has("verify"));
    assertEquals(Optional.of("https://e.org/b.json"), a.badge().orElseThrow().iri());
  }

  @Test
  void ob10Signed() {
    Assertion a = upgrade("{\"uid\":\"abc\",\"recipient\":{\"type\":\"email\",\"hashed\":false,\"identity\":\"a@b.c\"},"
        + "\"badge\":\"https://e.org/b.json\",\"verify\":{\"type\":\"signed\",\"url\":\"https://e.org/key.pem\"},"
        + "\"issuedOn\":\"2013-06-01T10:00:00\"}").as(Assertion.class).orElseThrow();
    assertEquals(Optional.of("uid:abc"), a.id());
    assertEquals(java.util.List.of("SignedBadge"), a.verification().orElseThrow().types());
    assertEquals(Optional.of("https://e.org/key.pem"), a.verification().orElseThrow().creator());
    assertEquals(Optional.of("2013-06-01T10:00:00Z"), a.member("issuedOn").map(JsonNode::asText));
  }

  @Test
  void ob11() {
    BadgeDocument doc = upgrade("{\"@context\":\"https://w3id.org/openbadges/v1\",\"type\":\"Assertion\",\"id\":\"https://e.org/a\","
        + "\"recipient\":{\"type\":\"email\",\"hashed\":false,\"identity\":\"a@b.c\"},"
        + "\"badge\":{\"@context\":\"https://w3id.org/openbadges/v1\",\"type\":\"BadgeClass\",\"name\":\"n\","
        + "\"alignment\":[{\"name\":\"Std\",\"url\":\"https://std.example\",\"description\":\"d\"}]},"
        + "\"verify\":{\"type\":\"hosted\",\"url\":\"https://e.org/a\"},\"issuedOn\":\"2016-12-31T23:59:59+01:00\"}");
    assertEquals(OpenBadgesVersion.V1_1, doc.sourceVersion());
    Assertion a = doc.as(Assertion.class).orElseThrow();
    assertEquals(Optional.of(Contexts.OB_V2), a.member("@context").map(JsonNode::asText));
    assertEquals(Optional.of("2016-12-31T23:59:59+01:00"), a.member("issuedOn").map(JsonNode::asText), "zoned dates stay as written");
    BadgeClass b = a.badge().orElseThrow().embedded().orElseThrow();
    assertEquals(Optional.of(Contexts.OB_V2), b.member("@context").map(JsonNode::asText));
    assertEquals(Optional.of("Std"), b.alignment().get(0).targetName());
    assertEquals(Optional.of("https://std.example"), b.alignment().get(0).targetUrl());
    assertEquals(Optional.of("d"), b.alignment().get(0).targetDescription());
    assertEquals(java.util.List.of("HostedBadge"), a.verification().orElseThrow().types());
  }

  @Test
  void ob11BadgeClass() {
    BadgeDocument doc = BadgeDocuments.read("{\"@context\":\"https://w3id.org/openbadges/v1\",\"type\":\"BadgeClass\",\"id\":\"https://e.org/b\","
        + "\"name\":\"n\",\"issuer\":\"https://e.org/i\",\"alignment\":{\"name\":\"Std\",\"url\":\"https://std.example\"}}", UPGRADE);
    assertEquals(DocumentKind.BADGE_CLASS, doc.kind());
    assertEquals(OpenBadgesVersion.V2_0, doc.version());
    BadgeClass b = doc.as(BadgeClass.class).orElseThrow();
    assertEquals(Optional.of(Contexts.OB_V2), b.member("@context").map(JsonNode::asText));
    assertEquals(Optional.of("Std"), b.alignment().get(0).targetName());
  }

  @Test
  void withoutTheOptionNothingChanges() {
    String json = "{\"recipient\":\"a@b.c\",\"badge\":{\"name\":\"x\"}}";
    BadgeDocument doc = BadgeDocuments.read(json);
    assertEquals(OpenBadgesVersion.V0_5, doc.version());
    assertFalse(doc.upgraded());
    assertEquals(SafeJson.read(json), doc.json());
  }

  @Test
  void ob20AndOb30AreNotTouchedByUpgrade() {
    String v2 = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"recipient\":{},\"badge\":\"b\",\"issuedOn\":\"2016-12-31\"}";
    BadgeDocument doc = BadgeDocuments.read(v2, UPGRADE);
    assertFalse(doc.upgraded());
    assertEquals(SafeJson.read(v2), doc.json());
  }
}
