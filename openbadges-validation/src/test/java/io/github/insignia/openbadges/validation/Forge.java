package io.github.insignia.openbadges.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.baking.BadgeBaker;
import io.github.insignia.openbadges.baking.BadgePayload;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.jose.Ob2Jws;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.KeyDocuments;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The forger's workshop for {@link ForgeryCatalogueTest}: one genuine issuer reachable through each
 * binding method (did:key, did:jwk, did:web, an https profile with its JWKS, an OB 2.0 profile with
 * its CryptographicKey), an attacker and a stranger, all with keys generated fresh for each run, and
 * the documents each of them publishes. Everything is signed with the signing module's public API;
 * only forged JOSE headers are assembled by hand, because no honest API writes them.
 */
final class Forge {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  // fresh keys each run
  static final SigningKey ISSUER = SigningKey.generate(KeyType.ED25519);
  static final SigningKey ATTACKER = SigningKey.generate(KeyType.ED25519);
  static final SigningKey STRANGER = SigningKey.generate(KeyType.ED25519);
  static final SigningKey ENDORSER = SigningKey.generate(KeyType.ED25519);
  static final SigningKey RSA_ISSUER = SigningKey.generateRsa(2048);
  static final SigningKey RSA_ATTACKER = SigningKey.generateRsa(2048);

  /** An https issuer: profile at its id, JWKS at its authority's /.well-known/jwks.json. */
  static final String HTTPS = "https://uni.example/issuer";
  static final String HTTPS_JWKS = "https://uni.example/.well-known/jwks.json";
  static final String WEB = "did:web:web.example";
  static final String WEB_DOC = "https://web.example/.well-known/did.json";
  static final String DKEY = ISSUER.publicKey().didKey();
  static final String DJWK = "did:jwk:" + b64(SafeJson.write(ISSUER.publicKey().toJwk()).getBytes(StandardCharsets.UTF_8));
  static final String OB2 = "https://ob2.example";
  static final String EVIL = "https://evil.example";
  static final String EVIL_DID = "did:web:evil.example";
  static final String STATUS_LIST = "https://status.example/lists/1";

  private static final DataIntegrity DI = DataIntegrity.create();

  private Forge() {}

  // ---------------------------------------------------------------- key ids

  static String httpsVm(String issuer, SigningKey key) {
    return issuer + "#" + KeyDocuments.fragmentFor(key.publicKey());
  }

  static String webVm(String did, SigningKey key) {
    return did + "#" + KeyDocuments.fragmentFor(key.publicKey());
  }

  static String didKeyVm(SigningKey key) {
    return key.publicKey().didKeyVerificationMethod();
  }

  // ---------------------------------------------------------------- credentials

  static ObjectNode json(String text) {
    return (ObjectNode) SafeJson.read(text);
  }

  /** An unsigned OB 3.0 credential naming {@code issuerId}, with a fresh id. */
  static ObjectNode credential(String issuerId) {
    return json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2",
                      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "urn:uuid:%s",
         "type": ["VerifiableCredential", "OpenBadgeCredential"],
         "name": "Robotics",
         "issuer": {"id": "%s", "type": ["Profile"], "name": "Example University"},
         "validFrom": "2025-01-01T00:00:00Z",
         "credentialSubject": {
           "id": "did:example:learner-1",
           "type": ["AchievementSubject"],
           "achievement": {"id": "https://example.org/achievements/robotics", "type": ["Achievement"],
             "name": "Robotics", "description": "Builds robots.", "criteria": {"narrative": "Build one."}}}}
        """.formatted(UUID.randomUUID(), issuerId));
  }

  /** An unsigned endorsement of the robotics achievement by {@code endorserId}. */
  static ObjectNode endorsement(String endorserId) {
    return json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "urn:uuid:%s", "type": ["VerifiableCredential", "EndorsementCredential"],
         "name": "Endorsement", "issuer": {"id": "%s", "type": ["Profile"], "name": "Endorser"},
         "validFrom": "2025-01-01T00:00:00Z",
         "credentialSubject": {"id": "https://example.org/achievements/robotics", "type": ["EndorsementSubject"],
                               "endorsementComment": "Good."}}
        """.formatted(UUID.randomUUID(), endorserId));
  }

  static ObjectNode withEndorsement(ObjectNode credential, JsonNode endorsement) {
    ObjectNode c = credential.deepCopy();
    ((ObjectNode) c.get("credentialSubject").get("achievement")).putArray("endorsement").add(endorsement);
    return c;
  }

  // ---------------------------------------------------------------- Data Integrity

  static ObjectNode di(ObjectNode credential, SigningKey key, String vm) {
    return di(credential, key, vm, UnaryOperator.identity());
  }

  static ObjectNode di(ObjectNode credential, SigningKey key, String vm, UnaryOperator<ProofOptions.Builder> tweak) {
    return DI.sign(credential, key, tweak.apply(ProofOptions.builder(vm).created(T0)).build());
  }

  static ObjectNode proof(ObjectNode credential, SigningKey key, String vm) {
    return DI.createProof(credential, key, ProofOptions.builder(vm).created(T0).build());
  }

  // ---------------------------------------------------------------- JOSE

  static String jwt(ObjectNode credential, SigningKey key, String kid) {
    return VcJwt.sign(credential, key, kid);
  }

  /** A VC-JWT with a hand-written header (the forger's), over the payload VcJwt would write. */
  static String jwt(ObjectNode header, ObjectNode credential, SigningKey key) {
    return jws(header, VcJwt.payload(credential), key);
  }

  static ObjectNode header(String alg) {
    ObjectNode h = SafeJson.nodeFactory().objectNode();
    h.put("alg", alg);
    h.put("typ", "JWT");
    return h;
  }

  /** {@code alg: EdDSA} with the signer's own key in {@code jwk}. */
  static ObjectNode jwkHeader(SigningKey key) {
    ObjectNode h = header("EdDSA");
    h.set("jwk", key.publicKey().toJwk());
    return h;
  }

  static String jws(JsonNode header, byte[] payload, SigningKey key) {
    String input = b64(SafeJson.write(header).getBytes(StandardCharsets.UTF_8)) + "." + b64(payload);
    return input + "." + b64(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  static String unsigned(JsonNode header, byte[] payload) {
    return b64(SafeJson.write(header).getBytes(StandardCharsets.UTF_8)) + "." + b64(payload) + ".";
  }

  /** HS256 keyed with the bytes of a public key (the classic algorithm-confusion forgery). */
  static String hs256(JsonNode header, byte[] payload, byte[] secret) {
    String input = b64(SafeJson.write(header).getBytes(StandardCharsets.UTF_8)) + "." + b64(payload);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The VC-JWT payload of a credential as a tree, to be bent and re-signed. */
  static ObjectNode payload(ObjectNode credential) {
    return (ObjectNode) SafeJson.read(new String(VcJwt.payload(credential), StandardCharsets.UTF_8));
  }

  static byte[] bytes(JsonNode node) {
    return SafeJson.write(node).getBytes(StandardCharsets.UTF_8);
  }

  /** Replaces one JWS segment (0 header, 1 payload, 2 signature) keeping the others. */
  static String flipSignature(String jws) {
    String[] p = jws.split("\\.");
    byte[] sig = Base64.getUrlDecoder().decode(p[2]);
    sig[sig.length / 2] ^= 0x01;
    return p[0] + "." + p[1] + "." + b64(sig);
  }

  static String replacePayload(String jws, byte[] payload) {
    String[] p = jws.split("\\.");
    return p[0] + "." + b64(payload) + "." + p[2];
  }

  /** A key of the attacker's with its self-signed X.509 certificate (base64 DER, for {@code x5c}). */
  record Certified(SigningKey key, String x5c) {}

  static Certified selfSignedCert(String cn) {
    try {
      java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("Ed25519");
      java.security.KeyPair pair = gen.generateKeyPair();
      X500Name name = new X500Name("CN=" + cn);
      ContentSigner signer = new JcaContentSignerBuilder("Ed25519").build(pair.getPrivate());
      byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
          Date.from(T0), Date.from(T0.plusSeconds(10L * 365 * 86400)), name, pair.getPublic())
          .build(signer).getEncoded();
      return new Certified(SigningKey.fromJdk(pair.getPrivate()), Base64.getEncoder().encodeToString(der));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- issuer-side documents

  /** An OB 3.0 issuer profile listing {@code keys} as Multikey methods under assertionMethod. */
  static ObjectNode profile(String issuerId, SigningKey... keys) {
    ObjectNode p = json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "%s", "type": ["Profile"], "name": "Example University"}
        """.formatted(issuerId));
    ArrayNode methods = p.putArray("verificationMethod");
    ArrayNode assertion = p.putArray("assertionMethod");
    for (SigningKey key : keys) {
      String id = httpsVm(issuerId, key);
      methods.add(KeyDocuments.verificationMethodDocument(id, issuerId, key.publicKey()));
      assertion.add(id);
    }
    return p;
  }

  /** A JWKS holding {@code key} under {@code kid}, each JWK with {@code iss} = issuer. */
  static ObjectNode jwks(String issuerId, String kid, SigningKey key) {
    ObjectNode doc = KeyDocuments.jwks(List.of(new KeyDocuments.KeyWithId(kid, key.publicKey())));
    ((ObjectNode) doc.get("keys").get(0)).put("iss", issuerId);
    return doc;
  }

  static ObjectNode didDoc(String did, SigningKey key) {
    return KeyDocuments.didDocument(did, List.of(key.publicKey()));
  }

  static ObjectNode ob2Issuer(String... publicKeys) {
    ObjectNode issuer = json("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": "%1$s/issuer",
         "name": "Example Academy", "url": "%1$s", "email": "badges@example.org"}
        """.formatted(OB2));
    if (publicKeys.length > 0) {
      ArrayNode list = issuer.putArray("publicKey");
      for (String k : publicKeys) {
        list.add(k);
      }
    }
    return issuer;
  }

  static ObjectNode ob2BadgeClass() {
    return json("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "%1$s/badge",
         "name": "Robotics", "description": "Builds robots.", "image": "%1$s/badge.png",
         "criteria": {"narrative": "Build one."}, "issuer": "%1$s/issuer"}
        """.formatted(OB2));
  }

  static ObjectNode ob2Assertion(String id) {
    return json("""
        {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "%2$s",
         "recipient": {"type": "email", "hashed": false, "identity": "learner@example.org"},
         "badge": "%1$s/badge", "verification": {"type": "HostedBadge"},
         "issuedOn": "2025-01-01T00:00:00Z"}
        """.formatted(OB2, id));
  }

  static String ob2Signed(SigningKey key, String creator) {
    return Ob2Jws.sign(ob2Assertion("urn:uuid:" + UUID.randomUUID()), key, creator);
  }

  static ObjectNode cryptographicKey(String id, String owner, VerificationKey key) {
    return KeyDocuments.ob2CryptographicKey(id, owner, key);
  }

  /** A Bitstring status list credential naming {@code issuerId}, with index {@code set} set (or -1). */
  static ObjectNode statusList(String issuerId, String purpose, int set) {
    return json("""
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "%1$s",
         "type": ["VerifiableCredential", "BitstringStatusListCredential"], "issuer": "%2$s",
         "validFrom": "2025-01-01T00:00:00Z",
         "credentialSubject": {"id": "%1$s#list", "type": "BitstringStatusList", "statusPurpose": "%3$s",
                               "encodedList": "%4$s"}}
        """.formatted(STATUS_LIST, issuerId, purpose, Fixtures.encodedList(131_072, set)));
  }

  static ObjectNode withStatus(ObjectNode credential, String purpose, int index) {
    ObjectNode c = credential.deepCopy();
    c.set("credentialStatus", json("""
        {"id": "%1$s#%3$d", "type": "BitstringStatusListEntry", "statusPurpose": "%2$s",
         "statusListIndex": "%3$d", "statusListCredential": "%1$s"}
        """.formatted(STATUS_LIST, purpose, index)));
    return c;
  }

  /**
   * What the genuine issuers (and the attacker, on its own origin) publish: the https profile and
   * JWKS, the did:web document, the OB 2.0 profile, key, badge class and image, and the attacker's
   * DID document, JWKS and key documents (which claim the victims as controller/owner).
   */
  static PreloadedResources.Builder world() {
    ObjectNode evilDid = didDoc(EVIL_DID, ATTACKER);
    // the attacker's DID document claims the victim DID controls its key
    ((ObjectNode) evilDid.get("verificationMethod").get(0)).put("controller", WEB);
    return PreloadedResources.builder()
        .put(HTTPS, "application/json", bytes(profile(HTTPS, ISSUER)))
        .put(HTTPS_JWKS, "application/json", bytes(jwks(HTTPS, "key-1", ISSUER)))
        .put(WEB_DOC, "application/did+json", bytes(didDoc(WEB, ISSUER)))
        .put(OB2 + "/issuer", "application/ld+json", bytes(ob2Issuer(OB2 + "/key")))
        .put(OB2 + "/key", "application/ld+json", bytes(cryptographicKey(OB2 + "/key", OB2 + "/issuer", RSA_ISSUER.publicKey())))
        .put(OB2 + "/badge", "application/ld+json", bytes(ob2BadgeClass()))
        .put(OB2 + "/badge.png", "image/png", Fixtures.png())
        .put("https://evil.example/.well-known/did.json", "application/did+json", bytes(evilDid))
        .put(EVIL + "/jwks.json", "application/json", bytes(jwks(HTTPS, "attacker-1", ATTACKER)))
        .put(EVIL + "/keys/1", "application/json",
            bytes(KeyDocuments.multikeyDocument(EVIL + "/keys/1", HTTPS, ATTACKER.publicKey())))
        .put(EVIL + "/ob2-key", "application/ld+json",
            bytes(cryptographicKey(EVIL + "/ob2-key", OB2 + "/issuer", RSA_ATTACKER.publicKey())));
  }

  // ---------------------------------------------------------------- baking

  static byte[] png(String payload) {
    return BadgeBaker.create().bake(Fixtures.png(), BadgePayload.of(payload));
  }

  static byte[] svg(String payload) {
    return BadgeBaker.create().bake(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>".getBytes(StandardCharsets.UTF_8),
        BadgePayload.of(payload));
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
