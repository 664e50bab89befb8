package io.github.insignia.openbadges.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.testvectors.TestVectors;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.fetch.FetchException;
import io.github.insignia.openbadges.validation.fetch.FetchedResource;
import io.github.insignia.openbadges.validation.fetch.HttpResourceFetcher;
import io.github.insignia.openbadges.validation.fetch.ResourceFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The other platforms a learner brings badges from (Badgr / Canvas Credentials, Credly, Open Badge
 * Factory, Moodle, a university with did:web and a status list), on one loopback HTTP server that
 * answers their real URLs (paths, query strings, content types, redirects) from the corpus in
 * openbadges-test-vectors' {@code portal-import} folder (see its NOTICE.md: made outside Insignia).
 *
 * <p>The test's "DNS": the portal's import fetcher is wrapped so that a URL on one of these hosts
 * goes to the loopback server (and its answer carries the real URL back); every other URL goes to
 * the portal's own guarded fetcher, which still refuses private addresses.
 */
final class ForeignIssuers implements AutoCloseable {
  record Answer(int status, String type, byte[] body, String location) {}

  static final String LEARNER;
  static final String OTHER;
  private static final JsonNode ROUTES;

  static {
    try {
      ROUTES = SafeJson.read(Files.readAllBytes(TestVectors.path("portal-import", "routes.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LEARNER = ROUTES.get("learner").asText();
    OTHER = ROUTES.get("other").asText();
  }

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Set<String> hosts = ConcurrentHashMap.newKeySet();
  private final CountDownLatch hang = new CountDownLatch(1);
  private final String loopback;

  ForeignIssuers() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "foreign-issuer");
      t.setDaemon(true);
      return t;
    }));
    loopback = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    server.createContext("/", ex -> {
      String raw = ex.getRequestURI().getRawPath().substring(1) + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
      Answer a = answers.get("https://" + raw);
      if (a == null) {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      if (a.status() == 0) {
        try {
          hang.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ex.close();
        return;
      }
      if (a.location() != null) {
        ex.getResponseHeaders().add("Location", toLoopback(URI.create(a.location())).toString());
      }
      if (a.type() != null) {
        ex.getResponseHeaders().add("Content-Type", a.type());
      }
      ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(a.body());
      }
    });
    server.start();
    reset();
  }

  /** Every route as the corpus publishes it (undoes the tests' changes). */
  void reset() {
    answers.clear();
    for (JsonNode r : ROUTES.get("routes")) {
      String url = r.get("url").asText();
      hosts.add(URI.create(url).getHost());
      byte[] body = r.hasNonNull("file") ? file(r.get("file").asText()) : new byte[0];
      answers.put(url, new Answer(r.get("status").asInt(), r.path("type").asText(null), body, r.path("location").asText(null)));
    }
  }

  /** A corpus file. */
  static byte[] file(String name) {
    try {
      return Files.readAllBytes(TestVectors.path("portal-import", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(file(name), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Makes {@code url} answer this instead. */
  ForeignIssuers answer(String url, int status, String type, byte[] body) {
    hosts.add(URI.create(url).getHost());
    answers.put(url, new Answer(status, type, body, null));
    return this;
  }

  /** Makes {@code url} answer with the body of another corpus file. */
  ForeignIssuers serve(String url, String file, String type) {
    return answer(url, 200, type, file(file));
  }

  /** Makes {@code url} never answer. */
  ForeignIssuers hang(String url) {
    return answer(url, 0, null, new byte[0]);
  }

  private URI toLoopback(URI foreign) {
    String rest = foreign.getRawPath() + (foreign.getRawQuery() == null ? "" : "?" + foreign.getRawQuery());
    return URI.create(loopback + foreign.getHost() + rest);
  }

  private URI fromLoopback(URI local) {
    String s = local.toString();
    return s.startsWith(loopback) ? URI.create("https://" + s.substring(loopback.length())) : local;
  }

  /** The test's DNS over the portal's fetcher: these hosts on loopback, the rest as the portal would. */
  ResourceFetcher over(ResourceFetcher portal) {
    HttpResourceFetcher local = HttpResourceFetcher.builder().allowPrivateNetwork(true)
        .connectTimeout(Duration.ofSeconds(2)).totalTimeout(Duration.ofSeconds(3)).maxBytes(4L * 1024 * 1024).build();
    return new ResourceFetcher() {
      @Override
      public FetchedResource fetch(URI url) {
        return fetch(url, HttpResourceFetcher.ACCEPT);
      }

      @Override
      public FetchedResource fetch(URI url, String accept) {
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || !hosts.contains(url.getHost())) {
          if (url.getHost() != null && !literalAddress(url.getHost())) {
            // tests never reach the internet: a named host that is not one of the platforms is unknown here
            throw new FetchException(io.github.insignia.openbadges.validation.fetch.FetchProblem.CONNECTION_FAILED, url, null,
                url.getHost() + " is not one of the test's platforms (no internet in tests)");
          }
          return portal.fetch(url, accept); // literal addresses meet the portal's own guard
        }
        try {
          FetchedResource r = local.fetch(toLoopback(url), accept);
          return new FetchedResource(url, fromLoopback(r.finalUrl()), r.status(), r.contentType(), r.body());
        } catch (FetchException e) {
          throw new FetchException(e.problem(), url, e.detail().orElse(null), e.status(),
              e.getMessage().replace(loopback, "https://"), null);
        }
      }
    };
  }

  private static boolean literalAddress(String host) {
    return host.equals("localhost") || host.startsWith("[") || host.matches("[0-9.]+");
  }

  @Override
  public void close() {
    hang.countDown();
    server.stop(0);
  }

  /**
   * Installs the test's DNS in a portal under test: its verifier bean is rebuilt over {@link
   * #over(ResourceFetcher)} before anything uses it.
   */
  @TestConfiguration
  static class Dns {
    static final ForeignIssuers SERVER;

    static {
      try {
        SERVER = new ForeignIssuers();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Bean
    static BeanPostProcessor foreignIssuersDns() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof BadgeVerifier v && v.options().fetcher().isPresent()) {
            return BadgeVerifier.create(v.options().toBuilder().fetcher(SERVER.over(v.options().fetcher().get())).build());
          }
          return bean;
        }
      };
    }
  }
}
