package io.github.insignia.openbadges.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.NotABadgeException;
import io.github.insignia.openbadges.json.SafeJson;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import io.github.insignia.openbadges.testvectors.TestVectors;

class LinkedInAddToProfileTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  static BadgeSummary.Builder badge() {
    return BadgeSummary.builder("Ciencia & Tecnología")
        .issuerName("Universidad de Ejemplo")
        .issuedOn(Instant.parse("2025-12-31T23:30:00Z"))
        .credentialId("urn:uuid:1234")
        .publicUrl(URI.create("https://badges.example.org/b/42?lang=es"))
        .status(VerificationStatus.VERIFIED);
  }

  @Test
  void exactLinkForASimpleBadge() {
    URI link = LinkedInAddToProfile.builder(badge().build()).clock(NOW).build();
    assertEquals("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
        + "&name=Ciencia%20%26%20Tecnolog%C3%ADa&organizationName=Universidad%20de%20Ejemplo"
        + "&issueYear=2025&issueMonth=12"
        + "&certUrl=https%3A%2F%2Fbadges.example.org%2Fb%2F42%3Flang%3Des&certId=urn%3Auuid%3A1234",
        link.toString());
  }

  @Test
  void monthIsCountedInTheHostZone() {
    URI link = LinkedInAddToProfile.builder(badge().build()).clock(NOW).zone(ZoneId.of("Europe/Madrid")).build();
    assertEquals("2026", Links.one(link, "issueYear"));
    assertEquals("1", Links.one(link, "issueMonth"));
  }

  @Test
  void expiryOnlyWhenTheBadgeExpires() {
    URI without = LinkedInAddToProfile.builder(badge().build()).clock(NOW).build();
    assertFalse(Links.query(without).containsKey("expirationYear"));
    assertFalse(Links.query(without).containsKey("expirationMonth"));
    URI with = LinkedInAddToProfile.builder(badge().expires(Instant.parse("2028-03-15T00:00:00Z")).build())
        .clock(NOW).build();
    assertEquals("2028", Links.one(with, "expirationYear"));
    assertEquals("3", Links.one(with, "expirationMonth"));
  }

  @Test
  void organizationIdPreferredFromConfigurationThenIssuer() {
    BadgeSummary withIssuerId = badge().linkedInOrganizationId("777").build();
    URI fromIssuer = LinkedInAddToProfile.builder(withIssuerId).clock(NOW).build();
    assertEquals("777", Links.one(fromIssuer, "organizationId"));
    assertFalse(Links.query(fromIssuer).containsKey("organizationName"));
    URI configured = LinkedInAddToProfile.builder(withIssuerId).organizationId("123").clock(NOW).build();
    assertEquals("123", Links.one(configured, "organizationId"));
    URI named = LinkedInAddToProfile.builder(badge().build()).organizationName("Other Org").clock(NOW).build();
    assertEquals("Other Org", Links.one(named, "organizationName"));
  }

  @Test
  void badOrganizationIdAndMissingOrganizationAreTypedErrors() {
    ExportException bad = assertThrows(ExportException.class,
        () -> LinkedInAddToProfile.builder(badge().build()).organizationId("12&x=1"));
    assertEquals("LINKEDIN_ORGANIZATION_ID_INVALID", bad.code());
    ExportException missing = assertThrows(ExportException.class,
        () -> LinkedInAddToProfile.builder(badge().issuerName(null).build()).clock(NOW).build());
    assertEquals("LINKEDIN_ORGANIZATION_MISSING", missing.code());
  }

  @Test
  void refusedForRevokedExpiredAndUnverified() {
    for (VerificationStatus s : new VerificationStatus[] {
        VerificationStatus.REVOKED, VerificationStatus.EXPIRED, VerificationStatus.NOT_VERIFIED}) {
      LinkedInAddToProfile.Builder b = LinkedInAddToProfile.builder(badge().status(s).build()).clock(NOW);
      ExportRefusedException e = assertThrows(ExportRefusedException.class, b::build);
      assertEquals("BADGE_" + s.name(), e.code());
      assertEquals(Optional.of(e.reason()), b.refusal());
      assertFalse(e.getMessage().isBlank());
    }
    BadgeSummary pastExpiry = badge().expires(Instant.parse("2026-05-31T23:59:59Z")).build();
    ExportRefusedException e = assertThrows(ExportRefusedException.class,
        () -> LinkedInAddToProfile.builder(pastExpiry).clock(NOW).build());
    assertEquals(ExportRefusal.BADGE_EXPIRED, e.reason());
  }

  @Test
  void certUrlMustBeWeb() {
    ExportException e = assertThrows(ExportException.class, () -> LinkedInAddToProfile.builder(badge().build())
        .certUrl(URI.create("javascript:alert(1)")).clock(NOW).build());
    assertEquals(ExportErrorCode.URL_INVALID, e.errorCode());
  }

  @Test
  void readsAnOb3SpecExample() throws Exception {
    Path file = TestVectors.path("ob3", "ob-spec-examples",
        "examples-basicOpenBadgeCredential-01.json");
    BadgeSummary s = BadgeSummary.fromJson(SafeJson.read(Files.readAllBytes(file)), VerificationStatus.VERIFIED);
    assertEquals("Teamwork", s.name());
    assertEquals(Optional.of("Example Corp"), s.issuerName());
    URI link = LinkedInAddToProfile.builder(s).clock(NOW).build();
    assertEquals("2010", Links.one(link, "issueYear"));
    assertEquals("1", Links.one(link, "issueMonth"));
    assertEquals("http://example.com/credentials/3527", Links.one(link, "certId"));
  }

  @Test
  void readsAnOb2AssertionAndIssuerLinkedInIdentifier() {
    String ob2 = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"id\":\"https://e.org/a/1\","
        + "\"recipient\":{\"type\":\"email\",\"hashed\":false,\"identity\":\"a@e.org\"},"
        + "\"issuedOn\":1700000000,\"expires\":\"2030-01-01\","
        + "\"badge\":{\"type\":\"BadgeClass\",\"name\":\"Ob2 Badge\",\"issuer\":{\"id\":\"https://e.org/i\",\"name\":\"E Org\"}}}";
    BadgeSummary s = BadgeSummary.fromJson(SafeJson.read(ob2), VerificationStatus.VERIFIED);
    assertEquals("Ob2 Badge", s.name());
    assertEquals(Optional.of(Instant.ofEpochSecond(1700000000)), s.issuedOn());
    assertEquals(Optional.of(Instant.parse("2030-01-01T00:00:00Z")), s.expires());

    String ob3 = "{\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":\"https://e.org/i\","
        + "\"name\":\"E\",\"otherIdentifier\":[{\"type\":\"IdentifierEntry\",\"identifier\":\"https://www.linkedin.com/company/4242/\","
        + "\"identifierType\":\"identifier\"}]},\"validFrom\":\"2024-02-02T00:00:00Z\","
        + "\"credentialSubject\":{\"achievement\":{\"name\":\"X\"}}}";
    assertEquals(Optional.of("4242"),
        BadgeSummary.fromJson(SafeJson.read(ob3), VerificationStatus.VERIFIED).linkedInOrganizationId());
  }

  @Test
  void notABadgeAndBadDates() {
    assertThrows(NotABadgeException.class,
        () -> BadgeSummary.fromJson(SafeJson.read("{\"a\":1}"), VerificationStatus.VERIFIED));
    var e = assertThrows(io.github.insignia.openbadges.InvalidInputException.class, () -> BadgeSummary.fromJson(
        SafeJson.read("{\"credentialSubject\":{\"achievement\":{\"name\":\"X\"}},\"validFrom\":\"yesterday\"}"),
        VerificationStatus.VERIFIED));
    assertEquals(ExportErrorCode.BADGE_DATE_INVALID, e.errorCode());
    assertTrue(e.getMessage().contains("validFrom"));
  }
}
