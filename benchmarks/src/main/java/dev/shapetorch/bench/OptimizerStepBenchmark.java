package dev.shapetorch.bench;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.optim.AdamW;
import dev.shapetorch.optim.AdamWOptions;
import dev.shapetorch.optim.Optimizer;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Threads;
import dev.shapetorch.tensor.Torch;
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
 * One optimizer step over the parameters of the Fashion-MNIST models, with libtorch's fused
 * kernel ({@code withFused(true)}) and with the single-tensor ops: LeNet-5's ten tensors (61,706
 * values) and the 784-256-10 MLP's four (203,530). The gradients are fixed random tensors, set
 * once; a step reads them and updates parameters and state in place, as in training. Run it with
 * {@code benchmarks/run-optimizer-bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.bytedeco.javacpp.maxPhysicalBytes=0"})
public class OptimizerStepBenchmark {

  private static final long[][] LENET = {
    {6, 1, 5, 5}, {6}, {16, 6, 5, 5}, {16}, {120, 400}, {120}, {84, 120}, {84}, {10, 84}, {10}
  };
  private static final long[][] MLP = {{256, 784}, {256}, {10, 256}, {10}};

  /** Whose parameter shapes: {@code lenet5} or {@code mlp}. */
  @Param({"lenet5", "mlp"})
  public String model;

  /** {@code Adam} or {@code AdamW}. */
  @Param({"Adam"})
  public String optimizer;

  /** Use the fused kernel. */
  @Param({"false", "true"})
  public boolean fused;

  /** libtorch's intra-op threads. */
  @Param({"1"})
  public int threads;

  private Optimizer<?, ?> opt;

  /** Makes the parameters, gives each a random gradient and takes one step (to make state). */
  @Setup
  public void setUp() {
    Threads.setNumThreads(threads);
    Torch.manualSeed(0);
    List<Parameter> params = new ArrayList<>();
    try (TensorScope scope = TensorScope.open()) {
      for (long[] shape : model.equals("mlp") ? MLP : LENET) {
        Parameter p = new Parameter(Torch.randn(shape).mul(0.1));
        p.get().mul(Torch.randn(shape)).sum().backward(); // grad = that random tensor
        params.add(p);
      }
    }
    opt = optimizer.equals("AdamW")
        ? new AdamW(params, AdamWOptions.lr(1e-3).withFused(fused))
        : new Adam(params, AdamOptions.lr(1e-3).withFused(fused));
    opt.step();
  }

  /** One {@code step()}. */
  @Benchmark
  public void step() {
    opt.step();
  }
}
