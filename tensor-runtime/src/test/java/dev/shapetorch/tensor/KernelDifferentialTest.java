package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.nn.functional.F;
import java.util.function.LongFunction;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The kernels training depends on, other than convolution, compute the right numbers on this
 * machine's CPU: for random configurations, ShapeTorch's float32 result (libtorch's defaults,
 * oneDNN enabled; for optimizers, the fused kernels) is compared with libtorch's reference path
 * in float32 (oneDNN disabled; the single-tensor optimizer update) and with the reference path in
 * float64 on the same inputs, within the tolerances {@link KernelComparison} justifies.
 *
 * <p>A case fails when ShapeTorch's result is beyond tolerance of float64 (whether or not the
 * float32 reference path agrees with it; the message says which), or when ShapeTorch throws
 * where the reference computes. Each failure prints the op, sizes, parameters, layouts and the
 * case's seed; {@code -Dkernels.replay=family:seed} reruns that case alone. {@code
 * -Dkernels.configs=N} sets the configurations per family (scripts/kernel-sweep.sh runs
 * thousands); {@code -Dkernels.seed=S} draws other ones.
 *
 * <p>{@code @Isolated}: the oneDNN switch is process-wide, so nothing may run beside this class
 * (surefire runs test classes one at a time in one JVM, and JUnit's parallel mode is off; this
 * keeps it so if that changes).
 */
@Isolated("switches libtorch's process-wide oneDNN flag off and on")
class KernelDifferentialTest {

  /** Configurations per family in CI: 1,600 in all, about 20 s on a quiet 2-core machine. */
  private static final int CI_CONFIGS = 400;

  @BeforeAll
  static void sayWhichKernels() {
    NativeLibrary.ensureLoaded();
    System.out.println("kernel sweep: libtorch CPU capability " + torch.get_cpu_capability()
        .getString() + ", oneDNN enabled by default: " + torch.globalContext()
        .userEnabledMkldnn());
  }

  private static void sweep(String family, LongFunction<KernelCase> generator) {
    String replay = KernelSweep.replay();
    assumeTrue(replay == null || replay.startsWith(family + ":"), "replaying another family");
    KernelSweep.Report report = KernelSweep.run(family, KernelSweep.configs(CI_CONFIGS),
        generator);
    System.out.println(report.summary());
    System.out.println("  closest to tolerance: " + report.worstCase);
    report.notes.forEach(System.out::println);
    assertTrue(report.failures.isEmpty(), report::failureText);
  }

  @Test
  void pooling_float32MatchesFloat64AndTheReferencePath() {
    sweep("pooling", PoolingKernelCases::random);
  }

  @Test
  void normalization_float32MatchesFloat64AndTheReferencePath() {
    sweep("normalization", NormKernelCases::random);
  }

  @Test
  void matrixProducts_float32MatchesFloat64AndTheReferencePath() {
    sweep("linalg", LinalgKernelCases::random);
  }

  @Test
  void fusedOptimizers_matchTheSingleTensorUpdateInFloat32AndFloat64() {
    sweep("optimizers", OptimizerKernelCases::random);
  }

  /**
   * A dilated max-pooling window can hold no input element (kernel 2, padding 1, dilation 3 over
   * 2 rows: taps at rows -1 and 2). ShapeTorch's rules accept it; libtorch (every path, every
   * dtype, pytorch/pytorch#114216) returns -inf and an index past the input, and its backward
   * then writes the gradient there: heap corruption, a JVM crash. Only the forward is run here.
   */
  @Test
  void maxPool_dilatedWindowWithNoInputElement_isRejectedOrStaysInsideTheInput() {
    Tensor x = Torch.arange(6).to(DType.FLOAT32).add(1.0).reshape(1, 1, 2, 3);
    ValuesAndIndices r;
    try {
      r = F.maxPool2dWithIndices(x, new long[] {2, 1}, new long[] {1, 1}, new long[] {1, 0},
          new long[] {3, 1}, false);
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().startsWith("[shape.conv.params] F.maxPool2dWithIndices: window 0"
          + " of spatial dim 0 (size 2) covers only padding"), e.getMessage());
      return;
    }
    long[] indices = r.indices().toLongArray();
    float[] values = r.values().toFloatArray();
    for (int i = 0; i < indices.length; i++) {
      int at = i;
      assertTrue(indices[i] >= 0 && indices[i] < 6 && Float.isFinite(values[i]), () ->
          "F.maxPool2dWithIndices(x [1,1,2,3], kernel [2,1], stride [1,1], padding [1,0],"
              + " dilation [3,1]) returned value " + values[at] + " at index " + indices[at]
              + " of a 6-element plane: a window with no input element; its backward would"
              + " write outside the gradient. Reject such windows (the shape rule) instead.");
    }
  }

  /**
   * libtorch's channels-last group norm computes the variance in one pass (E[x^2] - E[x]^2), which
   * loses float32's precision when values sit far from 0 beside their spread: for 30 +- 0.1 its
   * error reaches 1e-2 of outputs of order 1, where the contiguous kernel stays near 2e-5. Both
   * layouts must give the float64 result to 1e-3.
   */
  @Test
  void groupNorm_channelsLastFarFromZero_isAsAccurateAsContiguous() {
    KernelData d = new KernelData(7);
    long[] shape = {4, 3, 5, 6};
    double[] values = d.gaussian(KernelData.numel(shape), 0.1, 30);
    double[] exact = F.groupNorm(Torch.fromArray(values, shape), 1, null, null, 1e-5)
        .toDoubleArray();
    for (MemoryFormat format : new MemoryFormat[] {MemoryFormat.CONTIGUOUS,
        MemoryFormat.CHANNELS_LAST}) {
      Tensor x = Torch.fromArray(values, shape).to(DType.FLOAT32).contiguous(format);
      double[] y = F.groupNorm(x, 1, null, null, 1e-5).to(DType.FLOAT64).toDoubleArray();
      double worst = 0;
      for (int i = 0; i < y.length; i++) {
        worst = Math.max(worst, Math.abs(y[i] - exact[i]));
      }
      double error = worst;
      assertTrue(error <= 1e-3, () -> "F.groupNorm(x [4,3,5,6] = 30 + 0.1 * randn, " + format
          + ", 1 group, eps 1e-5) in float32 is off the float64 result by " + error
          + " (outputs are of order 1; allowed 1e-3)");
    }
  }
}
