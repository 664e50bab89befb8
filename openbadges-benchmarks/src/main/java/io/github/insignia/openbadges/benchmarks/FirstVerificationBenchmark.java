package io.github.insignia.openbadges.benchmarks;

import io.github.insignia.openbadges.validation.BadgeVerifier;
import io.github.insignia.openbadges.validation.VerificationOptions;
import io.github.insignia.openbadges.validation.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first verification inside a host JVM: a fresh JVM per fork, nothing of the library touched
 * before the measured call, which builds a {@link BadgeVerifier} and verifies one baked PNG (an
 * OB 3.0 credential with an eddsa-rdfc-2022 proof by a did:key, offline). It pays every one-off
 * cost a host pays on its first upload: class loading and initialisation, the pinned JSON-LD
 * contexts, the JSON Schema, the Ed25519 tables. The badge is read from this jar in the set-up
 * (plain bytes, no library code), so the measurement starts cold.
 *
 * <p>With {@code prepared=true} the set-up first calls {@link BadgeVerifier#prepare()} (as a host
 * does at start-up, on its own thread, before any upload arrives): the measurement is then what the
 * first upload still costs once the one-off schema, context and key work is done.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1, batchSize = 1)
@Fork(10)
public class FirstVerificationBenchmark {
  private byte[] badge;

  /** Whether {@link BadgeVerifier#prepare()} ran (to completion) before the measured call. */
  @Param({"false", "true"})
  public boolean prepared;

  @Setup
  public void setUp() throws IOException {
    try (InputStream in = FirstVerificationBenchmark.class.getResourceAsStream("first-verification-badge.png")) {
      if (in == null) {
        throw new IOException("first-verification-badge.png is missing from the benchmarks jar");
      }
      badge = in.readAllBytes();
    }
    if (prepared) {
      BadgeVerifier.prepare();
    }
  }

  @Benchmark
  public VerificationReport firstVerification() {
    VerificationReport report = BadgeVerifier.create(VerificationOptions.builder().offline(true).build()).verify(badge);
    if (!report.valid()) {
      throw new IllegalStateException("the benchmark badge does not verify: " + report.toJson());
    }
    return report;
  }
}
