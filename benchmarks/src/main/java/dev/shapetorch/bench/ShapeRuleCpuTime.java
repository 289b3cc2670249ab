package dev.shapetorch.bench;

import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.rules.TensorShape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@link ShapeRuleBenchmark}'s cases timed in the calling thread's CPU time instead of wall-clock
 * time: on a shared machine whose load exceeds its cores, JMH's wall-clock scores swing by ±100%
 * because the thread waits for a core; its CPU time does not count the waiting. Prints, per case,
 * the minimum and median ns/op of the last 15 of 25 rounds of 2,000,000 calls.
 *
 * <p>Run: {@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * dev.shapetorch.bench.ShapeRuleCpuTime [prebuilt|boxed|runtime]} after {@code mvn -pl
 * benchmarks -am package -DskipTests}.
 */
public final class ShapeRuleCpuTime {
  private ShapeRuleCpuTime() {}

  private static final long[][] INPUTS = {{64, 1, 28, 28}, {2, 3, 4}, {8, 512, 7, 7}};
  private static final long[][] SIZES = {{-1, 784}, {6, 4}, {8, -1}};
  private static final int CALLS = 2_000_000;

  private static RuleArg boxed(long[] sizes) {
    List<DimExpr> dims = new ArrayList<>(sizes.length);
    for (long s : sizes) {
      dims.add(DimExpr.of(s));
    }
    return new RuleArg.IntsArg(dims);
  }

  /**
   * Times {@code Rule.RESHAPE.apply} with arguments built once ({@code prebuilt}, the checker's
   * case), or per call from a {@code long[]} as boxed sizes ({@code boxed}) or as the runtime
   * builds them ({@code runtime}, the default).
   */
  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : "runtime";
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int c = 0; c < INPUTS.length; c++) {
      TensorShape input = TensorShape.of(INPUTS[c]);
      long[] sizes = SIZES[c];
      List<RuleArg> prebuilt = List.of(new RuleArg.TensorArg(input), boxed(sizes));
      LongSupplier call;
      switch (mode) {
        case "prebuilt":
          call = () -> Rule.RESHAPE.apply("Tensor.view", prebuilt).value().rank();
          break;
        case "boxed":
          call = () -> Rule.RESHAPE.apply("Tensor.view",
              List.of(new RuleArg.TensorArg(input), boxed(sizes))).value().rank();
          break;
        case "runtime":
          call = () -> Rule.RESHAPE.apply("Tensor.view",
              List.of(new RuleArg.TensorArg(input), RuleArg.IntsArg.of(sizes))).value().rank();
          break;
        default:
          throw new IllegalArgumentException("mode is prebuilt, boxed or runtime: " + mode);
      }
      double[] rounds = new double[25];
      for (int r = 0; r < rounds.length; r++) {
        long t0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < CALLS; i++) {
          sink += call.getAsLong();
        }
        rounds[r] = (threads.getCurrentThreadCpuTime() - t0) / (double) CALLS;
      }
      double[] last = Arrays.copyOfRange(rounds, 10, rounds.length);
      Arrays.sort(last);
      System.out.printf("%-8s %-28s min %6.1f  median %6.1f ns/op (thread CPU time)%n", mode,
          Arrays.toString(INPUTS[c]) + " -> " + Arrays.toString(sizes), last[0],
          last[last.length / 2]);
    }
    if (sink == 42) {
      System.out.println(); // keeps the results alive for the JIT
    }
  }
}
