package io.github.insignia.openbadges.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.jose.Ob2Jws;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Offline verification of a signed badge, everything an importing platform runs: detection,
 * structure and JSON Schema (OB 3.0) or property tables (OB 2.0), the proof with key resolution,
 * dates, and the status / revocation list served from preloaded resources ("from cache").
 * Target: at least 500 ops/s on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerificationBenchmark {
  private static final String LIST = "https://status.example.org/lists/1";
  private static final String OB2 = "https://badges.example.org/";

  @Param({"ob3DataIntegrity", "ob3Jwt", "ob3JwtBoundHeaderJwk", "ob2Signed"})
  public String badge;

  private BadgeVerifier verifier;
  private String input;

  @Setup
  public void setUp() throws IOException {
    SigningKey ed = SigningKey.generate(KeyType.ED25519);
    PreloadedResources.Builder resources = PreloadedResources.builder();
    ObjectNode credential = credential(ed.publicKey().didKey());
    // The status list is a credential of the badge's issuer and is verified as such.
    // Proofs are dated before the verifier's clock (2026-06-01): a proof created in the future is refused.
    ProofOptions proofOptions = ProofOptions.builder(ed.publicKey().didKeyVerificationMethod())
        .created(Instant.parse("2025-01-01T00:00:00Z")).build();
    ObjectNode list = DataIntegrity.create().sign(SafeJson.read(statusList(ed.publicKey().didKey())), ed, proofOptions);
    resources.put(LIST, "application/vc+ld+json", SafeJson.write(list).getBytes(StandardCharsets.UTF_8));
    switch (badge) {
      case "ob3DataIntegrity" -> input = SafeJson.write(DataIntegrity.create()
          .sign(credential, ed, proofOptions));
      case "ob3Jwt" -> input = VcJwt.sign(credential, ed, ed.publicKey().didKeyVerificationMethod());
      case "ob3JwtBoundHeaderJwk" -> input = headerJwkJwt(credential, ed);
      case "ob2Signed" -> input = ob2(resources);
      default -> throw new IllegalArgumentException(badge);
    }
    verifier = BadgeVerifier.create(VerificationOptions.builder()
        .offline(true)
        .resources(resources.build())
        .at(Instant.parse("2026-06-01T00:00:00Z"))
        .recipient("learner@example.org")
        .build());
    VerificationReport check = verifier.verify(input);
    if (!check.valid()) {
      throw new IllegalStateException("the benchmark badge does not verify: " + check.toJson());
    }
  }

  @Benchmark
  public VerificationReport verifyOffline() {
    return verifier.verify(input);
  }

  /** A VC-JWT naming its key only in a header {@code jwk}, which is the issuer's (did:key) key: bound. */
  private static String headerJwkJwt(ObjectNode credential, SigningKey key) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"jwk\":" + SafeJson.write(key.publicKey().toJwk()) + "}";
    String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(VcJwt.payload(credential));
    return input + "." + b64.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  private static ObjectNode credential(String issuer) {
    return (ObjectNode) SafeJson.read("""
        {"@context": ["https://www.w3.org/ns/credentials/v2",
                      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "urn:uuid:2f1c6f1e-6a3b-4a4e-9c37-0d5f4f7c9a10",
         "type": ["VerifiableCredential", "OpenBadgeCredential"],
         "name": "Robotics",
         "issuer": {"id": "%s", "type": ["Profile"], "name": "Example Academy"},
         "validFrom": "2025-01-01T00:00:00Z",
         "credentialStatus": {"id": "%2$s#42", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
                              "statusListIndex": "42", "statusListCredential": "%2$s"},
         "credentialSubject": {"id": "mailto:learner@example.org", "type": ["AchievementSubject"],
           "achievement": {"id": "https://example.org/achievements/robotics", "type": ["Achievement"],
             "name": "Robotics", "description": "Builds robots.", "criteria": {"narrative": "Build one."}}}}
        """.formatted(issuer, LIST));
  }

  private static String statusList(String issuer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(new byte[16 * 1024]);
    }
    String encoded = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    return """
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "%s",
         "type": ["VerifiableCredential", "BitstringStatusListCredential"], "issuer": "%s",
         "validFrom": "2025-01-01T00:00:00Z",
         "credentialSubject": {"id": "%1$s#list", "type": "BitstringStatusList", "statusPurpose": "revocation",
                               "encodedList": "%s"}}
        """.formatted(LIST, issuer, encoded);
  }

  private static String ob2(PreloadedResources.Builder resources) {
    SigningKey rsa = SigningKey.generateRsa(2048);
    String issuerId = OB2 + "issuer";
    String keyUrl = OB2 + "keys/1";
    String png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    resources.put(issuerId, "application/ld+json", ("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "%s", "name": "Example Academy",
         "url": "%s", "email": "badges@example.org", "publicKey": ["%s"], "revocationList": "%srevocations"}
        """.formatted(issuerId, OB2, keyUrl, OB2)).getBytes(StandardCharsets.UTF_8));
    resources.put(OB2 + "revocations", "application/ld+json",
        "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"RevocationList\",\"revokedAssertions\":[\"urn:uuid:other\"]}"
            .getBytes(StandardCharsets.UTF_8));
    resources.put(keyUrl, "application/ld+json",
        SafeJson.write(KeyDocuments.ob2CryptographicKey(keyUrl, issuerId, rsa.publicKey())).getBytes(StandardCharsets.UTF_8));
    resources.put(OB2 + "badge", "application/ld+json", ("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "%sbadge", "name": "Robotics",
         "description": "Builds robots.", "image": "%s", "criteria": {"narrative": "Build one."}, "issuer": "%s"}
        """.formatted(OB2, png, issuerId)).getBytes(StandardCharsets.UTF_8));
    ObjectNode assertion = (ObjectNode) SafeJson.read("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
         "id": "urn:uuid:0b8f3c2e-3d4a-4e5f-8a9b-1c2d3e4f5a6b",
         "recipient": {"type": "email", "hashed": false, "identity": "learner@example.org"},
         "badge": "%sbadge", "verification": {"type": "SignedBadge", "creator": "%s"},
         "issuedOn": "2025-01-01T00:00:00Z"}
        """.formatted(OB2, keyUrl));
    return Ob2Jws.sign(assertion, rsa, keyUrl);
  }
}
