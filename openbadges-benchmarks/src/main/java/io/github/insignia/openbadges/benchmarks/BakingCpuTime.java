package io.github.insignia.openbadges.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Thread CPU time per operation of {@link BakingBenchmark}'s {@code bake}, {@code copyFloor} and
 * {@code unbake}, measured in alternating batches in one JVM after a warm-up. On a loaded machine
 * JMH's wall-clock scores swing by ±100 %; CPU time per operation, and the ratio of batches taken
 * side by side, is much steadier. Not a replacement for JMH: a cross-check.
 *
 * <p>Run: {@code java -cp openbadges-benchmarks/target/benchmarks.jar
 * io.github.insignia.openbadges.benchmarks.BakingCpuTime svg} (or {@code png256}, {@code png2048}).
 */
public final class BakingCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int ROUNDS = 25;
  private static Object sink;

  private BakingCpuTime() {}

  private static double microsPerOp(Supplier<?> op, int n) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      sink = op.get();
    }
    return (THREADS.getCurrentThreadCpuTime() - start) / 1000.0 / n;
  }

  /** Prints medians and minima in µs/op and the bake speed as a share of the copy floor's. */
  public static void main(String[] args) throws Exception {
    BakingBenchmark benchmark = new BakingBenchmark();
    benchmark.image = args.length > 0 ? args[0] : "svg";
    benchmark.setUp();
    int scale = benchmark.image.equals("png2048") ? 100 : 1;
    double[] bake = new double[ROUNDS];
    double[] floor = new double[ROUNDS];
    double[] unbake = new double[ROUNDS];
    double[] share = new double[ROUNDS];
    for (int round = -10; round < ROUNDS; round++) {
      double b = microsPerOp(benchmark::bake, 1000 / scale);
      double f = microsPerOp(benchmark::copyFloor, 5000 / scale);
      double u = microsPerOp(benchmark::unbake, 200);
      if (round >= 0) {
        bake[round] = b;
        floor[round] = f;
        unbake[round] = u;
        share[round] = f / b;
      }
    }
    for (double[] a : new double[][] {bake, floor, unbake, share}) {
      Arrays.sort(a);
    }
    int m = ROUNDS / 2;
    System.out.printf(Locale.ROOT, "%s CPU µs/op, median (min): bake %.2f (%.2f), copyFloor %.2f (%.2f), unbake %.2f (%.2f);"
            + " bake speed / copyFloor speed %.0f %% (quartiles %.0f–%.0f %%)%n", benchmark.image, bake[m], bake[0],
        floor[m], floor[0], unbake[m], unbake[0], 100 * share[m], 100 * share[ROUNDS / 4], 100 * share[3 * ROUNDS / 4]);
  }
}
