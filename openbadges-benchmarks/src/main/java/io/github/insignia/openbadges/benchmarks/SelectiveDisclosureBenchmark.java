package io.github.insignia.openbadges.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.insignia.openbadges.json.SafeJson;
import io.github.insignia.openbadges.signing.KeyType;
import io.github.insignia.openbadges.signing.dataintegrity.DataIntegrity;
import io.github.insignia.openbadges.signing.dataintegrity.ProofOptions;
import io.github.insignia.openbadges.signing.dataintegrity.SelectiveDisclosure;
import io.github.insignia.openbadges.signing.keys.SigningKey;
import io.github.insignia.openbadges.signing.verify.IssuerKeys;
import io.github.insignia.openbadges.signing.verify.VerificationPolicy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code ecdsa-sd-2023} on the ~3.5 KB OB 3.0 credential of {@link CanonicalizationBenchmark}
 * (issued by a P-256 did:key; mandatory: issuer, validFrom, the achievement), single thread:
 * {@code signBase} (issuer), {@code derive} (holder, discloses the name), {@code verifyDerived}
 * (verifier, through the judge with {@link IssuerKeys#offline()}).
 *
 * <p>Run: {@code java -jar openbadges-benchmarks/target/benchmarks.jar SelectiveDisclosureBenchmark
 * -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SelectiveDisclosureBenchmark {
  static final SigningKey P256 = SigningKey.generate(KeyType.P256);
  static final List<String> MANDATORY = List.of("/issuer", "/validFrom", "/credentialSubject/achievement");

  /** Keys, documents and the verifier, warmed. */
  @State(Scope.Benchmark)
  public static class SdState {
    SelectiveDisclosure sd;
    DataIntegrity.Verifier verifier;
    ObjectNode credential;
    ProofOptions options;
    ObjectNode base;
    ObjectNode derived;

    /** Signs, derives and verifies once. */
    @Setup
    public void setUp() {
      DataIntegrity dataIntegrity = DataIntegrity.create();
      sd = SelectiveDisclosure.create(dataIntegrity);
      verifier = dataIntegrity.verifier(IssuerKeys.offline(), VerificationPolicy.defaults());
      credential = (ObjectNode) SafeJson.read(CanonicalizationBenchmark.CREDENTIAL);
      String did = P256.publicKey().didKey();
      ((ObjectNode) credential.get("issuer")).put("id", did);
      ((ObjectNode) credential.get("credentialSubject").get("achievement").get("creator")).put("id", did);
      options = ProofOptions.builder(P256.publicKey().didKeyVerificationMethod())
          .created(Instant.parse("2026-06-01T12:00:00Z")).build();
      base = sd.sign(credential, P256, options, MANDATORY);
      derived = sd.derive(base, List.of("/name"));
      verifier.verify(derived);
    }
  }

  /** The issuer's base proof. */
  @Benchmark
  public ObjectNode signBase(SdState s) {
    return s.sd.sign(s.credential, P256, s.options, MANDATORY);
  }

  /** The holder's disclosure of the credential's name beside the mandatory claims. */
  @Benchmark
  public ObjectNode derive(SdState s) {
    return s.sd.derive(s.base, List.of("/name"));
  }

  /** The verifier's check of the derived proof, key bound to the did:key issuer. */
  @Benchmark
  public DataIntegrity.Verified verifyDerived(SdState s) {
    return s.verifier.verify(s.derived);
  }
}
