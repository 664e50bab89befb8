package io.github.insignia.openbadges.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.insignia.openbadges.model.ob3.Achievement;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a real Spring Boot application on an embedded Tomcat (random port) with an H2
 * database: a badge awarded through the auto-configured issuer is answered at its page, the issuer
 * profile the key needs at its hosting URL, and the docs' hand-mounted servlet beside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = StarterServerTest.App.class)
class StarterServerTest {
  private static final Path DIR = tempDir();

  @LocalServerPort int port;
  @Autowired SpringBootDocSnippets.CourseCompletion completion;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("insignia.base-url", () -> "https://lms.example.org");
    registry.add("insignia.web.path", () -> "/insignia");
    registry.add("insignia.issuer.name", () -> "Escuela Ejemplo");
    registry.add("insignia.key.location", () -> "file:" + TestKeys.keyFile(DIR));
  }

  @Test
  void servesABadgePageAndTheIssuerProfileOverHttp() throws Exception {
    Achievement achievement = InsigniaAutoConfigurationTest.achievement();
    String id = completion.completed(achievement, "ana@example.org");

    HttpResponse<String> page = get("/insignia/badges/" + id, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("Teaching 101", "Escuela Ejemplo",
        "https://lms.example.org/insignia/badges/" + id);

    HttpResponse<String> profile = get("/insignia/issuer", "application/json");
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(profile.body()).contains("\"id\":\"https://lms.example.org/insignia/issuer\"", "verificationMethod");

    HttpResponse<String> status = get("/insignia/status/0", "application/json");
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("BitstringStatusListCredential");

    // the docs/web.md snippet, mounted by hand beside the starter's servlet
    assertThat(get("/badges-site/badges/" + id, "text/html").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", accept).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("insignia-starter");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The host application. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({WebDocSnippet.class, SpringBootDocSnippets.CourseCompletion.class})
  static class App {
    @Bean
    DataSource dataSource() {
      return TestKeys.h2("server");
    }
  }
}
