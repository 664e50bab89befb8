package io.github.insignia.openbadges.cli.demo;

import io.github.insignia.openbadges.OpenBadgesException;
import io.github.insignia.openbadges.export.BadgeHtml;
import io.github.insignia.openbadges.export.BadgeSummary;
import io.github.insignia.openbadges.export.LinkedInAddToProfile;
import io.github.insignia.openbadges.export.ShareLinks;
import io.github.insignia.openbadges.export.ShareNetwork;
import io.github.insignia.openbadges.export.VerificationStatus;
import io.github.insignia.openbadges.export.backpack.BackpackClientOptions;
import io.github.insignia.openbadges.export.backpack.BackpackPage;
import io.github.insignia.openbadges.export.backpack.BackpackScopes;
import io.github.insignia.openbadges.export.backpack.ClientMetadata;
import io.github.insignia.openbadges.export.backpack.Ob3BackpackClient;
import io.github.insignia.openbadges.export.backpack.PendingAuthorization;
import io.github.insignia.openbadges.export.backpack.UpsertResult;
import io.github.insignia.openbadges.export.provider.BackpackProvider;
import io.github.insignia.openbadges.export.provider.ConsentDecision;
import io.github.insignia.openbadges.export.provider.JdkHttpServerAdapter;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Demo step: starts the provider side on a loopback port, connects the OB 3.0 client to it through
 * the whole OAuth flow (registration, authorization code + PKCE with consent granted
 * programmatically, token), pushes the demo's credential and reads it back, then prints the
 * LinkedIn "Add to profile" link, the share links, and writes the badge page's meta tags and an
 * embeddable snippet. Reads OB3_SIGNED_DI, else OB3_JWT, else OB3_CREDENTIAL, else a literal sample.
 */
public final class ExportDemo implements DemoStep {
  static final String SAMPLE = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
      + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
      + "\"id\":\"https://demo.insignia.example/credentials/1\",\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
      + "\"issuer\":{\"id\":\"https://demo.insignia.example/issuer\",\"type\":[\"Profile\"],\"name\":\"Insignia Demo University\"},"
      + "\"validFrom\":\"2026-01-15T09:00:00Z\",\"name\":\"Ciencia & Tecnología\","
      + "\"credentialSubject\":{\"id\":\"did:example:learner\",\"type\":[\"AchievementSubject\"],"
      + "\"achievement\":{\"id\":\"https://demo.insignia.example/achievements/1\",\"type\":[\"Achievement\"],"
      + "\"name\":\"Ciencia & Tecnología\",\"description\":\"Science and technology fundamentals.\","
      + "\"criteria\":{\"narrative\":\"Complete the course.\"}}}}";

  @Override
  public String title() {
    return "Export: backpack push, LinkedIn and share links";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    String badge;
    String source;
    Optional<String> signed = context.get(DemoContext.OB3_SIGNED_DI, String.class);
    Optional<String> jwt = context.get(DemoContext.OB3_JWT, String.class);
    Optional<String> plain = context.get(DemoContext.OB3_CREDENTIAL, String.class);
    if (signed.isPresent()) {
      badge = signed.get();
      source = "the signing step's Data Integrity credential";
    } else if (jwt.isPresent()) {
      badge = jwt.get();
      source = "the signing step's VC-JWT";
    } else if (plain.isPresent()) {
      badge = plain.get();
      source = "the model step's unsigned credential";
    } else {
      badge = SAMPLE;
      source = "a built-in sample (earlier steps left no credential)";
    }
    context.say("  badge: " + source);

    try (JdkHttpServerAdapter server = JdkHttpServerAdapter.startLoopback(0,
        base -> BackpackProvider.builder(base, request -> ConsentDecision.grant("demo-learner"))
            .name("Insignia demo backpack").build())) {
      context.say("  provider: OB 3.0 API and Badge Connect 2.1 at " + server.baseUrl());
      Ob3BackpackClient client = Ob3BackpackClient.discover(server.baseUrl(),
          BackpackClientOptions.builder().allowHttpOnLoopback(true).build());
      context.say("  discovery: " + client.service().name() + ", API " + client.service().apiBase());
      URI redirect = URI.create("http://127.0.0.1:9/callback");
      client.register(ClientMetadata.builder("Insignia demo", URI.create("https://github.com/insignia/insignia"))
          .redirectUri(redirect).scopes(BackpackScopes.V3_ALL).build());
      PendingAuthorization pending = client.beginAuthorization(redirect, BackpackScopes.V3_ALL);
      // The demo plays the learner's browser: consent is granted by the provider's decider.
      HttpResponse<Void> consent = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
          .send(HttpRequest.newBuilder(pending.authorizationUri()).build(), HttpResponse.BodyHandlers.discarding());
      URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
      var tokens = client.completeAuthorization(pending, back);
      context.say("  OAuth: registered, authorized with PKCE S256, token expires " + tokens.expiresAt());

      boolean isJson = badge.strip().startsWith("{");
      UpsertResult pushed = isJson ? client.upsertCredential(SafeJson.read(badge)) : client.upsertCredential(badge);
      context.say("  upsertCredential: " + pushed.outcome());
      BackpackPage page = client.getCredentials(10, 0, null);
      context.say("  getCredentials: " + page.size() + " credential(s), X-Total-Count "
          + (page.totalCount().isPresent() ? page.totalCount().getAsLong() : "absent"));
    }

    VerificationStatus status = verify(context, badge);
    BadgeSummary summary = BadgeSummary.fromText(badge, status);
    URI pageUrl = URI.create("https://badges.insignia.example/learner/" + Math.abs(summary.name().hashCode()));
    LinkedInAddToProfile.Builder linkedIn = LinkedInAddToProfile.builder(summary).certUrl(pageUrl).zone(ZoneOffset.UTC);
    if (linkedIn.refusal().isPresent()) {
      context.say("  LinkedIn: refused: " + linkedIn.refusal().get().code() + ": " + linkedIn.refusal().get().message());
      return;
    }
    context.say("  LinkedIn: " + linkedIn.build());
    ShareLinks share = ShareLinks.builder(summary).pageUrl(pageUrl).mastodonInstance("mastodon.social").build();
    for (ShareNetwork network : ShareNetwork.values()) {
      context.say("  share " + network.id() + ": " + share.link(network));
    }
    BadgeHtml html = BadgeHtml.builder(summary).pageUrl(pageUrl).pngImage(URI.create(pageUrl + ".png")).build();
    context.writeText("export-badge-page-meta.html", html.metaTags());
    context.writeText("export-embed-snippet.html", html.embedSnippet());
  }

  /** Verifies offline with the demo's resources; the built-in sample is unsigned, so it is shown as such. */
  private static VerificationStatus verify(DemoContext context, String badge) {
    try {
      VerificationOptions.Builder options = VerificationOptions.builder().offline(true);
      context.get(DemoContext.RESOURCES_MAP, Path.class).ifPresent(map -> options.resources(PreloadedResources.fromMapFile(map)));
      VerificationReport report = BadgeVerifier.create(options.build()).verify(badge);
      context.say("  verification: " + report.summary());
      if (report.valid()) {
        return VerificationStatus.VERIFIED;
      }
    } catch (OpenBadgesException e) {
      context.say("  verification: not available (" + e.code() + ")");
    }
    // A host passes its verifier's verdict; the demo marks the badge verified so that the links show.
    context.say("  (demo: treating the badge as verified to show the links; a host would refuse it)");
    return VerificationStatus.VERIFIED;
  }

}
