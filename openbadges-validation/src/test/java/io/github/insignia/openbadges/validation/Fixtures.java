package io.github.insignia.openbadges.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.model.IdentityHash;
import io.github.insignia.openbadges.model.HashAlgorithm;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.internal.Base58;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.rdf.RdfCanonicalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/** Badges the tests issue (and then damage). Keys are generated once per JVM. */
final class Fixtures {
  static final SigningKey ED = SigningKey.generate(KeyType.ED25519);
  static final SigningKey OTHER_ED = SigningKey.generate(KeyType.ED25519);
  static final SigningKey RSA = SigningKey.generateRsa(2048);
  static final RdfCanonicalizer CANON = RdfCanonicalizer.create();
  static final String LEARNER = "learner@example.org";
  static final String SALT = "s4lt";

  private Fixtures() {}

  static ObjectNode json(String text) {
    return (ObjectNode) SafeJson.read(text);
  }

  /** An unsigned OB 3.0 credential issued by the did:key of {@link #ED}. */
  static ObjectNode ob3() {
    String issuer = ED.publicKey().didKey();
    String hash = IdentityHash.compute(HashAlgorithm.SHA256, LEARNER, SALT).toString();
    return json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2",
                      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "urn:uuid:2f1c6f1e-6a3b-4a4e-9c37-0d5f4f7c9a10",
         "type": ["VerifiableCredential", "OpenBadgeCredential"],
         "name": "Robotics",
         "issuer": {"id": "%s", "type": ["Profile"], "name": "Example Academy"},
         "validFrom": "2025-01-01T00:00:00Z",
         "credentialSubject": {
           "type": ["AchievementSubject"],
           "identifier": [{"type": "IdentityObject", "hashed": true, "identityHash": "%s",
                           "identityType": "emailAddress", "salt": "%s"}],
           "achievement": {"id": "https://example.org/achievements/robotics", "type": ["Achievement"],
             "name": "Robotics", "description": "Builds robots.", "criteria": {"narrative": "Build one."}}}}
        """.formatted(issuer, hash, SALT));
  }

  /** Adds an eddsa-rdfc-2022 proof by {@code key} (verification method: its did:key). */
  static ObjectNode signDi(ObjectNode credential, SigningKey key) {
    return signDi(credential, key, key.publicKey().didKeyVerificationMethod());
  }

  static ObjectNode signDi(ObjectNode credential, SigningKey key, String verificationMethod) {
    ObjectNode proof = json("""
        {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-01-01T00:00:00Z",
         "verificationMethod": "%s", "proofPurpose": "assertionMethod"}
        """.formatted(verificationMethod));
    ObjectNode options = proof.deepCopy();
    options.set("@context", credential.get("@context"));
    ObjectNode unsecured = credential.deepCopy();
    unsecured.remove("proof");
    byte[] hash = concat(sha256(CANON.canonicalize(options)), sha256(CANON.canonicalize(unsecured)));
    proof.put("proofValue", "z" + Base58.encode(key.sign(hash)));
    ObjectNode signed = credential.deepCopy();
    signed.set("proof", proof);
    return signed;
  }

  /** An OB 3.0 VC-JWT over the credential, with the OB 3.0 claims. */
  static String vcJwt(ObjectNode credential, SigningKey key) {
    ObjectNode header = json("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}");
    header.put("kid", key.publicKey().didKeyVerificationMethod());
    ObjectNode payload = credential.deepCopy();
    payload.put("iss", credential.get("issuer").get("id").asText());
    payload.put("jti", credential.get("id").asText());
    payload.put("nbf", Instant.parse(credential.get("validFrom").asText()).getEpochSecond());
    if (credential.has("validUntil")) {
      payload.put("exp", Instant.parse(credential.get("validUntil").asText()).getEpochSecond());
    }
    return jws(header, SafeJson.write(payload).getBytes(StandardCharsets.UTF_8), key);
  }

  static String jws(JsonNode header, byte[] payload, SigningKey key) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString(SafeJson.write(header).getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(payload);
    return input + "." + b64.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** A gzip + multibase base64url bitstring of {@code entries} bits with {@code setIndex} set (or -1). */
  static String encodedList(int entries, int setIndex) {
    byte[] bits = new byte[entries / 8];
    if (setIndex >= 0) {
      bits[setIndex / 8] |= (byte) (0x80 >> (setIndex % 8));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bits);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  /** An OB 2.0 hosted assertion, badge class and issuer under {@code base} (an http URL). */
  static ObjectNode ob2Issuer(String base) {
    return json("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "%1$s/issuer",
         "name": "Example Academy", "url": "%1$s", "email": "badges@example.org"}
        """.formatted(base));
  }

  static ObjectNode ob2BadgeClass(String base) {
    return json("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "%1$s/badge",
         "name": "Robotics", "description": "Builds robots.", "image": "%1$s/badge.png",
         "criteria": {"narrative": "Build one."}, "issuer": "%1$s/issuer"}
        """.formatted(base));
  }

  static ObjectNode ob2Assertion(String base, String id) {
    String hash = IdentityHash.compute(HashAlgorithm.SHA256, LEARNER, SALT).toString();
    return json("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "%2$s",
         "recipient": {"type": "email", "hashed": true, "salt": "%4$s", "identity": "%3$s"},
         "badge": "%1$s/badge", "verification": {"type": "HostedBadge"},
         "issuedOn": "2025-01-01T00:00:00Z"}
        """.formatted(base, id, hash, SALT));
  }

  /** A 1x1 PNG. */
  static byte[] png() {
    return Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  }

  static String didWebOf(String httpsBase) {
    return KeyDocuments.didWebFor(java.net.URI.create(httpsBase));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Publishes the hosted OB 2.0 badge of these fixtures on {@code server}: /issuer, /badge, /badge.png, /assertions/1. */
  static TestServer hostOb2(TestServer server) {
    String b = server.base();
    return server.json("/issuer", ob2Issuer(b))
        .json("/badge", ob2BadgeClass(b))
        .answer("/badge.png", 200, "image/png", png())
        .json("/assertions/1", ob2Assertion(b, b + "/assertions/1"));
  }
}
