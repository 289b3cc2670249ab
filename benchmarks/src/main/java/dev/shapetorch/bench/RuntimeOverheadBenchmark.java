package dev.shapetorch.bench;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.concurrent.TimeUnit;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.global.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What ShapeTorch's wrapper costs over calling the JavaCPP presets directly: a 1-element add and
 * a 1-element sum along a dim (where the per-call overhead dominates) and a 256x256 matmul
 * (where libtorch's kernel does).
 * Each pair does the same work: make the result, consume it, free it at once. Run it with {@code
 * benchmarks/run-runtime-bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Dorg.bytedeco.javacpp.maxPhysicalBytes=0"})
public class RuntimeOverheadBenchmark {

  private Tensor a1;
  private Tensor b1;
  private Tensor a256;
  private Tensor b256;
  private org.bytedeco.pytorch.Tensor rawA1;
  private org.bytedeco.pytorch.Tensor rawB1;
  private org.bytedeco.pytorch.Tensor rawA256;
  private org.bytedeco.pytorch.Tensor rawB256;

  /** Makes the operands once; the raw handles are the same tensors' JavaCPP objects. */
  @Setup
  public void setUp() {
    Torch.manualSeed(0);
    a1 = Torch.randn(1).retain();
    b1 = Torch.randn(1).retain();
    a256 = Torch.randn(256, 256).retain();
    b256 = Torch.randn(256, 256).retain();
    rawA1 = a1.unwrap();
    rawB1 = b1.unwrap();
    rawA256 = a256.unwrap();
    rawB256 = b256.unwrap();
  }

  /** Frees the operands. */
  @TearDown
  public void tearDown() {
    a1.close();
    b1.close();
    a256.close();
    b256.close();
  }

  /** {@code a.add(b)} on 1-element tensors through ShapeTorch (shape check included). */
  @Benchmark
  public void add1ShapeTorch(Blackhole bh) {
    Tensor r = a1.add(b1);
    bh.consume(r);
    r.close();
  }

  /** The same add through the presets. */
  @Benchmark
  public void add1Raw(Blackhole bh) {
    org.bytedeco.pytorch.Tensor r = torch.add(rawA1, rawB1);
    bh.consume(r);
    r.close();
  }

  /**
   * {@code a.sum(0)} on a 1-element tensor through ShapeTorch: an op whose guard builds its
   * rule's inputs ({@code Rule.REDUCE_DIM}), where {@code add} takes broadcasting's fast path.
   */
  @Benchmark
  public void sum1ShapeTorch(Blackhole bh) {
    Tensor r = a1.sum(0);
    bh.consume(r);
    r.close();
  }

  /** The same sum through the presets. */
  @Benchmark
  public void sum1Raw(Blackhole bh) {
    try (ScalarTypeOptional none = new ScalarTypeOptional()) {
      org.bytedeco.pytorch.Tensor r = torch.sum(rawA1, new long[] {0}, false, none);
      bh.consume(r);
      r.close();
    }
  }

  /** {@code a.matmul(b)} on 256x256 matrices through ShapeTorch. */
  @Benchmark
  public void matmul256ShapeTorch(Blackhole bh) {
    Tensor r = a256.matmul(b256);
    bh.consume(r);
    r.close();
  }

  /** The same matmul through the presets. */
  @Benchmark
  public void matmul256Raw(Blackhole bh) {
    org.bytedeco.pytorch.Tensor r = torch.matmul(rawA256, rawB256);
    bh.consume(r);
    r.close();
  }
}
