package io.github.insignia.openbadges.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.export.internal.Percent;
import io.github.insignia.openbadges.export.provider.BackpackProvider;
import io.github.insignia.openbadges.export.provider.ConsentDecision;
import io.github.insignia.openbadges.export.provider.HttpRequest;
import io.github.insignia.openbadges.export.provider.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: the provider answers any request with an HTTP status (never throws), badge text
 * gives a summary or a typed error, and percent-decoding never throws. Run with JAZZER_FUZZ=1 to
 * fuzz; under plain {@code mvn verify} the seeds are replayed.
 */
class HostileInputFuzzTest {
  static final BackpackProvider PROVIDER =
      BackpackProvider.builder(URI.create("https://bp.example"), r -> ConsentDecision.grant("u")).build();
  static final String[] PATHS = {"/oauth/register", "/oauth/authorize", "/oauth/token", "/oauth/revoke",
      "/.well-known/badgeconnect.json", "/ims/ob/v3p0/discovery", "/ims/ob/v3p0/credentials", "/ims/ob/v3p0/profile",
      "/ims/ob/v2p1/assertions", "/ims/ob/v2p1/profile", "/x"};
  static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "HEAD"};
  static final String[] TYPES = {"application/json", "text/plain", "application/x-www-form-urlencoded", "application/vc+ld+json"};

  @FuzzTest(maxDuration = "30s")
  void providerAlwaysAnswers(FuzzedDataProvider data) {
    HttpRequest r = new HttpRequest(data.pickValue(METHODS), data.pickValue(PATHS), data.consumeString(200),
        Map.of("Content-Type", java.util.List.of(data.pickValue(TYPES)),
            "Authorization", java.util.List.of(data.consumeString(80))),
        data.consumeRemainingAsBytes());
    HttpResponse response = PROVIDER.handle(r);
    assertTrue(response.status() >= 200 && response.status() < 600);
    assertTrue(response.status() != 500, "no internal error for " + r);
  }

  @FuzzTest(maxDuration = "30s")
  void badgeTextGivesASummaryOrATypedError(byte[] data) {
    try {
      BadgeSummary s = BadgeSummary.fromText(new String(data, StandardCharsets.UTF_8), VerificationStatus.VERIFIED);
      assertTrue(!s.name().isBlank());
    } catch (OpenBadgesException expected) {
      // typed error: fine
    }
  }

  @FuzzTest(maxDuration = "30s")
  void percentDecodingNeverThrows(byte[] data) {
    String s = new String(data, StandardCharsets.ISO_8859_1);
    Percent.decode(s, true);
    Percent.parseQuery(s, false);
  }

  @Test
  void knownNastyRequests() {
    String[] bodies = {"", "{", "[]", "null", "{\"assertion\":[]}", "{\"signedAssertion\":\"a.b.c\"}",
        "{\"signedAssertion\":\"a.e30.c\"}", "{\"id\":\"x\",\"type\":\"Profile\",\"email\":[1,{}]}",
        "grant_type=authorization_code&code=%ZZ", "\u0000\u0001"};
    for (String path : PATHS) {
      for (String method : METHODS) {
        for (String body : bodies) {
          for (String type : TYPES) {
            HttpResponse resp = PROVIDER.handle(HttpRequest.of(method, path + "?limit=%ZZ&since=x")
                .withHeader("Content-Type", type).withHeader("Authorization", "Basic !!!")
                .withBody(body.getBytes(StandardCharsets.UTF_8)));
            assertTrue(resp.status() != 500, method + " " + path + " " + type + " " + body + " -> " + resp.bodyText());
          }
        }
      }
    }
    assertEquals(404, PROVIDER.handle(HttpRequest.of("GET", "nothing")).status());
  }
}
