package io.github.insignia.openbadges.benchmarks;

import io.github.insignia.openbadges.export.BadgeSummary;
import io.github.insignia.openbadges.export.LinkedInAddToProfile;
import io.github.insignia.openbadges.export.ShareLinks;
import io.github.insignia.openbadges.export.ShareNetwork;
import io.github.insignia.openbadges.export.VerificationStatus;
import io.github.insignia.openbadges.export.provider.BackpackProvider;
import io.github.insignia.openbadges.export.provider.ConsentDecision;
import io.github.insignia.openbadges.export.provider.HttpRequest;
import io.github.insignia.openbadges.export.provider.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Export costs: building a LinkedIn link and the share links for a badge with a non-ASCII name,
 * and the provider answering an authorized OB 3.0 upsert in process (no sockets: JSON parsing,
 * bearer check, store). Run: {@code java -jar openbadges-benchmarks/target/benchmarks.jar
 * ExportBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExportBenchmark {
  private BadgeSummary badge;
  private BackpackProvider provider;
  private String token;
  private int counter;

  @Setup
  public void setup() {
    badge = BadgeSummary.builder("Ciencia & Tecnología — nivel 2 🚀").issuerName("Universidad de Ejemplo")
        .issuedOn(Instant.parse("2025-03-10T12:00:00Z")).expires(Instant.parse("2030-03-10T12:00:00Z"))
        .credentialId("urn:uuid:4f5c7e0a-0000-4000-8000-000000000042")
        .publicUrl(URI.create("https://wallet.example/u/ada/badges/42?lang=es")).status(VerificationStatus.VERIFIED).build();
    provider = BackpackProvider.builder(URI.create("https://bp.example"), r -> ConsentDecision.grant("u")).build();
    token = BenchmarkOAuth.accessToken(provider);
  }

  /** One LinkedIn Add-to-profile link. */
  @Benchmark
  public URI linkedInLink() {
    return LinkedInAddToProfile.builder(badge).build();
  }

  /** All seven share links. */
  @Benchmark
  public int shareLinks() {
    ShareLinks links = ShareLinks.builder(badge).mastodonInstance("mastodon.social").build();
    int n = 0;
    for (ShareNetwork network : ShareNetwork.values()) {
      n += links.link(network).toString().length();
    }
    return n;
  }

  /** An authorized upsertCredential answered in process (a new credential each time). */
  @Benchmark
  public int providerUpsert() {
    String body = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"urn:uuid:" + (counter++)
        + "\",\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":\"https://i.example\"},"
        + "\"validFrom\":\"2025-01-01T00:00:00Z\",\"credentialSubject\":{\"achievement\":{\"name\":\"A\"}}}";
    HttpResponse r = provider.handle(HttpRequest.of("POST", "/ims/ob/v3p0/credentials")
        .withHeader("Authorization", "Bearer " + token).withHeader("Content-Type", "application/json")
        .withBody(body.getBytes(StandardCharsets.UTF_8)));
    return r.status();
  }
}
