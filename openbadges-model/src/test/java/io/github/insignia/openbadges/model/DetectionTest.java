package io.github.insignia.openbadges.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.ModelErrorCode;
import io.github.insignia.openbadges.InvalidInputException;
import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.model.ob2.Assertion;
import io.github.insignia.openbadges.model.ob2.BadgeClass;
import io.github.insignia.openbadges.model.ob2.CryptographicKey;
import io.github.insignia.openbadges.model.ob2.Endorsement;
import io.github.insignia.openbadges.model.ob2.RevocationList;
import io.github.insignia.openbadges.model.ob3.Achievement;
import io.github.insignia.openbadges.model.ob3.AchievementCredential;
import io.github.insignia.openbadges.model.ob3.EndorsementCredential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DetectionTest {
  static final String V2 = "\"@context\":\"https://w3id.org/openbadges/v2\",";
  static final String V3 = "\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],";

  static BadgeDocument read(String json) {
    return BadgeDocuments.read(json);
  }

  static void is(String json, OpenBadgesVersion version, DocumentKind kind, Class<? extends JsonBacked> view) {
    BadgeDocument doc = read(json);
    assertEquals(version, doc.version(), json);
    assertEquals(kind, doc.kind(), json);
    assertTrue(view.isInstance(doc.value()), doc.value().getClass().toString());
    assertTrue(doc.as(view).isPresent());
  }

  static String notABadge(String json) {
    NotABadgeException e = assertThrows(NotABadgeException.class, () -> read(json));
    assertEquals(ModelErrorCode.NOT_A_BADGE, e.errorCode());
    return e.getMessage();
  }

  @Test
  void ob05StringRecipientWithoutContext() {
    is("{\"recipient\":\"sha256$" + "a".repeat(64) + "\",\"salt\":\"x\",\"badge\":{\"name\":\"b\"}}",
        OpenBadgesVersion.V0_5, DocumentKind.ASSERTION, Assertion.class);
  }

  @Test
  void ob10ObjectRecipientWithoutContext() {
    is("{\"uid\":\"1\",\"recipient\":{\"type\":\"email\",\"hashed\":false,\"identity\":\"a@b.c\"},"
        + "\"badge\":\"https://example.org/b.json\",\"verify\":{\"type\":\"hosted\",\"url\":\"https://example.org/a.json\"},"
        + "\"issuedOn\":1370044800}", OpenBadgesVersion.V1_0, DocumentKind.ASSERTION, Assertion.class);
  }

  @Test
  void ob11ByContext() {
    is("{\"@context\":\"https://w3id.org/openbadges/v1\",\"type\":\"Assertion\",\"id\":\"https://e.org/a\","
        + "\"recipient\":{\"type\":\"email\",\"identity\":\"a@b.c\",\"hashed\":false},\"badge\":\"https://e.org/b\"}",
        OpenBadgesVersion.V1_1, DocumentKind.ASSERTION, Assertion.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "\"type\":\"Assertion\",\"id\":\"https://e.org/a\",\"recipient\":{},\"badge\":\"https://e.org/b\"|ASSERTION",
    "\"type\":[\"Assertion\",\"extensions:X\"],\"id\":\"u\",\"recipient\":{},\"badge\":{}|ASSERTION",
    "\"type\":\"obi:Assertion\",\"id\":\"u\",\"recipient\":{},\"badge\":\"b\"|ASSERTION",
    "\"type\":\"Assertion\",\"id\":\"https://e.org/a\",\"revoked\":true|ASSERTION",
    "\"type\":\"BadgeClass\",\"id\":\"u\",\"name\":\"n\",\"issuer\":\"https://e.org/i\"|BADGE_CLASS",
    "\"type\":\"Issuer\",\"id\":\"https://e.org/i\",\"name\":\"n\"|PROFILE",
    "\"type\":\"Profile\",\"id\":\"https://e.org/i\"|PROFILE",
    "\"type\":\"Endorsement\",\"id\":\"u\",\"issuer\":\"i\",\"claim\":{\"id\":\"x\"}|ENDORSEMENT",
    "\"type\":\"RevocationList\",\"id\":\"u\",\"revokedAssertions\":[]|REVOCATION_LIST",
    "\"type\":\"CryptographicKey\",\"id\":\"u\",\"publicKeyPem\":\"p\"|CRYPTOGRAPHIC_KEY",
  })
  void ob20Kinds(String members, DocumentKind kind) {
    BadgeDocument doc = read("{" + V2 + members + "}");
    assertEquals(OpenBadgesVersion.V2_0, doc.version());
    assertEquals(kind, doc.kind());
  }

  @Test
  void ob20ViewsByKind() {
    is("{" + V2 + "\"type\":\"BadgeClass\",\"name\":\"n\",\"criteria\":\"c\"}", OpenBadgesVersion.V2_0, DocumentKind.BADGE_CLASS, BadgeClass.class);
    is("{" + V2 + "\"type\":\"Issuer\",\"id\":\"i\"}", OpenBadgesVersion.V2_0, DocumentKind.PROFILE, io.github.insignia.openbadges.model.ob2.Profile.class);
    is("{" + V2 + "\"type\":\"Endorsement\",\"issuer\":\"i\",\"claim\":{}}", OpenBadgesVersion.V2_0, DocumentKind.ENDORSEMENT, Endorsement.class);
    is("{" + V2 + "\"type\":\"RevocationList\",\"revokedAssertions\":\"x\"}", OpenBadgesVersion.V2_0, DocumentKind.REVOCATION_LIST, RevocationList.class);
    is("{" + V2 + "\"type\":\"CryptographicKey\",\"publicKeyPem\":\"p\"}", OpenBadgesVersion.V2_0, DocumentKind.CRYPTOGRAPHIC_KEY, CryptographicKey.class);
  }

  @Test
  void unknownContextIsReadAsOb20AndContextArraysToo() {
    is("{\"@context\":[\"https://w3id.org/openbadges/v2\",{\"x\":\"https://x.example/x\"}],\"type\":\"Assertion\","
        + "\"recipient\":{},\"badge\":\"b\"}", OpenBadgesVersion.V2_0, DocumentKind.ASSERTION, Assertion.class);
    is("{\"@context\":\"https://openbadgespec.org/v2/context.json\",\"type\":\"Assertion\",\"recipient\":{},\"badge\":\"b\"}",
        OpenBadgesVersion.V2_0, DocumentKind.ASSERTION, Assertion.class);
  }

  @Test
  void ob30Kinds() {
    is("{" + V3 + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":\"did:web:e.org\",\"credentialSubject\":{}}",
        OpenBadgesVersion.V3_0, DocumentKind.CREDENTIAL, AchievementCredential.class);
    is("{" + V3 + "\"type\":[\"VerifiableCredential\",\"AchievementCredential\"],\"issuer\":{\"id\":\"x\"},\"credentialSubject\":{}}",
        OpenBadgesVersion.V3_0, DocumentKind.CREDENTIAL, AchievementCredential.class);
    is("{" + V3 + "\"type\":\"OpenBadgeCredential\",\"issuer\":\"x\",\"credentialSubject\":{}}",
        OpenBadgesVersion.V3_0, DocumentKind.CREDENTIAL, AchievementCredential.class);
    is("{" + V3 + "\"type\":[\"VerifiableCredential\",\"EndorsementCredential\"],\"issuer\":\"x\",\"credentialSubject\":{}}",
        OpenBadgesVersion.V3_0, DocumentKind.ENDORSEMENT, EndorsementCredential.class);
    is("{" + V3 + "\"id\":\"https://e.org/a\",\"type\":[\"Achievement\"],\"name\":\"n\"}",
        OpenBadgesVersion.V3_0, DocumentKind.ACHIEVEMENT, Achievement.class);
    is("{" + V3 + "\"id\":\"https://e.org/i\",\"type\":[\"Profile\"]}",
        OpenBadgesVersion.V3_0, DocumentKind.PROFILE, io.github.insignia.openbadges.model.ob3.Profile.class);
  }

  @Test
  void ob30Vcdm11AndOlderContextVersions() {
    BadgeDocument doc = read("{\"@context\":[\"https://www.w3.org/2018/credentials/v1\",\"https://purl.imsglobal.org/spec/ob/v3p0/context.json\"],"
        + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":\"x\"},\"issuanceDate\":\"2024-01-01T00:00:00Z\",\"credentialSubject\":{}}");
    AchievementCredential vc = doc.as(AchievementCredential.class).orElseThrow();
    assertTrue(vc.isVcdm11());
    assertEquals("2024-01-01T00:00Z", vc.validityStart().orElseThrow().toString());
    is("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"http://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json\"],"
        + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":\"x\",\"credentialSubject\":{}}",
        OpenBadgesVersion.V3_0, DocumentKind.CREDENTIAL, AchievementCredential.class);
    // A VC context and an OB type, but no OB context: still an OB 3.0 credential (its terms will not expand).
    is("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
        + "\"issuer\":\"x\",\"credentialSubject\":{}}", OpenBadgesVersion.V3_0, DocumentKind.CREDENTIAL, AchievementCredential.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{}]", "42", "\"badge\"", "true", "null", "{}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\"}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"id\":\"https://e.org/b\",\"criteria\":\"https://e.org/c\"}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"BadgeClass\",\"name\":\"only a name\"}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"id\":\"x\"}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Criteria\",\"narrative\":\"n\"}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Extension\"}",
      "{\"name\":\"no context, no criteria nor url\",\"issuer\":\"i\"}",
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"Profile\"],\"id\":\"x\"}",
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"]}",
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\"type\":[\"AchievementSubject\"]}",
      "{\"recipient\":\"a@b.c\"}",
  })
  void notWholeBadges(String json) {
    notABadge(json);
  }

  @Test
  void legacyNodesClrAndOtherCredentialsAreKindsOfTheirOwn() {
    // An OB 1.0 BadgeClass or Issuer has no context and no type: told apart as validator-core does.
    BadgeDocument badge = BadgeDocuments.read("{\"name\":\"a 1.0 badge class\",\"criteria\":\"c\",\"issuer\":\"i\"}",
        ReadOptions.builder().upgrade(true).documentUrl("https://example.org/badge").build());
    assertEquals(DocumentKind.BADGE_CLASS, badge.kind());
    assertEquals(OpenBadgesVersion.V1_0, badge.sourceVersion());
    assertEquals("https://example.org/badge", badge.json().get("id").asText());
    assertEquals("BadgeClass", badge.json().get("type").asText());
    BadgeDocument issuer = BadgeDocuments.read("{\"name\":\"Issuer\",\"url\":\"https://example.org\"}",
        ReadOptions.builder().upgrade(true).documentUrl("https://example.org/issuer").build());
    assertEquals(DocumentKind.PROFILE, issuer.kind());
    assertEquals("Issuer", issuer.json().get("type").asText());
    assertEquals("https://example.org/issuer", issuer.json().get("id").asText());
    BadgeDocument vc = BadgeDocuments.read("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
        + "\"type\":[\"VerifiableCredential\"],\"issuer\":\"x\",\"credentialSubject\":{}}");
    assertEquals(DocumentKind.VERIFIABLE_CREDENTIAL, vc.kind());
    BadgeDocument clr = BadgeDocuments.read("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
        + "\"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
        + "\"type\":[\"VerifiableCredential\",\"ClrCredential\"],\"issuer\":\"x\",\"credentialSubject\":{}}");
    assertEquals(DocumentKind.CLR_CREDENTIAL, clr.kind());
    assertTrue(clr.as(io.github.insignia.openbadges.model.ob3.VerifiableCredential.class).orElseThrow().isClr());
    assertFalse(DocumentKind.CLR_CREDENTIAL.isAward());
  }

  @Test
  void messagesSayWhatIsMissing() {
    String m = notABadge("{" + V2 + "\"type\":\"BadgeClass\",\"name\":\"n\"}");
    assertTrue(m.contains("issuer or criteria"), m);
    assertTrue(notABadge("[1]").contains("an array"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"@context\":42,\"type\":\"Assertion\"}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":7}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":[\"Assertion\",7]}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"recipient\":\"a@b.c\",\"badge\":\"b\"}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"recipient\":{},\"badge\":5}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"recipient\":{},\"badge\":\"b\",\"verification\":\"hosted\"}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"recipient\":{},\"badge\":\"b\",\"issuedOn\":true}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"BadgeClass\",\"name\":\"n\",\"issuer\":[\"i\"]}",
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Endorsement\",\"issuer\":\"i\",\"claim\":\"c\"}",
      "{\"recipient\":7,\"badge\":\"b\"}",
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\"type\":[\"OpenBadgeCredential\"],\"issuer\":\"x\",\"credentialSubject\":\"s\"}",
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\"type\":[\"OpenBadgeCredential\"],\"issuer\":5,\"credentialSubject\":{}}",
      "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\"type\":[\"OpenBadgeCredential\"],\"issuer\":\"x\",\"credentialSubject\":{},\"validFrom\":20240101}",
  })
  void wrongMemberTypesAreMalformed(String json) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(json));
    assertEquals(ModelErrorCode.BADGE_MALFORMED, e.errorCode(), e.getMessage());
    assertTrue(!(e instanceof NotABadgeException));
  }
}
