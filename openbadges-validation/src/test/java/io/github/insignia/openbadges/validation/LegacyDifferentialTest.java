package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.DocumentKind;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Differential tests against openbadges-validator-core (the OB 2.0 reference validator): its own
 * legacy test badges (vendored under {@code upstream/validator-core}, see the NOTICE there) served
 * offline from preloaded resources, with the verdict and version its tests assert.
 */
class LegacyDifferentialTest {
  private static final String DIR = "upstream/validator-core/";

  private static byte[] resource(String name) {
    try (InputStream in = LegacyDifferentialTest.class.getResourceAsStream(DIR + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String name) {
    return new String(resource(name + ".json"), StandardCharsets.UTF_8);
  }

  private static VerificationReport verify(PreloadedResources resources, String input) {
    VerificationOptions options = VerificationOptions.builder().offline(true).resources(resources)
        .at(Instant.parse("2026-06-01T00:00:00Z")).build();
    return BadgeVerifier.create(options).verify(input);
  }

  /** The OB 1.0 assertion {@code file} served at {@code url}, with validator-core's badge class, issuer and image. */
  private static PreloadedResources ob10(String url, String file) {
    return PreloadedResources.builder()
        .put(url, "application/json", resource(file))
        .put("http://a.com/badgeclass", "application/json", resource("1_0_basic_badgeclass.json"))
        .put("http://a.com/issuer", "application/json", resource("1_0_basic_issuer.json"))
        .put("http://a.com/badgeclass_image", "image/png", resource("public_domain_heart.png"))
        .build();
  }

  /** validator-core's basic assertion, badge class, issuer and images of one version ({@code 1_1}, {@code 2_0}). */
  private static PreloadedResources basic(String version) {
    return PreloadedResources.builder()
        .put("https://example.org/beths-robotics-badge.json", "application/json", resource(version + "_basic_assertion.json"))
        .put("https://example.org/robotics-badge.json", "application/json", resource(version + "_basic_badgeclass.json"))
        .put("https://example.org/organization.json", "application/json", resource(version + "_basic_issuer.json"))
        .put("https://example.org/robotics-badge.png", "image/png", resource("public_domain_heart.png"))
        .put("https://example.org/beths-robot-badge.png", "image/png", resource("public_domain_heart.png"))
        .build();
  }

  private static void agrees(VerificationReport r, Verdict upstream, String version) {
    assertEquals(upstream, r.verdict(), r::toJson);
    assertEquals(version, r.version().orElseThrow(), r::toJson);
  }

  @Test
  void ob10AssertionBadgeClassAndIssuerUpgradeAndVerifyAsHosted() {
    // full_validate_1_0_to_2_0_conversion: the assertion at verify.url, its badge class and issuer.
    PreloadedResources served = ob10("http://a.com/instance3", "1_0_basic_assertion_with_extra_properties.json");
    VerificationReport byUrl = verify(served, "http://a.com/instance3");
    agrees(byUrl, Verdict.VALID, "1.0");
    assertEquals(DocumentKind.ASSERTION, byUrl.kind().orElseThrow());
    // The JSON alone: its verify.url is the hosted copy.
    agrees(verify(served, text("1_0_basic_assertion_with_extra_properties")), Verdict.VALID, "1.0");
    // The 1.0 badge class and issuer on their own (no id: they take the URL they are served at).
    VerificationReport badge = verify(served, "http://a.com/badgeclass");
    agrees(badge, Verdict.VALID, "1.0");
    assertEquals(DocumentKind.BADGE_CLASS, badge.kind().orElseThrow());
    agrees(verify(served, "http://a.com/issuer"), Verdict.VALID, "1.0");
  }

  @Test
  void ob10AssertionServedAtAnotherUrlThanItsVerifyUrlIsRefused() {
    // Deliberately stricter than validator-core, which takes the URL it fetched as the id.
    PreloadedResources served = ob10("http://a.com/elsewhere", "1_0_basic_assertion.json");
    VerificationReport r = verify(served, "http://a.com/elsewhere");
    assertEquals(Verdict.INVALID, r.verdict());
    assertEquals(CheckCode.OB2_ID_MISMATCH, r.rootCause().orElseThrow().code());
  }

  @Test
  void ob05AssertionsUpgradeAndVerifyAsHosted() {
    // full_validate_0_5_to_2_0_conversion (its inline assertion), and the two 0.5 test components.
    ObjectNode inline = json("""
        {"uid": "abc123™", "recipient": "sha256$a4a934a0bfc882a34a3e71650e40789453b2db9799a51a2d084a64caadd72397",
         "salt": "2e2bad0df9e11272ffbcee86e4c7edd4", "issued_on": "2017-01-01",
         "badge": {"name": "Test Badge for admin@bluemantis.com", "image": "http://example.org/image",
           "description": "Awarded using the php example codebase", "criteria": "http://example.org/criteria",
           "issuer": {"origin": "http://example.org", "name": "Test Issuer™", "org": null, "contact": "test@example.com"}}}
        """);
    PreloadedResources served = PreloadedResources.builder()
        .put("http://example.org/assertion", "application/json", SafeJson.write(inline).getBytes(StandardCharsets.UTF_8))
        .put("http://example.org/image", "image/png", resource("public_domain_heart.png"))
        .put("http://oldstyle.com/assertions/1", "application/json", resource("0_5_assertion.json"))
        .put("http://oldstyle.com/assertions/2", "application/json", resource("0_5_1_assertion.json"))
        .put("http://oldstyle.com/images/1", "image/png", resource("public_domain_heart.png"))
        .put("http://oldstyle.com/images/2", "image/png", resource("public_domain_heart.png"))
        .build();
    agrees(verify(served, "http://example.org/assertion"), Verdict.VALID, "0.5");
    // 0_5_assertion has no issued_on: OB 2.0 requires issuedOn, for validator-core as here.
    VerificationReport noDate = verify(served, "http://oldstyle.com/assertions/1");
    agrees(noDate, Verdict.INVALID, "0.5");
    assertEquals(CheckCode.OB2_PROPERTY_MISSING, noDate.rootCause().orElseThrow().code());
    agrees(verify(served, "http://oldstyle.com/assertions/2"), Verdict.VALID, "0.5");
    // Served from another origin than its issuer's: out of the issuer's scope.
    PreloadedResources foreign = PreloadedResources.builder()
        .put("http://attacker.example/a", "application/json", resource("0_5_1_assertion.json"))
        .put("http://oldstyle.com/images/2", "image/png", resource("public_domain_heart.png"))
        .build();
    assertEquals(CheckCode.OB2_OUT_OF_SCOPE, verify(foreign, "http://attacker.example/a").rootCause().orElseThrow().code());
    // Without a URL a 0.5 badge names no hosted copy (validator-core: "No hosted verification URL found").
    assertEquals(Verdict.INVALID, verify(served, text("0_5_assertion")).verdict());
  }

  @Test
  void ob11AndOb20NodesVerify() {
    PreloadedResources served = basic("1_1");
    agrees(verify(served, "https://example.org/beths-robotics-badge.json"), Verdict.VALID, "1.1");
    agrees(verify(served, "https://example.org/robotics-badge.json"), Verdict.VALID, "1.1");
    // test_upgrade_1_1_issuer: the IssuerOrg alias of the 1.1 context.
    ObjectNode issuerOrg = json(text("1_1_basic_issuer"));
    issuerOrg.put("type", "IssuerOrg");
    PreloadedResources org = PreloadedResources.builder()
        .put("https://example.org/organization.json", "application/json", SafeJson.write(issuerOrg).getBytes(StandardCharsets.UTF_8))
        .build();
    VerificationReport r = verify(org, "https://example.org/organization.json");
    agrees(r, Verdict.VALID, "1.1");
    assertEquals(DocumentKind.PROFILE, r.kind().orElseThrow());

    PreloadedResources v2 = basic("2_0");
    agrees(verify(v2, "https://example.org/beths-robotics-badge.json"), Verdict.VALID, "2.0");
    agrees(verify(v2, "https://example.org/organization.json"), Verdict.VALID, "2.0");
    agrees(verify(v2, text("2_0_basic_badgeclass")), Verdict.VALID, "2.0");
  }

  static URI uri(String s) {
    return URI.create(s);
  }
}
