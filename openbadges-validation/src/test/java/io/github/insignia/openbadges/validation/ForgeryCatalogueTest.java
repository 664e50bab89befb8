package io.github.insignia.openbadges.validation;

import static io.github.insignia.openbadges.validation.Forge.ATTACKER;
import static io.github.insignia.openbadges.validation.Forge.DJWK;
import static io.github.insignia.openbadges.validation.Forge.DKEY;
import static io.github.insignia.openbadges.validation.Forge.ENDORSER;
import static io.github.insignia.openbadges.validation.Forge.EVIL;
import static io.github.insignia.openbadges.validation.Forge.EVIL_DID;
import static io.github.insignia.openbadges.validation.Forge.HTTPS;
import static io.github.insignia.openbadges.validation.Forge.HTTPS_JWKS;
import static io.github.insignia.openbadges.validation.Forge.ISSUER;
import static io.github.insignia.openbadges.validation.Forge.OB2;
import static io.github.insignia.openbadges.validation.Forge.RSA_ATTACKER;
import static io.github.insignia.openbadges.validation.Forge.RSA_ISSUER;
import static io.github.insignia.openbadges.validation.Forge.STATUS_LIST;
import static io.github.insignia.openbadges.validation.Forge.STRANGER;
import static io.github.insignia.openbadges.validation.Forge.WEB;
import static io.github.insignia.openbadges.validation.Forge.WEB_DOC;
import static io.github.insignia.openbadges.validation.Forge.bytes;
import static io.github.insignia.openbadges.validation.Forge.credential;
import static io.github.insignia.openbadges.validation.Forge.di;
import static io.github.insignia.openbadges.validation.Forge.didKeyVm;
import static io.github.insignia.openbadges.validation.Forge.header;
import static io.github.insignia.openbadges.validation.Forge.httpsVm;
import static io.github.insignia.openbadges.validation.Forge.jwkHeader;
import static io.github.insignia.openbadges.validation.Forge.jwt;
import static io.github.insignia.openbadges.validation.Forge.webVm;
import static io.github.insignia.openbadges.validation.Forge.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.jose.Ob2Jws;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.validation.fetch.PreloadedResources;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forgery catalogue: every row of the trust contract's attack → answer table, each forgery built
 * from a genuine badge with keys generated for this run, asserted through {@link BadgeVerifier} (the
 * path a platform calls) to give the table's verdict and root-cause code; plus the genuine badges
 * of every binding method, asserted VALID. Issuer documents are served by {@link PreloadedResources}
 * (offline) or, where the network path matters, by real loopback servers. {@code docs/validation.md}
 * ("Forgery catalogue") lists the same rows.
 */
class ForgeryCatalogueTest {
  /** One row: an attack (or a genuine badge), the expected verdict and root cause. */
  record Case(String attack, Verdict verdict, CheckCode code, Supplier<VerificationReport> run,
      Consumer<VerificationReport> more) {
    @Override
    public String toString() {
      return attack + " -> " + verdict + (code == null ? "" : " " + code);
    }
  }

  // ---------------------------------------------------------------- loopback issuers

  /** Issuers on a real loopback server: /ok serves its profile and JWKS. */
  private static final class Loop {
    static final TestServer OK = start();
    /** Every issuer document hangs: only the client's timeout ends the wait. */
    static final TestServer SLOW = startSlow();

    static TestServer start() {
      try {
        TestServer s = new TestServer();
        String issuer = s.base() + "/ok/issuer";
        s.json("/ok/issuer", Forge.profile(issuer, ISSUER));
        s.json("/.well-known/jwks.json", Forge.jwks(issuer, "key-1", ISSUER));
        return s;
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static TestServer startSlow() {
      try {
        return new TestServer().hang("/issuer").hang("/.well-known/jwks.json");
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static boolean loopStarted;

  static String okIssuer() {
    loopStarted = true;
    return Loop.OK.base() + "/ok/issuer";
  }

  static String slowIssuer() {
    loopStarted = true;
    return Loop.SLOW.base() + "/issuer";
  }

  /** What each case observed, written to target/forgery-catalogue.txt for the reviewer. */
  private static final java.util.Map<Integer, String> OBSERVED = new java.util.concurrent.ConcurrentSkipListMap<>();

  @AfterAll
  static void writeObserved() throws java.io.IOException {
    java.nio.file.Path target = java.nio.file.Path.of("target");
    if (java.nio.file.Files.isDirectory(target) && !OBSERVED.isEmpty()) {
      java.nio.file.Files.write(target.resolve("forgery-catalogue.txt"), OBSERVED.values());
    }
  }

  @AfterAll
  static void stopServers() {
    if (loopStarted) {
      Loop.OK.close();
      Loop.SLOW.close();
    }
  }

  // ---------------------------------------------------------------- how a case is verified

  static VerificationReport verify(VerificationOptions options, Object input) {
    BadgeVerifier verifier = BadgeVerifier.create(options);
    if (input instanceof byte[] b) {
      return verifier.verify(b);
    }
    if (input instanceof URI u) {
      return verifier.verify(u);
    }
    return verifier.verify((String) input);
  }

  /** Offline, with the documents the issuers (and the attacker) publish. */
  static Supplier<VerificationReport> hosted(Supplier<Object> input) {
    return hosted(UnaryOperator.identity(), input);
  }

  /** Offline, with the published documents changed by {@code change}. */
  static Supplier<VerificationReport> hosted(UnaryOperator<PreloadedResources.Builder> change, Supplier<Object> input) {
    return () -> verify(VerificationOptions.builder().offline(true).resources(change.apply(world()).build()).build(),
        input.get());
  }

  /** Offline with nothing preloaded: no issuer document can be obtained. */
  static Supplier<VerificationReport> nothing(Supplier<Object> input) {
    return () -> verify(VerificationOptions.builder().offline(true).build(), input.get());
  }

  /** On the network, loopback allowed, generous timeouts (the machine may be loaded). */
  static Supplier<VerificationReport> loopback(Supplier<Object> input) {
    return online(input, Duration.ofSeconds(10));
  }

  /** On the network against the hanging server: short timeouts. */
  static Supplier<VerificationReport> hanging(Supplier<Object> input) {
    return online(input, Duration.ofMillis(800));
  }

  static Supplier<VerificationReport> online(Supplier<Object> input, Duration total) {
    return () -> verify(VerificationOptions.builder().offline(false).allowPrivateNetwork(true)
        .connectTimeout(total.dividedBy(2)).totalTimeout(total).build(), input.get());
  }

  static PreloadedResources.Builder answer(PreloadedResources.Builder b, String url, int status) {
    return b.put(url, status, "text/html", "<h1>no</h1>".getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- badges, genuine and forged

  static String s(Object json) {
    return json instanceof String t ? t : SafeJson.write((com.fasterxml.jackson.databind.JsonNode) json);
  }

  /** Issued by {@code issuer}, signed by the attacker, with the attacker's key in the jwk header (and a kid). */
  static String jwkForgery(String issuer, String kid) {
    ObjectNode h = jwkHeader(ATTACKER);
    if (kid != null) {
      h.put("kid", kid);
    }
    return jwt(h, credential(issuer), ATTACKER);
  }

  static String headerForgery(String issuer, UnaryOperator<ObjectNode> h, SigningKey key) {
    return jwt(h.apply(header("EdDSA")), credential(issuer), key);
  }

  /** The issuer's own VC-JWT whose payload claims were bent after the fact, re-signed by the issuer. */
  static String claimsForgery(UnaryOperator<ObjectNode> bend, ObjectNode credential) {
    ObjectNode h = header("EdDSA");
    h.put("kid", didKeyVm(ISSUER));
    return Forge.jws(h, bytes(bend.apply(Forge.payload(credential))), ISSUER);
  }

  static String fragmentForgery(String issuer) {
    return s(di(credential(issuer), ATTACKER, httpsVm(issuer, ATTACKER)));
  }

  static String genuineDi() {
    return s(di(credential(DKEY), ISSUER, didKeyVm(ISSUER)));
  }

  static ObjectNode didDocWith(UnaryOperator<ObjectNode> change) {
    return change.apply(Forge.didDoc(WEB, ISSUER));
  }

  static String ob2Forgery(SigningKey key, String creator) {
    return Forge.ob2Signed(key, creator);
  }

  static String statusForgery(String purpose, int index) {
    return s(di(Forge.withStatus(credential(DKEY), purpose, index), ISSUER, didKeyVm(ISSUER)));
  }

  static UnaryOperator<PreloadedResources.Builder> list(ObjectNode listCredential) {
    return b -> b.put(STATUS_LIST, "application/vc+ld+json", bytes(listCredential));
  }

  static ObjectNode issuerSignedList(String purpose, int set) {
    return di(Forge.statusList(DKEY, purpose, set), ISSUER, didKeyVm(ISSUER));
  }

  static ObjectNode strangerEndorsement() {
    return di(Forge.endorsement(ENDORSER.publicKey().didKey()), STRANGER, didKeyVm(STRANGER));
  }

  static final String ENDORSER_HTTPS = "https://endorser.example/profile";

  static ObjectNode fragmentEndorsement() {
    return di(Forge.endorsement(ENDORSER_HTTPS), ATTACKER, httpsVm(ENDORSER_HTTPS, ATTACKER));
  }

  static UnaryOperator<PreloadedResources.Builder> endorserProfile() {
    return b -> b.put(ENDORSER_HTTPS, "application/json", bytes(Forge.profile(ENDORSER_HTTPS, ENDORSER)));
  }

  static String endorsed(ObjectNode endorsement) {
    return s(di(Forge.withEndorsement(credential(DKEY), endorsement), ISSUER, didKeyVm(ISSUER)));
  }

  static Consumer<VerificationReport> endorsementWarning() {
    return r -> assertEquals(Outcome.WARNING,
        r.find(CheckCode.ENDORSEMENT_INVALID).map(Check::outcome).orElse(null), r::toJson);
  }

  // ---------------------------------------------------------------- the catalogue

  static final List<Case> CASES = new ArrayList<>();

  static void add(String attack, Verdict verdict, CheckCode code, Supplier<VerificationReport> run) {
    CASES.add(new Case(attack, verdict, code, run, r -> {}));
  }

  static void invalid(String attack, CheckCode code, Supplier<VerificationReport> run) {
    add(attack, Verdict.INVALID, code, run);
  }

  static void unbound(String attack, Supplier<VerificationReport> run) {
    invalid(attack, CheckCode.KEY_NOT_BOUND_TO_ISSUER, run);
  }

  static void unavailable(String attack, Supplier<VerificationReport> run) {
    add(attack, Verdict.INDETERMINATE, CheckCode.ISSUER_KEYS_UNAVAILABLE, run);
  }

  static void genuine(String what, Supplier<VerificationReport> run) {
    add("genuine: " + what, Verdict.VALID, null, run);
  }

  static {
    // ---- VC-JWT signed by a fresh key carried in its own jwk header
    unbound("VC-JWT, https issuer, attacker key in the jwk header", hosted(() -> jwkForgery(HTTPS, null)));
    unbound("VC-JWT, https issuer, jwk header + kid naming the issuer's profile key",
        hosted(() -> jwkForgery(HTTPS, httpsVm(HTTPS, ISSUER))));
    unbound("VC-JWT, https issuer, jwk header + kid naming the issuer's JWKS key",
        hosted(() -> jwkForgery(HTTPS, "key-1")));
    unbound("VC-JWT, did:web issuer, attacker key in the jwk header", hosted(() -> jwkForgery(WEB, null)));
    unbound("VC-JWT, did:web issuer, jwk header + kid naming the issuer's key",
        hosted(() -> jwkForgery(WEB, webVm(WEB, ISSUER))));
    unbound("VC-JWT, did:key issuer, attacker key in the jwk header", hosted(() -> jwkForgery(DKEY, null)));
    unbound("VC-JWT, did:key issuer, jwk header + kid naming the issuer's did:key",
        hosted(() -> jwkForgery(DKEY, didKeyVm(ISSUER))));
    unbound("VC-JWT, did:jwk issuer, attacker key in the jwk header", hosted(() -> jwkForgery(DJWK, null)));
    unbound("VC-JWT, loopback https issuer (served), attacker key in the jwk header",
        loopback(() -> jwkForgery(okIssuer(), null)));

    // ---- the same when the issuer's keys cannot be obtained
    unavailable("VC-JWT jwk header, https issuer, offline", nothing(() -> jwkForgery(HTTPS, null)));
    unavailable("VC-JWT jwk header, did:web issuer, offline", nothing(() -> jwkForgery(WEB, null)));
    unavailable("VC-JWT jwk header, https issuer, profile and JWKS 404",
        hosted(b -> answer(answer(b, HTTPS, 404), HTTPS_JWKS, 404), () -> jwkForgery(HTTPS, null)));
    unavailable("VC-JWT jwk header, https issuer, profile and JWKS 403",
        hosted(b -> answer(answer(b, HTTPS, 403), HTTPS_JWKS, 403), () -> jwkForgery(HTTPS, null)));
    unavailable("VC-JWT jwk header, did:web issuer, did.json 404",
        hosted(b -> answer(b, WEB_DOC, 404), () -> jwkForgery(WEB, null)));
    unavailable("VC-JWT jwk header, did:web issuer, did.json 403",
        hosted(b -> answer(b, WEB_DOC, 403), () -> jwkForgery(WEB, null)));
    unavailable("VC-JWT jwk header, loopback https issuer, timeout", hanging(() -> jwkForgery(slowIssuer(), null)));

    // ---- kid naming a key in another DID's document
    unbound("VC-JWT, did:web issuer, kid = the attacker's did:key",
        hosted(() -> headerForgery(WEB, h -> h.put("kid", didKeyVm(ATTACKER)), ATTACKER)));
    unbound("VC-JWT, did:web issuer, kid into the attacker's did:web (which names the victim as controller)",
        hosted(() -> headerForgery(WEB, h -> h.put("kid", webVm(EVIL_DID, ATTACKER)), ATTACKER)));
    unbound("VC-JWT, https issuer, kid = the attacker's did:key",
        hosted(() -> headerForgery(HTTPS, h -> h.put("kid", didKeyVm(ATTACKER)), ATTACKER)));
    unbound("VC-JWT, did:key issuer, kid = another did:key",
        hosted(() -> headerForgery(DKEY, h -> h.put("kid", didKeyVm(ATTACKER)), ATTACKER)));

    // ---- jku / x5u / x5c
    unbound("VC-JWT, https issuer, jku at the attacker's JWKS (never fetched)",
        hosted(() -> headerForgery(HTTPS, h -> h.put("jku", EVIL + "/jwks.json").put("kid", "attacker-1"), ATTACKER)));
    unbound("VC-JWT, did:web issuer, jku at the attacker's JWKS",
        hosted(() -> headerForgery(WEB, h -> h.put("jku", EVIL + "/jwks.json").put("kid", "attacker-1"), ATTACKER)));
    unbound("VC-JWT, https issuer, x5u at the attacker's certificate",
        hosted(() -> headerForgery(HTTPS, h -> h.put("x5u", EVIL + "/cert.pem"), ATTACKER)));
    unbound("VC-JWT, https issuer, x5c with the attacker's self-signed certificate", hosted(() -> {
      Forge.Certified cert = Forge.selfSignedCert("uni.example");
      return headerForgery(HTTPS, h -> {
        h.putArray("x5c").add(cert.x5c());
        return h;
      }, cert.key());
    }));

    // ---- algorithm games
    invalid("VC-JWT alg none, did:key issuer", CheckCode.PROOF_MALFORMED, hosted(() -> Forge.unsigned(
        header("none").put("kid", didKeyVm(ISSUER)), VcJwt.payload(credential(DKEY)))));
    invalid("VC-JWT alg none, https issuer", CheckCode.PROOF_MALFORMED, hosted(() -> Forge.unsigned(
        header("none").put("kid", "key-1"), VcJwt.payload(credential(HTTPS)))));
    invalid("VC-JWT HS256 keyed with the issuer's public key bytes, did:key issuer", CheckCode.PROOF_MALFORMED,
        hosted(() -> Forge.hs256(header("HS256").put("kid", didKeyVm(ISSUER)),
            VcJwt.payload(credential(DKEY)), ISSUER.publicKey().rawBytes())));
    invalid("VC-JWT HS256 keyed with the issuer's published PEM, https issuer", CheckCode.PROOF_MALFORMED,
        hosted(() -> Forge.hs256(header("HS256").put("kid", "key-1"),
            VcJwt.payload(credential(HTTPS)),
            ISSUER.publicKey().toSpkiPem().getBytes(StandardCharsets.US_ASCII))));
    invalid("VC-JWT unknown alg", CheckCode.PROOF_MALFORMED,
        hosted(() -> jwt(header("ES999").put("kid", didKeyVm(ISSUER)), credential(DKEY), ISSUER)));
    invalid("VC-JWT alg ES256 over an Ed25519 key (did:key)", CheckCode.PROOF_MALFORMED,
        hosted(() -> jwt(header("ES256").put("kid", didKeyVm(ISSUER)), credential(DKEY), ISSUER)));
    invalid("VC-JWT alg RS256 over an Ed25519 key (did:web)", CheckCode.PROOF_MALFORMED,
        hosted(() -> jwt(header("RS256").put("kid", webVm(WEB, ISSUER)), credential(WEB), ISSUER)));

    // ---- genuine key, bytes altered
    invalid("VC-JWT signature bytes altered (did:key)", CheckCode.PROOF_INVALID,
        hosted(() -> Forge.flipSignature(jwt(credential(DKEY), ISSUER, didKeyVm(ISSUER)))));
    invalid("VC-JWT payload altered after signing (https, JWKS kid)", CheckCode.PROOF_INVALID, hosted(() -> {
      ObjectNode c = credential(HTTPS);
      String genuine = jwt(c, ISSUER, "key-1");
      c.put("name", "Rocket science");
      return Forge.replacePayload(genuine, VcJwt.payload(c));
    }));
    invalid("VC-JWT payload altered after signing (did:web)", CheckCode.PROOF_INVALID, hosted(() -> {
      ObjectNode c = credential(WEB);
      String genuine = jwt(c, ISSUER, webVm(WEB, ISSUER));
      ((ObjectNode) c.get("credentialSubject")).put("id", "did:example:forger");
      return Forge.replacePayload(genuine, VcJwt.payload(c));
    }));

    // ---- claims disagreeing with the credential (signed by the issuer itself)
    invalid("VC-JWT iss claim differs from the credential issuer", CheckCode.JWT_CLAIMS,
        hosted(() -> claimsForgery(p -> p.put("iss", STRANGER.publicKey().didKey()), credential(DKEY))));
    invalid("VC-JWT jti claim differs from the credential id", CheckCode.JWT_CLAIMS,
        hosted(() -> claimsForgery(p -> p.put("jti", "urn:uuid:00000000-0000-4000-8000-000000000000"), credential(DKEY))));
    invalid("VC-JWT sub claim differs from the subject id", CheckCode.JWT_CLAIMS,
        hosted(() -> claimsForgery(p -> p.put("sub", "did:example:someone-else"), credential(DKEY))));
    invalid("VC-JWT nbf claim differs from validFrom", CheckCode.JWT_CLAIMS,
        hosted(() -> claimsForgery(p -> p.put("nbf", p.get("nbf").asLong() - 86_400), credential(DKEY))));
    invalid("VC-JWT exp claim differs from validUntil", CheckCode.JWT_CLAIMS, hosted(() -> {
      ObjectNode c = credential(DKEY);
      c.put("validUntil", "2099-01-01T00:00:00Z");
      return claimsForgery(p -> p.put("exp", Instant.parse("2098-01-01T00:00:00Z").getEpochSecond()), c);
    }));
    invalid("VC-JWT (VCDM 1.1) vc credential disagrees with the iss claim", CheckCode.JWT_CLAIMS, hosted(() -> {
      ObjectNode c = credential(DKEY);
      c.set("@context", SafeJson.nodeFactory().arrayNode().add("https://www.w3.org/2018/credentials/v1")
          .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
      c.remove("validFrom");
      c.put("issuanceDate", "2025-01-01T00:00:00Z");
      return claimsForgery(p -> p.put("iss", STRANGER.publicKey().didKey()), c);
    }));

    // ---- attacker-hosted key documents that *say* the issuer controls them
    unbound("VC-JWT, https issuer, kid = attacker-hosted Multikey document claiming the issuer as controller",
        hosted(() -> headerForgery(HTTPS, h -> h.put("kid", EVIL + "/keys/1"), ATTACKER)));
    unbound("Data Integrity, https issuer, verificationMethod = attacker-hosted key document claiming the issuer",
        hosted(() -> s(di(credential(HTTPS), ATTACKER, EVIL + "/keys/1"))));
    unbound("Data Integrity, did:web issuer, method in the attacker's DID document claiming the victim as controller",
        hosted(() -> s(di(credential(WEB), ATTACKER, webVm(EVIL_DID, ATTACKER)))));

    // ---- did:web: assertionMethod and controller
    unbound("Data Integrity, did:web issuer, key only under verificationMethod",
        hosted(b -> b.put(WEB_DOC, "application/did+json", bytes(didDocWith(d -> {
          d.remove("assertionMethod");
          d.remove("authentication");
          return d;
        }))), () -> s(di(credential(WEB), ISSUER, webVm(WEB, ISSUER)))));
    unbound("Data Integrity, did:web issuer, key only under authentication",
        hosted(b -> b.put(WEB_DOC, "application/did+json", bytes(didDocWith(d -> {
          d.remove("assertionMethod");
          return d;
        }))), () -> s(di(credential(WEB), ISSUER, webVm(WEB, ISSUER)))));
    unbound("VC-JWT, did:web issuer, key only under verificationMethod",
        hosted(b -> b.put(WEB_DOC, "application/did+json", bytes(didDocWith(d -> {
          d.remove("assertionMethod");
          d.remove("authentication");
          return d;
        }))), () -> jwt(credential(WEB), ISSUER, webVm(WEB, ISSUER))));
    unbound("Data Integrity, did:web issuer, assertionMethod key whose controller is another DID",
        hosted(b -> b.put(WEB_DOC, "application/did+json", bytes(didDocWith(d -> {
          ((ObjectNode) d.get("verificationMethod").get(0)).put("controller", EVIL_DID);
          return d;
        }))), () -> s(di(credential(WEB), ISSUER, webVm(WEB, ISSUER)))));
    unbound("VC-JWT, did:web issuer, assertionMethod key whose controller is another DID",
        hosted(b -> b.put(WEB_DOC, "application/did+json", bytes(didDocWith(d -> {
          ((ObjectNode) d.get("verificationMethod").get(0)).put("controller", EVIL_DID);
          return d;
        }))), () -> jwt(credential(WEB), ISSUER, webVm(WEB, ISSUER))));

    // ---- Data Integrity <issuer>#z6Mk… with a key the issuer's profile does not list
    unbound("Data Integrity, https issuer, #z6Mk fragment with a foreign key (profile lists the real key)",
        hosted(() -> fragmentForgery(HTTPS)));
    unbound("Data Integrity, https issuer, #z6Mk fragment with a foreign key (profile lists no key)",
        hosted(b -> b.put(HTTPS, "application/json", bytes(Forge.profile(HTTPS))), () -> fragmentForgery(HTTPS)));
    unbound("VC-JWT, https issuer, kid = <issuer>#z6Mk of a foreign key",
        hosted(() -> headerForgery(HTTPS, h -> h.put("kid", httpsVm(HTTPS, ATTACKER)), ATTACKER)));
    unbound("Data Integrity, loopback https issuer (served), #z6Mk fragment with a foreign key",
        loopback(() -> fragmentForgery(okIssuer())));
    unbound("Data Integrity, did:key issuer, proof by another did:key",
        hosted(() -> s(di(credential(DKEY), STRANGER, didKeyVm(STRANGER)))));
    unavailable("Data Integrity #z6Mk fragment, profile unobtainable offline", nothing(() -> fragmentForgery(HTTPS)));
    unavailable("Data Integrity #z6Mk fragment, profile 404",
        hosted(b -> answer(b, HTTPS, 404), () -> fragmentForgery(HTTPS)));
    unavailable("Data Integrity #z6Mk fragment, profile 403",
        hosted(b -> answer(b, HTTPS, 403), () -> fragmentForgery(HTTPS)));
    unavailable("Data Integrity #z6Mk fragment, loopback profile times out", hanging(() -> fragmentForgery(slowIssuer())));

    // ---- OB 2.0 signed: CryptographicKey owner and the issuer's publicKey
    unbound("OB 2.0 JWS, CryptographicKey owned by another profile (issuer lists it)",
        hosted(b -> b.put(OB2 + "/issuer", "application/ld+json", bytes(Forge.ob2Issuer(OB2 + "/key", OB2 + "/key2")))
            .put(OB2 + "/key2", "application/ld+json",
                bytes(Forge.cryptographicKey(OB2 + "/key2", EVIL + "/issuer", RSA_ATTACKER.publicKey()))),
            () -> ob2Forgery(RSA_ATTACKER, OB2 + "/key2")));
    unbound("OB 2.0 JWS, CryptographicKey on another origin claiming the issuer as owner",
        hosted(() -> ob2Forgery(RSA_ATTACKER, EVIL + "/ob2-key")));
    unbound("OB 2.0 JWS, issuer lists no publicKey (key claims the issuer as owner)",
        hosted(b -> b.put(OB2 + "/issuer", "application/ld+json", bytes(Forge.ob2Issuer())),
            () -> ob2Forgery(RSA_ISSUER, OB2 + "/key")));
    unbound("OB 2.0 JWS, issuer lists another publicKey",
        hosted(b -> b.put(OB2 + "/issuer", "application/ld+json", bytes(Forge.ob2Issuer(OB2 + "/other-key"))),
            () -> ob2Forgery(RSA_ISSUER, OB2 + "/key")));
    unbound("OB 2.0 JWS, embedded issuer object listing the attacker's key", hosted(() -> {
      ObjectNode a = Forge.ob2Assertion("urn:uuid:" + java.util.UUID.randomUUID());
      ObjectNode badge = Forge.ob2BadgeClass();
      badge.set("issuer", Forge.ob2Issuer(EVIL + "/ob2-key"));
      a.set("badge", badge);
      return Ob2Jws.sign(a, RSA_ATTACKER, EVIL + "/ob2-key");
    }));
    invalid("OB 2.0 JWS, signature bytes altered", CheckCode.PROOF_INVALID,
        hosted(() -> Forge.flipSignature(ob2Forgery(RSA_ISSUER, OB2 + "/key"))));

    // ---- Data Integrity proof options and proof sets
    invalid("Data Integrity proofPurpose authentication", CheckCode.PROOF_MALFORMED,
        hosted(() -> s(di(credential(DKEY), ISSUER, didKeyVm(ISSUER), o -> o.proofPurpose("authentication")))));
    invalid("Data Integrity proof created 30 days in the future", CheckCode.PROOF_INVALID,
        hosted(() -> s(di(credential(DKEY), ISSUER, didKeyVm(ISSUER),
            o -> o.created(Instant.now().plus(Duration.ofDays(30)))))));
    invalid("Data Integrity proof expired", CheckCode.PROOF_INVALID,
        hosted(() -> s(di(credential(DKEY), ISSUER, didKeyVm(ISSUER),
            o -> o.expires(Forge.T0.plus(Duration.ofDays(1)))))));
    invalid("Data Integrity proof set: one good proof, one with altered signature", CheckCode.PROOF_INVALID,
        hosted(() -> {
          ObjectNode signed = di(credential(DKEY), ISSUER, didKeyVm(ISSUER));
          ObjectNode bad = signed.get("proof").deepCopy();
          bad.put("created", "2025-01-02T00:00:00Z");
          signed.set("proof", SafeJson.nodeFactory().arrayNode().add(signed.get("proof")).add(bad));
          return s(signed);
        }));
    unbound("Data Integrity proof set: one good proof, one by a stranger's did:key", hosted(() -> proofSetWithStranger()));
    invalid("Data Integrity, name changed after signing", CheckCode.PROOF_INVALID, hosted(() -> {
      ObjectNode signed = di(credential(DKEY), ISSUER, didKeyVm(ISSUER));
      signed.put("name", "Rocket science");
      return s(signed);
    }));
    invalid("Data Integrity (did:web), achievement name changed after signing", CheckCode.PROOF_INVALID, hosted(() -> {
      ObjectNode signed = di(credential(WEB), ISSUER, webVm(WEB, ISSUER));
      ((ObjectNode) signed.get("credentialSubject").get("achievement")).put("name", "Rocket science");
      return s(signed);
    }));
    invalid("Data Integrity, undefined term added after signing (invisible to JSON-LD)", CheckCode.PROOF_INVALID,
        hosted(() -> {
          ObjectNode signed = di(credential(DKEY), ISSUER, didKeyVm(ISSUER));
          signed.put("grade", "A+");
          return s(signed);
        }));
    add("Data Integrity cryptosuite Insignia does not implement (bbs-2023)", Verdict.INDETERMINATE,
        CheckCode.PROOF_UNSUPPORTED, hosted(() -> {
          ObjectNode signed = di(credential(DKEY), ISSUER, didKeyVm(ISSUER));
          ((ObjectNode) signed.get("proof")).put("cryptosuite", "bbs-2023");
          return s(signed);
        }));

    // ---- status lists
    add("status list signed by a stranger", Verdict.INDETERMINATE, CheckCode.STATUS_VERIFICATION_ERROR,
        hosted(list(di(Forge.statusList(DKEY, "revocation", -1), STRANGER, didKeyVm(STRANGER))),
            () -> statusForgery("revocation", 42)));
    add("status list issued (and signed) by another issuer", Verdict.INDETERMINATE, CheckCode.STATUS_VERIFICATION_ERROR,
        hosted(list(di(Forge.statusList(STRANGER.publicKey().didKey(), "revocation", -1), STRANGER, didKeyVm(STRANGER))),
            () -> statusForgery("revocation", 42)));
    add("status list altered after signing (revoked bit cleared)", Verdict.INDETERMINATE,
        CheckCode.STATUS_VERIFICATION_ERROR, hosted(b -> {
          ObjectNode revoked = issuerSignedList("revocation", 42);
          ((ObjectNode) revoked.get("credentialSubject")).put("encodedList", Fixtures.encodedList(131_072, -1));
          return list(revoked).apply(b);
        }, () -> statusForgery("revocation", 42)));
    add("status list without a proof", Verdict.INDETERMINATE, CheckCode.STATUS_VERIFICATION_ERROR,
        hosted(list(Forge.statusList(DKEY, "revocation", -1)), () -> statusForgery("revocation", 42)));
    add("status list unobtainable (offline)", Verdict.INDETERMINATE, CheckCode.STATUS_RETRIEVAL_ERROR,
        hosted(() -> statusForgery("revocation", 42)));
    add("status list 404", Verdict.INDETERMINATE, CheckCode.STATUS_RETRIEVAL_ERROR,
        hosted(b -> answer(b, STATUS_LIST, 404), () -> statusForgery("revocation", 42)));
    invalid("revoked by the genuine list", CheckCode.REVOKED,
        hosted(list(issuerSignedList("revocation", 42)), () -> statusForgery("revocation", 42)));
    invalid("suspended by the genuine list", CheckCode.SUSPENDED,
        hosted(list(issuerSignedList("suspension", 7)), () -> statusForgery("suspension", 7)));

    // ---- endorsements
    CASES.add(new Case("genuine badge with an endorsement signed by a stranger (not its endorser)", Verdict.VALID, null,
        hosted(() -> endorsed(strangerEndorsement())), endorsementWarning()));
    unbound("that endorsement verified alone", hosted(() -> s(strangerEndorsement())));
    CASES.add(new Case("genuine badge with an endorsement whose #z6Mk key its endorser does not list", Verdict.VALID,
        null, hosted(endorserProfile(), () -> endorsed(fragmentEndorsement())), endorsementWarning()));
    unbound("that endorsement verified alone", hosted(endorserProfile(), () -> s(fragmentEndorsement())));

    // ---- baked
    unbound("baked PNG: VC-JWT with attacker jwk header (https)", hosted(() -> Forge.png(jwkForgery(HTTPS, null))));
    unbound("baked SVG: VC-JWT with attacker jwk header (did:web)", hosted(() -> Forge.svg(jwkForgery(WEB, null))));
    unbound("baked PNG: Data Integrity #z6Mk foreign key", hosted(() -> Forge.png(fragmentForgery(HTTPS))));
    unbound("baked SVG: Data Integrity #z6Mk foreign key", hosted(() -> Forge.svg(fragmentForgery(HTTPS))));
    unbound("baked PNG: OB 2.0 JWS with a key on another origin",
        hosted(() -> Forge.png(ob2Forgery(RSA_ATTACKER, EVIL + "/ob2-key"))));
    unbound("baked SVG: proof set with a stranger's proof", hosted(() -> Forge.svg(proofSetWithStranger())));
    unavailable("baked PNG: VC-JWT jwk header, https issuer offline", nothing(() -> Forge.png(jwkForgery(HTTPS, null))));
    CASES.add(new Case("baked SVG: genuine badge with a stranger-signed endorsement", Verdict.VALID, null,
        hosted(() -> Forge.svg(endorsed(strangerEndorsement()))), endorsementWarning()));

    // ---- genuine badges
    genuine("did:key, Data Integrity", hosted(ForgeryCatalogueTest::genuineDi));
    genuine("did:key, VC-JWT", hosted(() -> jwt(credential(DKEY), ISSUER, didKeyVm(ISSUER))));
    genuine("did:jwk, Data Integrity", hosted(() -> s(di(credential(DJWK), ISSUER, DJWK + "#0"))));
    genuine("did:jwk, VC-JWT", hosted(() -> jwt(credential(DJWK), ISSUER, DJWK + "#0")));
    genuine("did:web (assertionMethod), Data Integrity", hosted(() -> s(di(credential(WEB), ISSUER, webVm(WEB, ISSUER)))));
    genuine("did:web (assertionMethod), VC-JWT", hosted(() -> jwt(credential(WEB), ISSUER, webVm(WEB, ISSUER))));
    genuine("https issuer, Data Integrity <issuer>#z6Mk listed by its profile",
        hosted(() -> s(di(credential(HTTPS), ISSUER, httpsVm(HTTPS, ISSUER)))));
    genuine("https issuer, VC-JWT kid listed by its profile",
        hosted(() -> jwt(credential(HTTPS), ISSUER, httpsVm(HTTPS, ISSUER))));
    genuine("https issuer, VC-JWT bare kid in /.well-known/jwks.json (JWK iss = issuer)",
        hosted(() -> jwt(credential(HTTPS), ISSUER, "key-1")));
    genuine("https issuer, VC-JWT jwk header equal to a key of its JWKS",
        hosted(() -> jwt(jwkHeader(ISSUER), credential(HTTPS), ISSUER)));
    genuine("OB 2.0 signed, CryptographicKey owned and listed by the issuer",
        hosted(() -> ob2Forgery(RSA_ISSUER, OB2 + "/key")));
    genuine("OB 2.0 hosted", hosted(b -> b.put(OB2 + "/assertions/1", "application/ld+json",
        bytes(Forge.ob2Assertion(OB2 + "/assertions/1"))), () -> URI.create(OB2 + "/assertions/1")));
    genuine("loopback https issuer, Data Integrity listed by its profile",
        loopback(() -> s(di(credential(okIssuer()), ISSUER, httpsVm(okIssuer(), ISSUER)))));
    genuine("loopback https issuer, VC-JWT bare kid in /.well-known/jwks.json",
        loopback(() -> jwt(credential(okIssuer()), ISSUER, "key-1")));
    genuine("did:key with a genuine status list (not revoked)",
        hosted(list(issuerSignedList("revocation", 41)), () -> statusForgery("revocation", 42)));
    CASES.add(new Case("genuine: did:key with an endorsement signed by its endorser", Verdict.VALID, null,
        hosted(() -> endorsed(di(Forge.endorsement(ENDORSER.publicKey().didKey()), ENDORSER, didKeyVm(ENDORSER)))),
        r -> assertEquals(Outcome.PASS, r.find(CheckCode.ENDORSEMENT).map(Check::outcome).orElse(null), r::toJson)));
    genuine("baked PNG, https VC-JWT bare kid", hosted(() -> Forge.png(jwt(credential(HTTPS), ISSUER, "key-1"))));
    genuine("baked SVG, https Data Integrity", hosted(() -> Forge.svg(s(di(credential(HTTPS), ISSUER, httpsVm(HTTPS, ISSUER))))));
  }

  static String proofSetWithStranger() {
    ObjectNode signed = di(credential(DKEY), ISSUER, didKeyVm(ISSUER));
    ObjectNode unsigned = signed.deepCopy();
    unsigned.remove("proof");
    ArrayNode proofs = SafeJson.nodeFactory().arrayNode().add(signed.get("proof"))
        .add(Forge.proof(unsigned, STRANGER, didKeyVm(STRANGER)));
    signed.set("proof", proofs);
    return s(signed);
  }

  static List<Case> catalogue() {
    return CASES;
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("catalogue")
  void catalogue(Case c) {
    VerificationReport r = c.run().get();
    Check root = r.rootCause().orElse(null);
    boolean ok = r.verdict() == c.verdict() && (c.code() == null || root != null && root.code() == c.code());
    OBSERVED.put(CASES.indexOf(c) + 1, String.format("%3d %s | %s | expected %s %s | observed %s %s", CASES.indexOf(c) + 1,
        ok ? "PASS" : "FAIL", c.attack(), c.verdict(), c.code() == null ? "" : c.code(), r.verdict(),
        root == null ? "" : root.code() + " (" + root.outcome() + ")"));
    assertEquals(c.verdict(), r.verdict(), () -> c.attack() + "\n" + r.toJson());
    if (c.code() != null) {
      assertEquals(c.code(), r.rootCause().map(Check::code).orElse(null), () -> c.attack() + "\n" + r.toJson());
    }
    if (c.code() == CheckCode.KEY_NOT_BOUND_TO_ISSUER) {
      String message = r.rootCause().orElseThrow().message();
      assertTrue(!message.isBlank(), r::toJson);
    }
    c.more().accept(r);
  }

  /** The catalogue keeps its breadth: at least 40 forgeries, and every answer the table names. */
  @Test
  void catalogueCoversTheTable() {
    long forged = CASES.stream().filter(c -> !c.attack().startsWith("genuine")).count();
    assertTrue(forged >= 40, "only " + forged + " forgeries");
    Set<CheckCode> codes = CASES.stream().map(Case::code).filter(java.util.Objects::nonNull)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(CheckCode.class)));
    assertEquals(EnumSet.of(CheckCode.KEY_NOT_BOUND_TO_ISSUER, CheckCode.ISSUER_KEYS_UNAVAILABLE,
        CheckCode.PROOF_MALFORMED, CheckCode.PROOF_INVALID, CheckCode.JWT_CLAIMS, CheckCode.PROOF_UNSUPPORTED,
        CheckCode.STATUS_VERIFICATION_ERROR, CheckCode.STATUS_RETRIEVAL_ERROR, CheckCode.REVOKED,
        CheckCode.SUSPENDED), codes);
    assertTrue(CASES.stream().anyMatch(c -> c.verdict() == Verdict.VALID && c.attack().startsWith("genuine")));
  }
}
