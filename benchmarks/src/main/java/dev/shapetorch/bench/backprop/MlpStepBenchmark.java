package dev.shapetorch.bench.backprop;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.ops.TensorBackprop;
import dev.shapetorch.backprop.ops.TensorGradients;
import dev.shapetorch.backprop.ops.TensorVars;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.List;
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
 * One training step of an MLP 784-300-100-10 (ReLU, cross-entropy, plain SGD) on a batch of 64:
 * through backprop's tensor ops against libtorch autograd (goal: at most 1.25x). Both steps run
 * the same forward kernels and update the parameters in place with {@code add_(grad, -lr)}. Run
 * by {@code benchmarks/run-backprop-bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MlpStepBenchmark {
  private static final double LEARNING_RATE = 1e-3;

  private Tensor x;
  private Tensor y;
  private List<Tensor> params;
  private List<Tensor> leaves;

  /** Random data and two copies of the parameters: plain tensors, and autograd leaves. */
  @Setup
  public void setUp() {
    Torch.manualSeed(0);
    x = Torch.rand(64, 784);
    y = Torch.randint(0, 10, 64);
    params = List.of(init(300, 784), init(300), init(100, 300), init(100), init(10, 100),
        init(10));
    leaves = params.stream().map(p -> p.clone().requiresGrad_(true)).toList();
  }

  private static Tensor init(long... shape) {
    return Torch.randn(shape).mul(0.05);
  }

  /** The loss on {@code BVar}s. */
  static BVar<Tensor> loss(List<BVar<Tensor>> p, Tensor images, Tensor labels) {
    BVar<Tensor> h = TensorVars.relu(TensorVars.linear(TensorVars.constant(images), p.get(0),
        p.get(1)));
    h = TensorVars.relu(TensorVars.linear(h, p.get(2), p.get(3)));
    return TensorVars.crossEntropy(TensorVars.linear(h, p.get(4), p.get(5)), labels);
  }

  /** A step whose gradient is computed by backprop's written-out tensor gradients. */
  @Benchmark
  public double backprop() {
    try (TensorScope scope = TensorScope.open()) {
      List<Tensor> grads =
          BVars.gradBPN(p -> loss(p, x, y), params, TensorBackprop.INSTANCE);
      TensorGradients.sgdStep(params, grads, LEARNING_RATE);
      return grads.size();
    }
  }

  /** The same step with libtorch autograd ({@code loss.backward()}). */
  @Benchmark
  public double autograd() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor h = Torch.linear(x, leaves.get(0), leaves.get(1)).relu();
      h = Torch.linear(h, leaves.get(2), leaves.get(3)).relu();
      Tensor logits = Torch.linear(h, leaves.get(4), leaves.get(5));
      Torch.crossEntropyLoss(logits, y, null, Reduction.MEAN, -100, 0.0).backward();
      try (var ng = Torch.noGrad()) {
        for (Tensor p : leaves) {
          p.add_(p.grad(), -LEARNING_RATE);
          p.zeroGrad_();
        }
      }
      return leaves.size();
    }
  }
}
