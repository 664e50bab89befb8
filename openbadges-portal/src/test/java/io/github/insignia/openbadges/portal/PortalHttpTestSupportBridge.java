package io.github.insignia.openbadges.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.github.insignia.openbadges.json.SafeJson;

/** The course platform's side in tests: one award through the API. */
final class PortalHttpTestSupportBridge {
  private PortalHttpTestSupportBridge() {}

  static String award(String base, String email) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/awards"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + PortalTestSupport.API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"course\":\"open-data\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw new AssertionError(r.statusCode() + " " + r.body());
    }
    return SafeJson.read(r.body()).path("badgeId").asText();
  }
}
