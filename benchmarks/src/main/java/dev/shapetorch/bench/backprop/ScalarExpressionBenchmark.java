package dev.shapetorch.bench.backprop;

import dev.shapetorch.backprop.T2;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gradient of the 100-op {@link ScalarExpression} by {@code BVars} against the hand-written
 * gradient (goal: at most 3x). Run by {@code benchmarks/run-backprop-bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScalarExpressionBenchmark {
  private double x;
  private double y;
  private final double[] scratch = new double[ScalarExpression.OPS + 1];

  /** Picks the point and checks that both gradients agree before anything is timed. */
  @Setup
  public void setUp() {
    x = 0.7;
    y = 1.3;
    T2<Double, Double> byBVar = ScalarExpression.gradientByBVar(x, y);
    double[] byHand = ScalarExpression.gradientByHand(x, y, scratch);
    if (Math.abs(byBVar.first() - byHand[0]) > 1e-12 * Math.max(1, Math.abs(byHand[0]))
        || Math.abs(byBVar.second() - byHand[1]) > 1e-12 * Math.max(1, Math.abs(byHand[1]))) {
      throw new IllegalStateException("the two gradients differ: BVar " + byBVar + ", by hand ("
          + byHand[0] + ", " + byHand[1] + ")");
    }
  }

  /** The gradient by {@code BVars.gradBP2}. */
  @Benchmark
  public T2<Double, Double> bvar() {
    return ScalarExpression.gradientByBVar(x, y);
  }

  /** The hand-written gradient. */
  @Benchmark
  public double[] handWritten() {
    return ScalarExpression.gradientByHand(x, y, scratch);
  }
}
