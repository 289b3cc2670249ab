package dev.shapetorch.bench;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.tensor.RemovableHandle;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a layer's {@code forward} costs over the functional op it computes: {@code
 * Linear.forward(x)} (the hook machinery's {@code AbstractModule.runForward}, the layer's
 * shape contract, the parameters' lookup) against {@code F.linear(x, weight, bias)} on the same
 * tensors, without hooks and with one forward hook that returns nothing. The tensors are small
 * ({@code features} in and out, a batch of 4), so the per-call cost shows; run it with {@code
 * benchmarks/run-module-bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Dorg.bytedeco.javacpp.maxPhysicalBytes=0"})
public class ModuleForwardBenchmark {

  /** In- and out-features of the layer. */
  @Param({"16"})
  public int features;

  /** {@code none}: no hook; {@code forwardHook}: one forward hook that returns null. */
  @Param({"none", "forwardHook"})
  public String hooks;

  private Linear layer;
  private Tensor x;
  private RemovableHandle handle;

  /** Makes the layer and the input once. */
  @Setup(Level.Trial)
  public void setUp() {
    Torch.manualSeed(0);
    layer = new Linear(features, features);
    x = Torch.randn(4, features).retain();
    if (hooks.equals("forwardHook")) {
      handle = layer.registerForwardHook((m, args, out) -> null);
    }
  }

  /** Frees the input and removes the hook. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (handle != null) {
      handle.remove();
    }
    x.close();
  }

  /** The layer's forward. */
  @Benchmark
  public void linearModule(Blackhole bh) {
    Tensor r = layer.forward(x);
    bh.consume(r);
    r.close();
  }

  /** The functional op the layer computes, on the layer's own parameters. */
  @Benchmark
  public void linearFunctional(Blackhole bh) {
    Tensor r = F.linear(x, layer.weight().get(), layer.bias().get());
    bh.consume(r);
    r.close();
  }
}
