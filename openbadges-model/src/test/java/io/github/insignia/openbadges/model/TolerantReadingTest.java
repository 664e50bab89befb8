package io.github.insignia.openbadges.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.ModelErrorCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.ob2.Assertion;
import io.github.insignia.openbadges.model.ob2.BadgeClass;
import io.github.insignia.openbadges.model.ob2.Extension;
import io.github.insignia.openbadges.model.ob3.AchievementCredential;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TolerantReadingTest {
  static Assertion assertion(String members) {
    return BadgeDocuments.read("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"id\":\"urn:uuid:1\","
        + "\"recipient\":{\"type\":\"email\",\"hashed\":false,\"identity\":\"a@b.c\"},\"badge\":\"https://e.org/b\"" + members + "}")
        .as(Assertion.class).orElseThrow();
  }

  @Test
  void singleValueOrArray() {
    assertEquals(1, assertion(",\"evidence\":\"https://e.org/e\"").evidence().size());
    assertEquals(1, assertion(",\"evidence\":{\"id\":\"https://e.org/e\",\"narrative\":\"n\"}").evidence().size());
    List<Ref<io.github.insignia.openbadges.model.ob2.Evidence>> two =
        assertion(",\"evidence\":[\"https://e.org/e\",{\"narrative\":\"n\"}]").evidence();
    assertEquals(2, two.size());
    assertTrue(two.get(0).isIri());
    assertEquals(Optional.of("n"), two.get(1).embedded().orElseThrow().narrative());
    assertEquals(0, assertion("").evidence().size());
    assertEquals(0, assertion(",\"evidence\":null").evidence().size());
    BadgeClass tags = BadgeClass.of((ObjectNode) SafeJson.read("{\"tags\":\"one\"}"));
    assertEquals(List.of("one"), tags.tags());
    assertEquals(List.of("a", "b"), BadgeClass.of((ObjectNode) SafeJson.read("{\"tags\":[\"a\",5,\"b\"]}")).tags());
  }

  @Test
  void iriOrEmbeddedObject() {
    Ref<BadgeClass> iri = assertion("").badge().orElseThrow();
    assertEquals(Optional.of("https://e.org/b"), iri.iri());
    assertEquals(Optional.of("https://e.org/b"), iri.id());
    Assertion embedded = BadgeDocuments.read("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
        + "\"recipient\":{},\"badge\":{\"id\":\"https://e.org/b2\",\"type\":\"BadgeClass\",\"name\":\"B\","
        + "\"issuer\":{\"id\":\"https://e.org/i\",\"type\":\"Profile\",\"name\":\"I\"}}}").as(Assertion.class).orElseThrow();
    BadgeClass b = embedded.badge().orElseThrow().embedded().orElseThrow();
    assertEquals(Optional.of("B"), b.name());
    assertEquals(Optional.of("https://e.org/b2"), embedded.badge().orElseThrow().id());
    assertEquals(Optional.of("I"), b.issuer().orElseThrow().embedded().orElseThrow().name());
  }

  @Test
  void revocationListEntriesAreStringsOrObjects() throws java.io.IOException {
    var list = BadgeDocuments.read(java.nio.file.Files.readAllBytes(
        SpecExamplesTest.VECTORS.resolve("ob2/ob-spec-examples/examples-index-10.json")))
        .as(io.github.insignia.openbadges.model.ob2.RevocationList.class).orElseThrow();
    assertEquals(List.of("urn:uuid:3c574c87-b96f-4f06-8eb5-68a29335b60e", "urn:uuid:e79a6c18-787e-4868-8e65-e6a4530fb418"),
        list.revokedIds());
    assertEquals(3, list.revokedAssertions().size());
  }

  @Test
  void typeStringOrArray() {
    assertEquals(List.of("Assertion"), assertion("").types());
    Assertion a = BadgeDocuments.read("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":[\"Assertion\",\"extensions:Y\"],"
        + "\"recipient\":{},\"badge\":\"b\"}").as(Assertion.class).orElseThrow();
    assertEquals(List.of("Assertion", "extensions:Y"), a.types());
    assertTrue(a.hasType("extensions:Y"));
  }

  @ParameterizedTest
  @CsvSource({
    "2016-12-31T23:59:59Z, 2016-12-31T23:59:59Z",
    "2016-12-31T23:59:59z, 2016-12-31T23:59:59Z",
    "2016-12-31T23:59:59+00:00, 2016-12-31T23:59:59Z",
    "2016-12-31T23:59:59+01:00, 2016-12-31T22:59:59Z",
    "2016-12-31T23:59:59-0500, 2017-01-01T04:59:59Z",
    "2016-12-31T23:59:59+05, 2016-12-31T18:59:59Z",
    "2016-12-31T23:59:59.123456789+02:00, 2016-12-31T21:59:59.123456789Z",
    "2016-12-31T23:59:59.5Z, 2016-12-31T23:59:59.500Z",
    "2016-12-31T23:59Z, 2016-12-31T23:59:00Z",
    "2016-12-31T23:59:59, 2016-12-31T23:59:59Z",
    "2016-12-31, 2016-12-31T00:00:00Z",
    "1483228799, 2016-12-31T23:59:59Z",
  })
  void datesWithAnyOffset(String text, String instant) {
    OffsetDateTime parsed = DateTimes.parse(text).orElseThrow();
    assertEquals(java.time.Instant.parse(instant), parsed.toInstant());
    assertEquals(parsed, assertion(",\"issuedOn\":\"" + text + "\"").issuedOn().orElseThrow());
  }

  @Test
  void unixSecondsUnderTheV2ContextAreRead() {
    assertEquals(java.time.Instant.parse("2013-06-01T00:00:00Z"), assertion(",\"issuedOn\":1370044800").issuedOn().orElseThrow().toInstant());
  }

  @Test
  void offsetsAreKeptAndReportedPrecisely() {
    OffsetDateTime t = DateTimes.parse("2016-12-31T23:59:59+01:00").orElseThrow();
    assertEquals(ZoneOffset.ofHours(1), t.getOffset());
    assertEquals("2016-12-31T23:59:59+01:00", DateTimes.format(t));
    assertEquals("2016-12-31T22:59:59Z", DateTimes.format(t.toInstant()));
    assertEquals("2016-12-31T23:59:00Z", DateTimes.format(OffsetDateTime.parse("2016-12-31T23:59Z")), "seconds always written");
    assertTrue(DateTimes.hasZone("2016-12-31T23:59:59+0100"));
    assertTrue(!DateTimes.hasZone("2016-12-31T23:59:59"));
  }

  @Test
  void unreadableDatesAreEmptyAndTheMessageNamesThem() {
    assertTrue(assertion(",\"issuedOn\":\"yesterday\"").issuedOn().isEmpty());
    assertTrue(assertion(",\"issuedOn\":\"2016-13-45T00:00:00Z\"").issuedOn().isEmpty());
    var e = org.junit.jupiter.api.Assertions.assertThrows(io.github.insignia.openbadges.InvalidInputException.class,
        () -> DateTimes.parseOrThrow("issuedOn", "yesterday"));
    assertEquals(ModelErrorCode.DATE_INVALID, e.errorCode());
    assertTrue(e.getMessage().contains("issuedOn") && e.getMessage().contains("yesterday"));
  }

  @Test
  void unknownMembersAreKeptInPlace() {
    String json = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"vendor:x\":{\"deep\":[1,2.50,true]},"
        + "\"recipient\":{\"type\":\"email\",\"identity\":\"a@b.c\",\"hashed\":false,\"extra\":1},\"badge\":\"b\","
        + "\"extensions:ApplyLink\":{\"@context\":\"https://e.org/ctx.json\",\"type\":[\"Extension\",\"extensions:ApplyLink\"],\"url\":\"u\"}}";
    Assertion a = BadgeDocuments.read(json).as(Assertion.class).orElseThrow();
    assertEquals(json, a.toJson(), "byte for byte in compact form: order and number scale kept");
    assertEquals(List.of("vendor:x", "extensions:ApplyLink"), List.copyOf(a.otherMembers().keySet()));
    Extension ext = Extension.in(a).get("extensions:ApplyLink");
    assertEquals(Optional.of("https://e.org/ctx.json"), ext.contextUrl());
    // toBuilder keeps them too, and a change lands in place.
    Assertion changed = a.toBuilder().narrative("n").build();
    assertTrue(changed.toJson().contains("\"vendor:x\":{\"deep\":[1,2.50,true]}"));
    assertEquals(Optional.of("n"), changed.narrative());
  }

  @Test
  void valuesAreImmutable() {
    Assertion a = assertion("");
    ObjectNode copy = a.json();
    copy.put("id", "changed");
    assertEquals(Optional.of("urn:uuid:1"), a.id());
    assertNotSame(a.json(), a.json());
    ObjectNode source = (ObjectNode) SafeJson.read("{\"name\":\"x\"}");
    BadgeClass b = BadgeClass.of(source);
    source.put("name", "y");
    assertEquals(Optional.of("x"), b.name());
    assertEquals(b, BadgeClass.of((ObjectNode) SafeJson.read("{\"name\":\"x\"}")));
  }

  @Test
  void buildersWriteContextFirstAndTheStandardForm() {
    AchievementCredential vc = AchievementCredential.builder()
        .name("n")
        .issuer("did:web:e.org")
        .id("urn:uuid:2")
        .build();
    assertEquals(List.of("@context", "id", "type", "name", "issuer"), vc.memberNames());
    assertEquals(List.of(Contexts.VC_V2, Contexts.OB_V3), vc.contexts());
    assertEquals("[\"VerifiableCredential\",\"OpenBadgeCredential\"]", vc.member("type").orElseThrow().toString());
    BadgeClass b = BadgeClass.builder().name("x").build();
    assertEquals("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"BadgeClass\",\"name\":\"x\"}", b.toJson());
    assertEquals("{\"type\":\"BadgeClass\",\"name\":\"x\"}", b.toBuilder().noContext().build().toJson());
    AchievementCredential v11 = AchievementCredential.builderVcdm11().issuanceDate(OffsetDateTime.parse("2024-01-01T00:00:00Z")).build();
    assertTrue(v11.isVcdm11());
    assertEquals("2024-01-01T00:00:00Z", v11.member("issuanceDate").orElseThrow().asText());
  }

  @Test
  void builderListsAndRemoval() {
    Assertion a = Assertion.builder()
        .addEvidence("https://e.org/1")
        .addEvidence(io.github.insignia.openbadges.model.ob2.Evidence.builder().narrative("n").build())
        .member("vendor", SafeJson.nodeFactory().textNode("v"))
        .build();
    assertEquals(2, a.evidence().size());
    assertEquals(Optional.of("v"), a.member("vendor").map(n -> n.asText()));
    assertTrue(a.toBuilder().remove("vendor").build().member("vendor").isEmpty());
    assertTrue(a.toBuilder().evidence(List.of()).build().evidence().isEmpty());
  }
}
