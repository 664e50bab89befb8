package io.github.insignia.openbadges.benchmarks;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.documents.PinnedDocuments;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.internal.Base58;
import io.github.insignia.openbadges.signing.jose.VcJwt;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.keys.VerificationKey;
import io.github.insignia.openbadges.signing.rdf.internal.JakartaJson;
import io.github.insignia.openbadges.signing.rdf.internal.PinnedContextLoader;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signing and verification of a ~3.5 KB OB 3.0 credential (the one of {@link
 * CanonicalizationBenchmark}, issued by the key's did:key), single thread:
 *
 * <ul>
 *   <li>{@code signDataIntegrity} / {@code verifyDataIntegrity}: {@code eddsa-rdfc-2022} as shipped;
 *   <li>{@code titaniumBaselineVerify}: the same proof checked the hand-assembled way, Titanium
 *       {@code toRdf} + titanium-rdfc RDFC-1.0 of document and proof config, SHA-256, Ed25519;
 *   <li>{@code signJwt} / {@code verifyJwt} ({@code alg} EdDSA, ES256, RS256): OB 3.0 VC-JWT;
 *   <li>{@code signBare} / {@code verifyBare}: the bare signature operation on the JWT's signing
 *       input, for the "within 1.2×" comparison.
 * </ul>
 *
 * <p>Run: {@code java -jar openbadges-benchmarks/target/benchmarks.jar SigningBenchmark -f 1 -wi 2
 * -i 3 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {
  static final SigningKey ED25519 = SigningKey.generate(KeyType.ED25519);

  /** The credential, issued by the Ed25519 key's did:key. */
  static ObjectNode credential() {
    ObjectNode c = (ObjectNode) SafeJson.read(CanonicalizationBenchmark.CREDENTIAL);
    String did = ED25519.publicKey().didKey();
    ((ObjectNode) c.get("issuer")).put("id", did);
    ((ObjectNode) c.get("credentialSubject").get("achievement").get("creator")).put("id", did);
    return c;
  }

  /** Data Integrity state. */
  @State(Scope.Benchmark)
  public static class DiState {
    DataIntegrity dataIntegrity;
    ObjectNode credential;
    ObjectNode signed;
    ProofOptions options;
    DataIntegrity.Verifier verifier;
    PinnedContextLoader titaniumLoader;
    JsonObject signedJakarta;
    byte[] publicKey;

    /** Builds and warms (a long-running service has its contexts processed). */
    @Setup
    public void setUp() throws Exception {
      dataIntegrity = DataIntegrity.create();
      credential = credential();
      options = ProofOptions.builder(ED25519.publicKey().didKeyVerificationMethod())
          .created(Instant.parse("2026-06-01T12:00:00Z")).build();
      signed = dataIntegrity.sign(credential, ED25519, options);
      verifier = dataIntegrity.verifier(IssuerKeys.offline(), VerificationPolicy.defaults());
      verifier.verify(signed);
      titaniumLoader = new PinnedContextLoader(PinnedDocuments.loader());
      signedJakarta = JakartaJson.toJakarta(signed).asJsonObject();
      publicKey = ED25519.publicKey().rawBytes();
      if (!titaniumVerify(this)) {
        throw new IllegalStateException("the Titanium baseline does not verify our proof");
      }
    }
  }

  /** VC-JWT state. */
  @State(Scope.Benchmark)
  public static class JwtState {
    @Param({"EdDSA", "ES256", "RS256"})
    public String alg;

    SigningKey key;
    ObjectNode credential;
    String kid;
    String jwt;
    VcJwt.Verifier verifier;
    byte[] signingInput;
    byte[] signature;

    /** Builds a key of the algorithm's type and one token. */
    @Setup
    public void setUp() {
      key = switch (alg) {
        case "EdDSA" -> ED25519;
        case "ES256" -> SigningKey.generate(KeyType.P256);
        case "RS256" -> SigningKey.generateRsa(2048);
        default -> throw new IllegalArgumentException(alg);
      };
      credential = credential();
      kid = "https://badges.example.edu/keys/" + alg;
      jwt = VcJwt.sign(credential, key, kid);
      // The host trusts the key for the credential's issuer (the did:key of the Ed25519 key), as
      // the fixed key map of a closed system does; the judge still binds and pins the algorithm.
      verifier = VcJwt.verifier(IssuerKeys.offline(), VerificationPolicy.builder()
          .trustedKey(ED25519.publicKey().didKey(), key.publicKey()).build());
      verifier.verify(jwt);
      signingInput = jwt.substring(0, jwt.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
      signature = key.sign(signingInput);
    }
  }

  /** Adds an eddsa-rdfc-2022 proof. */
  @Benchmark
  public ObjectNode signDataIntegrity(DiState s) {
    return s.dataIntegrity.sign(s.credential, ED25519, s.options);
  }

  /** Verifies the eddsa-rdfc-2022 proof (the did:key issuer's key binding cached, as a verifier service does). */
  @Benchmark
  public DataIntegrity.Verified verifyDataIntegrity(DiState s) {
    return s.verifier.verify(s.signed);
  }

  /** The hand-assembled baseline: Titanium toRdf + titanium-rdfc for document and proof config, SHA-256, Ed25519. */
  @Benchmark
  public boolean titaniumBaselineVerify(DiState s) throws Exception {
    return titaniumVerify(s);
  }

  static boolean titaniumVerify(DiState s) throws Exception {
    JsonObject proof = s.signedJakarta.getJsonObject("proof");
    JsonObjectBuilder document = Json.createObjectBuilder(s.signedJakarta);
    document.remove("proof");
    JsonObjectBuilder config = Json.createObjectBuilder(proof);
    config.remove("proofValue");
    config.add("@context", s.signedJakarta.get("@context"));
    byte[] hashData = new byte[64];
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    System.arraycopy(sha.digest(titaniumCanon(config.build(), s.titaniumLoader)), 0, hashData, 0, 32);
    System.arraycopy(sha.digest(titaniumCanon(document.build(), s.titaniumLoader)), 0, hashData, 32, 32);
    byte[] signature = Base58.decode(proof.getString("proofValue").substring(1));
    return Ed25519.verify(signature, 0, s.publicKey, 0, hashData, 0, hashData.length);
  }

  private static byte[] titaniumCanon(JsonObject json, PinnedContextLoader loader) throws Exception {
    RdfCanon canon = RdfCanon.create("SHA-256");
    JsonLd.toRdf(JsonDocument.of(json)).loader(loader).provide(canon);
    StringWriter out = new StringWriter();
    canon.provide(new NQuadsWriter(out));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Signs the credential as an OB 3.0 VC-JWT. */
  @Benchmark
  public String signJwt(JwtState s) {
    return VcJwt.sign(s.credential, s.key, s.kid);
  }

  /** Verifies the VC-JWT (key from a fixed resolver, claims checked). */
  @Benchmark
  public VcJwt.Verified verifyJwt(JwtState s) {
    return s.verifier.verify(s.jwt);
  }

  /** The bare signature over the JWT's signing input. */
  @Benchmark
  public byte[] signBare(JwtState s) {
    return s.key.sign(s.signingInput);
  }

  /** The bare verification over the JWT's signing input. */
  @Benchmark
  public VerificationKey verifyBare(JwtState s) {
    s.key.publicKey().verify(s.signingInput, s.signature);
    return s.key.publicKey();
  }
}
