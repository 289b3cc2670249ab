package dev.shapetorch.tensor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/**
 * ShapeTorch's convolutions against two references it did not write: libtorch's reference path
 * (oneDNN switched off) in float32, and libtorch in float64. Random configurations of conv1d,
 * conv2d and conv_transpose2d ({@link ConvConfig}): forward, input, weight and bias gradients,
 * through ShapeTorch in float32 and in float64.
 *
 * <p>libtorch's oneDNN path gets a fraction of these wrong on some CPUs (docs/runtime.md,
 * "Convolutions and oneDNN"); ShapeTorch must not. {@code -Dconv.differential.count=N} and
 * {@code -Dconv.differential.seed=S} widen or move the sample ({@code scripts/conv-sweep.sh}).
 */
class ConvDifferentialTest {

  private static final int COUNT = Integer.getInteger("conv.differential.count", 2000);
  private static final long SEED = Long.getLong("conv.differential.seed", 20261206L);
  /**
   * float32 against float64, relative to the largest magnitude: correct float32 kernels stay
   * within ~1e-4 (gradients summed over a few thousand products), the wrong kernels seen were off
   * by 1e-1 or more; 1e-3 separates the two by a wide factor both ways.
   */
  private static final double TOLERANCE = 1e-3;

  @Test
  void everyConvolutionMatchesLibtorchsReferencePathAndFloat64() {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      ConvConfig c = ConvConfig.generate(SEED, i);
      try (PointerScope scope = new PointerScope()) {
        String failure = check(c);
        if (failure != null) {
          failures.add(c + ": " + failure);
        }
      }
    }
    int[] verdicts = ConvRouting.checkedAndRejected();
    System.out.printf("conv differential: %d configurations (seed %d), %d wrong; oneDNN checked"
        + " on %d plain conv2d geometries, rejected on %d%n", COUNT, SEED, failures.size(),
        verdicts[0], verdicts[1]);
    assertWithMessage("convolutions that differ from the references (first 20 of %s):\n%s",
        failures.size(), String.join("\n", failures.subList(0, Math.min(20, failures.size()))))
        .that(failures).isEmpty();
  }

  /** Null when ShapeTorch's float32 values match both references; else what differs. */
  private static String check(ConvConfig c) {
    torch.manual_seed(c.index());
    var x = torch.randn(c.inputShape());
    var w = torch.randn(c.weightShape());
    var b = torch.randn(c.outChannels());
    ConvConfig.Values ours;
    try {
      ours = c.runShapeTorch(x, w, b);
    } catch (RuntimeException e) {
      return "ShapeTorch threw " + e;
    }
    ConvConfig.Values reference;
    torch.globalContext().setUserEnabledMkldnn(false);
    try {
      reference = c.runLibtorch(x, w, b, ScalarType.Float);
    } finally {
      torch.globalContext().setUserEnabledMkldnn(true);
    }
    ConvConfig.Values exact = c.runLibtorch(x, w, b, ScalarType.Double);
    String againstReference = ConvConfig.compare(reference, exact, TOLERANCE);
    if (againstReference != null) {
      return "the references disagree (" + againstReference + ")";
    }
    String againstExact = ConvConfig.compare(ours, exact, TOLERANCE);
    if (againstExact != null) {
      return "float32: " + againstExact;
    }
    // float64 through ShapeTorch: libtorch's own kernel, which must stay exact to rounding.
    String inDouble = ConvConfig.compare(c.runShapeTorch(x, w, b, ScalarType.Double), exact, 1e-9);
    return inDouble == null ? null : "float64: " + inDouble;
  }

  /**
   * Torch.convolutionBackward, the entry backprop's conv2d uses, gives the float64 gradients
   * for every conv2d configuration, on either route.
   */
  @Test
  void convolutionBackwardMatchesFloat64() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (int i = 0; checked < COUNT / 4; i++) {
      ConvConfig c = ConvConfig.generate(SEED + 1, i);
      if (c.kind() != ConvRouting.Kind.CONV2D || c.unbatched()) {
        continue;
      }
      checked++;
      try (PointerScope scope = new PointerScope()) {
        torch.manual_seed(i);
        var x = torch.randn(c.inputShape());
        var w = torch.randn(c.weightShape());
        var b = torch.randn(c.outChannels());
        ConvConfig.Values exact = c.runLibtorch(x, w, b, ScalarType.Double);
        var xs = Tensor.wrap(x.contiguous(c.inputChannelsLast()
            ? torch.MemoryFormat.ChannelsLast : torch.MemoryFormat.Contiguous));
        var ws = Tensor.wrap(w.contiguous(c.weightChannelsLast()
            ? torch.MemoryFormat.ChannelsLast : torch.MemoryFormat.Contiguous));
        var gradOut = Tensor.wrap(ConvConfig.gradient(exact.all()[0].to(ScalarType.Float)));
        Tensor[] grads = Torch.convolutionBackward(gradOut, xs, ws, true, c.withBias(),
            c.stride(), c.padding(), c.dilation(), c.groups());
        var ours = new ConvConfig.Values(new org.bytedeco.pytorch.Tensor[] {
            null, grads[0].h().to(ScalarType.Double), grads[1].h().to(ScalarType.Double),
            grads[2] == null ? null : grads[2].h().to(ScalarType.Double)});
        String failure = ConvConfig.compare(ours, exact, TOLERANCE);
        if (failure != null) {
          failures.add(c + ": " + failure);
        }
      }
    }
    assertWithMessage("convolutionBackward differs from float64:\n%s", String.join("\n",
        failures.subList(0, Math.min(20, failures.size())))).that(failures).isEmpty();
  }

  /**
   * The routing switches nothing global: two threads convolving at once, one on each route,
   * both get the float64 values.
   */
  @Test
  void twoThreadsOnDifferentRoutesBothGetTheRightValues() throws Exception {
    List<ConvConfig> plain = new ArrayList<>();
    List<ConvConfig> rerouted = new ArrayList<>();
    for (int i = 0; plain.size() < 20 || rerouted.size() < 20; i++) {
      ConvConfig c = ConvConfig.generate(SEED + 2, i);
      boolean libtorch = c.kind() == ConvRouting.Kind.CONV2D && c.groups() == 1
          && c.dilation()[0] == 1 && c.dilation()[1] == 1;
      (libtorch ? plain : rerouted).add(c);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<String>> a = pool.submit(() -> agreeWithFloat64(plain));
      Future<List<String>> b = pool.submit(() -> agreeWithFloat64(rerouted));
      List<String> failures = new ArrayList<>(a.get(5, TimeUnit.MINUTES));
      failures.addAll(b.get(5, TimeUnit.MINUTES));
      assertWithMessage("concurrent convolutions:\n%s", String.join("\n", failures))
          .that(failures).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> agreeWithFloat64(List<ConvConfig> configs) {
    List<String> failures = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (ConvConfig c : configs) {
        try (PointerScope scope = new PointerScope()) {
          var x = torch.randn(c.inputShape());
          var w = torch.randn(c.weightShape());
          var b = torch.randn(c.outChannels());
          String failure = ConvConfig.compare(c.runShapeTorch(x, w, b),
              c.runLibtorch(x, w, b, ScalarType.Double), TOLERANCE);
          if (failure != null) {
            failures.add(c + ": " + failure);
          }
        }
      }
    }
    return failures;
  }
}
