package io.github.insignia.openbadges.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.issuing.AwardRequest;
import io.github.insignia.openbadges.issuing.BadgeFormat;
import io.github.insignia.openbadges.issuing.BadgeImage;
import io.github.insignia.openbadges.issuing.BadgeIssuer;
import io.github.insignia.openbadges.issuing.Issuers;
import io.github.insignia.openbadges.issuing.Recipient;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.CheckCode;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.Check;
import io.github.insignia.openbadges.validation.Outcome;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Demo step: Verification: what an importing platform checks. Reads OB3_SIGNED_DI, OB3_JWT,
 * OB2_JWS, OB2_ASSERTION, OB2_BADGE_CLASS, OB2_ISSUER, BAKED_PNG, BAKED_SVG, LEARNER_EMAIL and
 * RESOURCES_MAP when earlier steps left them; writes {@code verification/resources.json} (the OB 2.0
 * hosted documents as a resources map) and RESOURCES_MAP when no step did.
 */
public final class VerificationDemo implements DemoStep {
  private static final Locale SPANISH = Locale.forLanguageTag("es");

  @Override
  public String title() {
    return "Verification: what an importing platform checks";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    Optional<String> learner = context.get(DemoContext.LEARNER_EMAIL, String.class);
    PreloadedResources resources = hostedResources(context);
    VerificationOptions.Builder options = VerificationOptions.builder().offline(true).resources(resources);
    learner.ifPresent(options::recipient);
    BadgeVerifier verifier = BadgeVerifier.create(options.build());
    context.say("  offline, with the pinned contexts and " + resources.urls().size() + " preloaded documents"
        + learner.map(l -> "; the learner is " + l).orElse(""));

    text(context, verifier, "OB 3.0 credential, Data Integrity proof", DemoContext.OB3_SIGNED_DI);
    text(context, verifier, "OB 3.0 VC-JWT", DemoContext.OB3_JWT);
    text(context, verifier, "OB 2.0 signed assertion (JWS)", DemoContext.OB2_JWS);
    image(context, verifier, "baked PNG", DemoContext.BAKED_PNG);
    image(context, verifier, "baked SVG", DemoContext.BAKED_SVG);
    Optional<String> hostedId = context.get(DemoContext.OB2_ASSERTION, String.class)
        .map(a -> SafeJson.read(a).path("id").asText(""))
        .filter(id -> resources.urls().contains(id));
    if (hostedId.isPresent()) {
      show(context, "OB 2.0 hosted assertion via verification/resources.json", verifier.verify(hostedId.get()));
    } else {
      context.say("  - OB 2.0 hosted assertion: skipped (no hosted assertion from an earlier step)");
    }

    keyBinding(context);

    Optional<String> signed = context.get(DemoContext.OB3_SIGNED_DI, String.class);
    if (signed.isEmpty()) {
      context.say("  - failing imports: skipped (no signed credential from an earlier step)");
      return;
    }
    ObjectNode tampered = (ObjectNode) SafeJson.read(signed.get());
    tampered.put("name", tampered.path("name").asText("Badge") + " (with honours)");
    VerificationReport forged = verifier.verify(SafeJson.write(tampered));
    context.say("  A failing import: the same credential with its name changed after signing");
    context.say("    en: " + forged.summary(Locale.ENGLISH));
    context.say("    es: " + forged.summary(SPANISH));
    context.writeText("verification-report-tampered.json", forged.toJson() + "\n");

    VerificationReport otherLearner = BadgeVerifier.create(options.recipients(java.util.List.of("someone.else@example.org")).build())
        .verify(signed.get());
    context.say("  Another: the genuine credential, brought by someone else (someone.else@example.org)");
    context.say("    en: " + otherLearner.summary(Locale.ENGLISH));
    context.say("    es: " + otherLearner.summary(SPANISH));
  }

  /**
   * Issue 12: an own badge verifies with its key bound to the issuer (the documents issuing
   * publishes, preloaded), and the same badge re-signed by a fresh key carried in its jwk header is
   * refused.
   */
  private static void keyBinding(DemoContext context) {
    String issuerId = "https://demo-university.example/issuer";
    SigningKey key = SigningKey.generate(KeyType.ED25519);
    ObjectNode profile = (ObjectNode) SafeJson.read(
        "{\"id\":\"" + issuerId + "\",\"type\":[\"Profile\"],\"name\":\"Demo University\"}");
    ObjectNode achievement = (ObjectNode) SafeJson.read("{\"id\":\"https://demo-university.example/a/1\","
        + "\"type\":[\"Achievement\"],\"name\":\"Robotics\",\"description\":\"Builds robots.\","
        + "\"criteria\":{\"narrative\":\"Build one.\"}}");
    BadgeIssuer issuer = BadgeIssuer.builder(profile, key, Issuers.verificationMethodFor(issuerId, key.publicKey()))
        .formats(BadgeFormat.OB3_JWT).defaultImage(BadgeImage.placeholder()).build();
    PreloadedResources.Builder published = PreloadedResources.builder();
    issuer.publishedDocuments().forEach((url, doc) ->
        published.put(url.toString(), "application/json", SafeJson.write(doc).getBytes(StandardCharsets.UTF_8)));
    BadgeVerifier verifier = BadgeVerifier.create(VerificationOptions.builder().offline(true).resources(published.build()).build());
    String own = issuer.award(AwardRequest.builder(achievement, Recipient.email("learner@example.org")).build()).jwt().orElseThrow();
    context.say("  Key binding: " + issuerId + " publishes " + issuer.publishedDocuments().keySet());
    keyLine(context, "its own VC-JWT", verifier.verify(own));
    // the forger: same payload, a fresh key of its own in the jwk header
    SigningKey forger = SigningKey.generate(KeyType.ED25519);
    ObjectNode header = SafeJson.nodeFactory().objectNode().put("alg", "EdDSA").put("typ", "JWT");
    header.set("jwk", forger.publicKey().toJwk());
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString(SafeJson.write(header).getBytes(StandardCharsets.UTF_8)) + "." + own.split("\\.")[1];
    String forged = input + "." + b64.encodeToString(forger.sign(input.getBytes(StandardCharsets.US_ASCII)));
    keyLine(context, "the same badge re-signed with a fresh key in its jwk header", verifier.verify(forged));
  }

  private static void keyLine(DemoContext context, String label, VerificationReport report) {
    context.say("  " + (report.valid() ? "✓ " : "✗ ") + report.verdict() + " " + label + ": " + report.summary());
    for (CheckCode code : new CheckCode[] {CheckCode.KEY_BINDING, CheckCode.KEY_NOT_BOUND_TO_ISSUER}) {
      report.find(code).ifPresent(c -> context.say("      " + c.outcome() + " " + c.code() + ": " + c.message()));
    }
  }

  private static void text(DemoContext context, BadgeVerifier verifier, String label, String key) {
    Optional<String> input = context.get(key, String.class);
    if (input.isEmpty()) {
      context.say("  - " + label + ": skipped (not produced by an earlier step)");
      return;
    }
    show(context, label, verifier.verify(input.get().strip()));
  }

  private static void image(DemoContext context, BadgeVerifier verifier, String label, String key) throws Exception {
    Optional<Path> file = context.get(key, Path.class);
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      context.say("  - " + label + ": skipped (not produced by an earlier step)");
      return;
    }
    show(context, label + " " + context.outputDirectory().relativize(file.get().toAbsolutePath()), verifier.verify(Files.readAllBytes(file.get())));
  }

  private static void show(DemoContext context, String label, VerificationReport report) {
    long warnings = report.checks(Outcome.WARNING).size();
    context.say("  " + (report.valid() ? "✓ " : "✗ ") + label + " (" + report.input().label()
        + report.version().map(v -> ", OB " + v).orElse("") + "): " + report.summary()
        + (warnings > 0 ? " [" + warnings + " warning" + (warnings > 1 ? "s" : "") + "]" : ""));
    for (Check w : report.checks(Outcome.WARNING)) {
      context.say("      ! " + w.code() + ": " + w.message());
    }
  }

  /**
   * The OB 2.0 hosted documents the earlier steps made, written as a resources map (what an archive
   * or an offline test would preload), merged with any map an earlier step left.
   */
  private static PreloadedResources hostedResources(DemoContext context) throws Exception {
    PreloadedResources.Builder all = PreloadedResources.builder();
    Optional<Path> existing = context.get(DemoContext.RESOURCES_MAP, Path.class);
    if (existing.isPresent() && Files.isRegularFile(existing.get())) {
      all.putAll(PreloadedResources.fromMapFile(existing.get()));
    }
    Map<String, String> documents = new LinkedHashMap<>();
    for (String key : new String[] {DemoContext.OB2_ASSERTION, DemoContext.OB2_BADGE_CLASS, DemoContext.OB2_ISSUER}) {
      context.get(key, String.class).ifPresent(json -> documents.put(SafeJson.read(json).path("id").asText(""), json));
    }
    Path keyFile = context.outputDirectory().resolve("ob2-key.json");
    if (Files.isRegularFile(keyFile)) {
      String key = Files.readString(keyFile, StandardCharsets.UTF_8);
      documents.put(SafeJson.read(key).path("id").asText(""), key);
    }
    documents.remove("");
    if (documents.isEmpty()) {
      return all.build();
    }
    Path folder = context.outputDirectory().resolve("verification");
    Files.createDirectories(folder);
    ObjectNode map = SafeJson.nodeFactory().objectNode();
    int i = 0;
    for (Map.Entry<String, String> e : documents.entrySet()) {
      String file = "doc-" + (++i) + ".json";
      Files.writeString(folder.resolve(file), e.getValue().strip() + "\n", StandardCharsets.UTF_8);
      map.put(e.getKey(), file);
    }
    // The badge class image: the plain picture the baking step drew, if it is there.
    String image = context.get(DemoContext.OB2_BADGE_CLASS, String.class)
        .map(json -> SafeJson.read(json).path("image"))
        .map(node -> node.isObject() ? node.path("id").asText("") : node.asText(""))
        .orElse("");
    if (image.startsWith("http") && Files.isRegularFile(context.outputDirectory().resolve("badge.png"))) {
      map.put(image, "../badge.png");
    }
    Path mapFile = context.writeText("verification/resources.json", SafeJson.writePretty(map) + "\n");
    if (existing.isEmpty()) {
      context.put(DemoContext.RESOURCES_MAP, mapFile);
    }
    return all.putAll(PreloadedResources.fromMapFile(mapFile)).build();
  }
}
