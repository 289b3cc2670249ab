package dev.shapetorch.bench;

import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.List;
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
 * What the shape algebra's {@code Rule.RESHAPE} costs on concrete shapes, the runtime's case
 * (every {@code view}/{@code reshape} runs it before libtorch). Pure Java: no natives load.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ShapeRuleBenchmark {

  /** {@code input->sizes}: an MNIST batch flattened, a small reshape, a wide feature map. */
  @Param({"64,1,28,28->-1,784", "2,3,4->6,4", "8,512,7,7->8,-1"})
  public String reshape;

  private long[] sizes;
  private TensorShape input;
  private List<RuleArg> prebuilt;

  /** Parses the case; {@code prebuilt} holds the arguments as the checker passes them. */
  @Setup
  public void setUp() {
    String[] parts = reshape.split("->");
    input = TensorShape.of(longs(parts[0]));
    sizes = longs(parts[1]);
    prebuilt = List.of(new RuleArg.TensorArg(input), dimsArg(sizes));
  }

  private static long[] longs(String csv) {
    String[] s = csv.split(",");
    long[] out = new long[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = Long.parseLong(s[i]);
    }
    return out;
  }

  private static RuleArg dimsArg(long[] sizes) {
    List<DimExpr> dims = new ArrayList<>(sizes.length);
    for (long s : sizes) {
      dims.add(DimExpr.of(s));
    }
    return new RuleArg.IntsArg(dims);
  }

  /** The rule alone, on arguments built once. */
  @Benchmark
  public ShapeResult<TensorShape> applyPrebuiltArgs() {
    return Rule.RESHAPE.apply("Tensor.view", prebuilt);
  }

  /**
   * Arguments built from a {@code long[]} as the runtime builds them ({@code
   * RuleArg.IntsArg.of}), then the rule: what every {@code view}/{@code reshape} pays.
   */
  @Benchmark
  public ShapeResult<TensorShape> applyRuntimeArgs() {
    return Rule.RESHAPE.apply("Tensor.view", List.of(new RuleArg.TensorArg(input),
        RuleArg.IntsArg.of(sizes)));
  }

  /** Arguments built from a {@code long[]} as a list of sizes, then the rule. */
  @Benchmark
  public ShapeResult<TensorShape> applyDimListArgs() {
    return Rule.RESHAPE.apply("Tensor.view", List.of(new RuleArg.TensorArg(input),
        dimsArg(sizes)));
  }
}
