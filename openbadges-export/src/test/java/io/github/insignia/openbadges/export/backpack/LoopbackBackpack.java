package io.github.insignia.openbadges.export.backpack;

import io.github.insignia.openbadges.export.provider.BackpackProvider;
import io.github.insignia.openbadges.export.provider.ConsentDecision;
import io.github.insignia.openbadges.export.provider.InMemoryBackpackStore;
import io.github.insignia.openbadges.export.provider.VerifiedIdentity;
import io.github.insignia.openbadges.export.provider.JdkHttpServerAdapter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;

/** A provider on 127.0.0.1 and helpers to drive the OAuth flow as a browser would. */
final class LoopbackBackpack implements AutoCloseable {
  static final URI REDIRECT = URI.create("http://127.0.0.1:1/callback");

  final MutableClock providerClock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  final MutableClock clientClock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  final AtomicReference<ConsentDecision> consent = new AtomicReference<>(ConsentDecision.grant("learner-1"));
  final JdkHttpServerAdapter server;
  final InMemoryTokenStore tokens = new InMemoryTokenStore();
  final InMemoryBackpackStore store = new InMemoryBackpackStore();

  LoopbackBackpack() {
    // The host verified learner-1's address (written as the learner typed it; compared case-insensitively).
    store.addVerifiedIdentity("learner-1", VerifiedIdentity.email("Learner@Example.org"));
    server = JdkHttpServerAdapter.startLoopback(0, base -> BackpackProvider.builder(base, req -> consent.get())
        .name("Test backpack").clock(providerClock).store(store).build());
  }

  URI base() {
    return server.baseUrl();
  }

  BackpackClientOptions options() {
    return BackpackClientOptions.builder().tokenStore(tokens).clock(clientClock).allowHttpOnLoopback(true)
        .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5)).retryBackoff(Duration.ofMillis(10))
        .build();
  }

  static ClientMetadata metadata(Collection<String> scopes) {
    return ClientMetadata.builder("Insignia tests", URI.create("https://insignia.example/")).redirectUri(REDIRECT)
        .scopes(java.util.List.copyOf(scopes)).build();
  }

  /** Plays the user agent: follows the authorization URL to the redirect and returns where it points. */
  static URI browse(URI authorizationUri) throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> r = browser.send(HttpRequest.newBuilder(authorizationUri).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 302) {
      throw new AssertionError("authorize answered " + r.statusCode() + ": " + r.body());
    }
    return URI.create(r.headers().firstValue("Location").orElseThrow());
  }

  static TokenSet authorize(BackpackClient client, Collection<String> scopes) throws Exception {
    client.ensureRegistered(metadata(scopes));
    PendingAuthorization p = client.beginAuthorization(REDIRECT, scopes);
    return client.completeAuthorization(p, browse(p.authorizationUri()));
  }

  @Override
  public void close() {
    server.close();
  }
}
