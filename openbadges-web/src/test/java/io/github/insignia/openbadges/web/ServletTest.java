package io.github.insignia.openbadges.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.insignia.openbadges.validation.VerificationOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BadgeServlet} mounted under a path of a host's context, as an LMS would. */
class ServletTest {
  @TempDir Path dir;

  @Test
  void mountedUnderAPathWithItsBodyLimit() throws Exception {
    try (TestServer jetty = TestServer.start("/lms")) {
      int port = jetty.port();
      String base = "http://127.0.0.1:" + port + "/lms/badges-site";
      Fixtures.Batch batch = Fixtures.issue(dir.resolve("out"), null, base, false);
      BadgeSite site = BadgeSite.builder(URI.create(base), FolderBadgeStore.open(batch.out()))
          .verificationOptions(VerificationOptions.builder().offline(true).build())
          .maxUploadBytes(64 * 1024)
          .build();
      ServletHolder holder = new ServletHolder(new BadgeServlet(site));
      jetty.context().addServlet(holder, "/badges-site/*");
      HttpClient http = HttpClient.newHttpClient();
      String id = batch.folders().get(0).getFileName().toString();
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/badges/" + id + "?lang=es")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<html lang=\"es\">"), page.body());
      assertTrue(page.body().contains(base + "/badges/" + id + "/badge.png"));
      HttpResponse<String> big = http.send(HttpRequest.newBuilder(URI.create(base + "/api/verify"))
          .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[200 * 1024])).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(413, big.statusCode());
      HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/verify?lang=es"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("text=%7B%7D")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, form.statusCode());
      assertTrue(form.body().contains("No válida"), form.body());
    }
  }
}
