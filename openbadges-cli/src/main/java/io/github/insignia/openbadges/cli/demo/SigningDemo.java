package io.github.insignia.openbadges.cli.demo;

import io.github.insignia.openbadges.signing.SigningErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyResolutionException;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.jose.Ob2Jws;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.resolve.DocumentFetcher;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Demo step: generates an Ed25519 issuer key and an RSA key, signs the OB 3.0 credential as a Data
 * Integrity proof ({@code eddsa-rdfc-2022}) and as a VC-JWT (EdDSA), signs the OB 2.0 assertion as a
 * JWS (RS256), verifies each, and writes issuer-key.jwk, credential-signed.json, credential.jwt,
 * ob2-assertion.jws, ob2-key.json, ob2-issuer-with-key.json, did.json and jwks.json.
 *
 * <p>Reads OB3_CREDENTIAL, OB2_ASSERTION, OB2_BADGE_CLASS, OB2_ISSUER (falls back to small samples
 * when the model step left none); leaves OB3_SIGNED_DI, OB3_JWT, OB2_JWS, ISSUER_KEY_JWK, and
 * OB2_ISSUER with the issuer's {@code publicKey} added.
 *
 * <p>The credential's {@code issuer.id} becomes the key's {@code did:key} (in a re-issued copy) so
 * that both proofs verify offline: a verifier requires the key to be controlled by the issuer.
 */
public final class SigningDemo implements DemoStep {
  static final String SAMPLE_CREDENTIAL = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
      + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\"id\":\"urn:uuid:2f0a7b3e-9c1d-4e55-8f0b-7d1b5e0c9a11\","
      + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":\"https://university.example.org/issuer\","
      + "\"type\":[\"Profile\"],\"name\":\"Example University\"},\"validFrom\":\"2026-01-01T00:00:00Z\",\"name\":\"Teamwork\","
      + "\"credentialSubject\":{\"type\":[\"AchievementSubject\"],\"achievement\":{\"id\":\"https://university.example.org/achievements/teamwork\","
      + "\"type\":[\"Achievement\"],\"name\":\"Teamwork\",\"description\":\"Collaborates well.\",\"criteria\":{\"narrative\":\"Nominated by peers.\"}}}}";
  static final String SAMPLE_BADGE_CLASS = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"BadgeClass\","
      + "\"id\":\"https://badges.example.org/badges/teamwork.json\",\"name\":\"Teamwork\",\"description\":\"Collaborates well.\","
      + "\"image\":\"https://badges.example.org/badges/teamwork.png\",\"criteria\":\"https://badges.example.org/badges/teamwork.html\","
      + "\"issuer\":\"https://badges.example.org/issuers/example-university.json\"}";
  static final String SAMPLE_ISSUER = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Issuer\","
      + "\"id\":\"https://badges.example.org/issuers/example-university.json\",\"name\":\"Example University\","
      + "\"url\":\"https://university.example.org/\",\"email\":\"badges@university.example.org\"}";
  static final String SAMPLE_ASSERTION = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
      + "\"id\":\"https://badges.example.org/assertions/1.json\",\"recipient\":{\"type\":\"email\",\"hashed\":false,"
      + "\"identity\":\"ada.lovelace@example.org\"},\"badge\":\"https://badges.example.org/badges/teamwork.json\","
      + "\"verification\":{\"type\":\"HostedBadge\"},\"issuedOn\":\"2026-01-01T00:00:00Z\"}";

  @Override
  public String title() {
    return "Signing: keys, Data Integrity proof, VC-JWT and OB 2.0 JWS";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    SigningKey issuerKey = SigningKey.generate(KeyType.ED25519);
    String did = issuerKey.publicKey().didKey();
    String vm = issuerKey.publicKey().didKeyVerificationMethod();
    context.say("  Ed25519 issuer key " + did);
    String issuerJwk = SafeJson.writePretty(issuerKey.toPrivateJwk());
    context.writeText("issuer-key.jwk", issuerJwk + "\n");
    context.put(DemoContext.ISSUER_KEY_JWK, issuerJwk);

    // OB 3.0: a copy of the credential issued by the did:key, so it verifies offline.
    Optional<String> fromModel = context.get(DemoContext.OB3_CREDENTIAL, String.class);
    ObjectNode credential = (ObjectNode) SafeJson.read(fromModel.orElse(SAMPLE_CREDENTIAL));
    if (fromModel.isEmpty()) {
      context.say("  (no credential from the model step: signing a small sample credential)");
    }
    String oldIssuer = reissue(credential, did);
    context.say("  re-issued the credential with issuer.id " + did + " (was " + oldIssuer + ") for offline verification");

    DataIntegrity dataIntegrity = DataIntegrity.create();
    ObjectNode signed = dataIntegrity.sign(credential, issuerKey, ProofOptions.builder(vm).build());
    // Verified as an importer would: through the one judge, the key bound to the did:key issuer.
    IssuerKeys keys = IssuerKeys.offline();
    DataIntegrity.Verified diResult = dataIntegrity.verifier(keys, VerificationPolicy.defaults()).verify(signed);
    context.say("  Data Integrity proof " + diResult.proofs().get(0).cryptosuite() + ": verified");
    String signedText = SafeJson.writePretty(signed);
    context.writeText("credential-signed.json", signedText + "\n");
    context.put(DemoContext.OB3_SIGNED_DI, signedText);

    String jwt = VcJwt.sign(credential, issuerKey, vm);
    VcJwt.Verified jwtResult = VcJwt.verifier(keys, VerificationPolicy.defaults()).verify(jwt, credential);
    context.say("  VC-JWT " + jwtResult.header().get("alg").asText() + ": verified (" + jwt.length() + " characters)");
    context.writeText("credential.jwt", jwt + "\n");
    context.put(DemoContext.OB3_JWT, jwt);

    // OB 2.0: an RS256 JWS; the issuer Profile lists the key, the key names the issuer as owner.
    SigningKey rsa = SigningKey.generateRsa(2048);
    ObjectNode ob2Issuer = (ObjectNode) SafeJson.read(context.get(DemoContext.OB2_ISSUER, String.class).orElse(SAMPLE_ISSUER));
    String ob2IssuerId = ob2Issuer.path("id").asText();
    String keyUrl = URI.create(ob2IssuerId).resolve("keys/issuer-key-1.json").toString();
    ob2Issuer.putArray("publicKey").add(keyUrl);
    ObjectNode keyDocument = KeyDocuments.ob2CryptographicKey(keyUrl, ob2IssuerId, rsa.publicKey());
    JsonNode assertion = SafeJson.read(context.get(DemoContext.OB2_ASSERTION, String.class).orElse(SAMPLE_ASSERTION));
    String jws = Ob2Jws.sign(assertion, rsa, keyUrl);
    JsonNode badgeClass = SafeJson.read(context.get(DemoContext.OB2_BADGE_CLASS, String.class).orElse(SAMPLE_BADGE_CLASS));
    Map<String, JsonNode> published = new HashMap<>();
    published.put(keyUrl, keyDocument);
    published.put(ob2IssuerId, ob2Issuer);
    published.put(badgeClass.path("id").asText(), badgeClass);
    DocumentFetcher local = url -> {
      JsonNode doc = published.get(url.toString());
      if (doc == null) {
        throw new KeyResolutionException(SigningErrorCode.KEY_FETCH_FAILED, "not published in the demo: " + url);
      }
      return SafeJson.write(doc).getBytes(StandardCharsets.UTF_8);
    };
    Ob2Jws.Verified ob2Result = Ob2Jws.verify(jws, local);
    context.say("  OB 2.0 JWS " + Ob2Jws.decode(jws).algorithm() + " by " + ob2Result.keyId() + ": verified");
    context.writeText("ob2-assertion.jws", jws + "\n");
    context.writeText("ob2-key.json", SafeJson.writePretty(keyDocument) + "\n");
    String ob2IssuerText = SafeJson.writePretty(ob2Issuer);
    context.writeText("ob2-issuer-with-key.json", ob2IssuerText + "\n");
    context.put(DemoContext.OB2_JWS, jws);
    context.put(DemoContext.OB2_ISSUER, ob2IssuerText);

    // What an issuer publishes for did:web and JWKS consumers.
    String didWeb = KeyDocuments.didWebFor(URI.create("https://university.example.org"));
    context.writeText("did.json", SafeJson.writePretty(KeyDocuments.didDocument(didWeb, List.of(issuerKey.publicKey()))) + "\n");
    context.writeText("jwks.json", SafeJson.writePretty(KeyDocuments.jwks(List.of(
        new KeyDocuments.KeyWithId(vm, issuerKey.publicKey()),
        new KeyDocuments.KeyWithId(keyUrl, rsa.publicKey())))) + "\n");
  }

  /** Sets issuer.id (and an embedded achievement creator with the same id) to {@code did}; returns the old id. */
  static String reissue(ObjectNode credential, String did) {
    JsonNode issuer = credential.get("issuer");
    String old;
    if (issuer != null && issuer.isObject()) {
      old = issuer.path("id").asText("(none)");
      ((ObjectNode) issuer).put("id", did);
    } else {
      old = issuer == null ? "(none)" : issuer.asText();
      credential.put("issuer", did);
    }
    JsonNode creator = credential.path("credentialSubject").path("achievement").get("creator");
    if (creator != null && creator.isObject() && old.equals(creator.path("id").asText())) {
      ((ObjectNode) creator).put("id", did);
    }
    return old;
  }
}
