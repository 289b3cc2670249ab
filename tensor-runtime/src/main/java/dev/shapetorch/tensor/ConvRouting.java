package dev.shapetorch.tensor;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which convolutions ShapeTorch hands to libtorch's own convolution (oneDNN on a CPU, for
 * float32) and which to {@link ReferenceConvolution} (ATen's unfold kernels and BLAS): the one
 * place that rule is written. Every path that reaches a convolution or its gradient asks it:
 * {@code Torch.conv1d}, {@code conv2d}, {@code conv3d}, {@code convTranspose1d}, {@code
 * convTranspose2d}, {@code convTranspose3d} (and so autograd, {@code F} and
 * the {@code nn} layers) and {@code Torch.convolutionBackward} (and so backprop's {@code
 * conv2d}).
 *
 * <p>What a differential sweep found (docs/runtime.md, "Convolutions and oneDNN"; {@code
 * scripts/conv-sweep.sh}): on an AVX-512/AVX512-BF16 CPU, libtorch 2.10's oneDNN path returned
 * wrong forward values or gradients for a few percent of plain 2-D convolutions, with no rule over
 * the hyperparameters that separates them (one input channel is the worst case, but wide layers
 * fail too), and wrong values or a crash of the JVM for a larger share of 1-D, transposed, grouped
 * and dilated ones. Which kernel oneDNN picks depends on the CPU. So:
 *
 * <ul>
 *   <li>1-D, 3-D, transposed, grouped and dilated convolutions always take the reference path (some
 *       of these crash inside oneDNN, so they cannot even be tried);
 *   <li>a plain 2-D convolution (one group, no dilation) takes oneDNN once its geometry (sizes,
 *       stride, padding, layouts, dtype, bias) has been checked on this machine:
 *       {@link OneDnnCheck} runs oneDNN's forward and backward once on made-up values of that
 *       geometry and compares them with the reference path; a geometry that disagrees takes the
 *       reference path from then on, with one warning;
 *   <li>float64 never reaches oneDNN (libtorch's own float64 kernel is a reference), nor do CUDA
 *       tensors (cuDNN): both keep libtorch's convolution.
 * </ul>
 *
 * <p>The decision depends only on the call's arguments and a concurrent cache of verdicts:
 * nothing global is switched, so threads that train at the same time do not affect one another.
 * The system property {@code shapetorch.conv.onednn} overrides it: {@code check} (the default),
 * {@code never} (every float32 convolution takes the reference path) or {@code trust} (plain 2-D
 * convolutions take oneDNN unchecked, as libtorch alone would; for measurements).
 */
final class ConvRouting {

  /** How far oneDNN is trusted; see the class comment. */
  enum Policy {
    CHECK,
    NEVER,
    TRUST
  }

  static final String POLICY_PROPERTY = "shapetorch.conv.onednn";

  private static final Policy POLICY = policy(System.getProperty(POLICY_PROPERTY, "check"));

  private static final ConcurrentMap<Geometry, Boolean> VERDICTS = new ConcurrentHashMap<>();

  private ConvRouting() {}

  /** The kinds of convolution ShapeTorch offers. */
  enum Kind {
    CONV1D,
    CONV2D,
    CONV_TRANSPOSE2D,
    CONV3D,
    CONV_TRANSPOSE1D,
    CONV_TRANSPOSE3D
  }

  /**
   * True where libtorch's convolution may run this call; false where ShapeTorch computes it with
   * {@link ReferenceConvolution}. The input's gradient counts only where autograd will compute
   * it ({@code input.requiresGrad()}).
   */
  static boolean libtorchKernel(Kind kind, Tensor input, Tensor weight, boolean withBias,
      long[] stride, long[] padding, long[] dilation, long groups) {
    return libtorchKernel(kind, input, weight, withBias, input.requiresGrad(), stride, padding,
        dilation, groups);
  }

  /**
   * {@link #libtorchKernel(Kind, Tensor, Tensor, boolean, long[], long[], long[], long)} where
   * the caller says whether the input's gradient will be computed ({@code
   * Torch.convolutionBackward}'s {@code inputGradient}).
   */
  static boolean libtorchKernel(Kind kind, Tensor input, Tensor weight, boolean withBias,
      boolean inputGradient, long[] stride, long[] padding, long[] dilation, long groups) {
    if (!input.device().isCpu() || !reachesOneDnn(input.dtype())) {
      return true;
    }
    if (kind != Kind.CONV2D || groups != 1 || !allOnes(dilation) || POLICY == Policy.NEVER) {
      return false;
    }
    if (POLICY == Policy.TRUST) {
      return true;
    }
    Geometry g = Geometry.of(input, weight, withBias, inputGradient, stride, padding);
    Boolean verdict = VERDICTS.get(g);
    if (verdict == null) {
      verdict = OneDnnCheck.agreesOrFails(g);
      Boolean first = VERDICTS.putIfAbsent(g, verdict);
      if (first == null && !verdict) {
        OneDnnCheck.warn(g);
      }
    }
    return verdict;
  }

  /** The geometries checked so far and how many of them oneDNN got wrong, for tests and docs. */
  static int[] checkedAndRejected() {
    int rejected = (int) VERDICTS.values().stream().filter(v -> !v).count();
    return new int[] {VERDICTS.size(), rejected};
  }

  /** libtorch sends float32, bfloat16 and float16 CPU convolutions to oneDNN. */
  private static boolean reachesOneDnn(DType dtype) {
    return dtype == DType.FLOAT32 || dtype == DType.BFLOAT16 || dtype == DType.FLOAT16;
  }

  private static boolean allOnes(long[] values) {
    for (long v : values) {
      if (v != 1) {
        return false;
      }
    }
    return true;
  }

  private static Policy policy(String value) {
    try {
      return Policy.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("-D" + POLICY_PROPERTY + "=" + value
          + " is not a convolution policy: use check (the default), never or trust", e);
    }
  }

  /**
   * What oneDNN's choice of kernel can depend on for a plain 2-D convolution: the sizes of the
   * (batched) input and of the weight, stride, padding, the layouts, the dtype, whether a bias
   * is added and whether the input's gradient is wanted (a network's first layer never needs it,
   * and oneDNN computes it with a kernel of its own).
   */
  record Geometry(long[] input, long[] weight, long[] stride, long[] padding,
      boolean inputChannelsLast, boolean weightChannelsLast, int dtype, boolean withBias,
      boolean inputGradient) {

    /** The key of a call, from the sizes and dtype the tensors cache (no native vectors). */
    static Geometry of(Tensor input, Tensor weight, boolean withBias, boolean inputGradient,
        long[] stride, long[] padding) {
      long[] in = input.shape();
      if (in.length == 3) {
        in = new long[] {1, in[0], in[1], in[2]};
      }
      return new Geometry(in, weight.shape(), stride.clone(), padding.clone(),
          channelsLast(input), channelsLast(weight), input.dtype().scalarType().value, withBias,
          inputGradient);
    }

    private static boolean channelsLast(Tensor t) {
      return t.dim() == 4 && t.h().suggest_memory_format().value
          == org.bytedeco.pytorch.global.torch.MemoryFormat.ChannelsLast.value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Geometry g && Arrays.equals(input, g.input)
          && Arrays.equals(weight, g.weight) && Arrays.equals(stride, g.stride)
          && Arrays.equals(padding, g.padding) && inputChannelsLast == g.inputChannelsLast
          && weightChannelsLast == g.weightChannelsLast && dtype == g.dtype
          && withBias == g.withBias && inputGradient == g.inputGradient;
    }

    @Override
    public int hashCode() {
      int h = Arrays.hashCode(input);
      h = 31 * h + Arrays.hashCode(weight);
      h = 31 * h + Arrays.hashCode(stride);
      h = 31 * h + Arrays.hashCode(padding);
      return 31 * h + (inputChannelsLast ? 1 : 0) + (weightChannelsLast ? 2 : 0) + 4 * dtype
          + (withBias ? 1024 : 0) + (inputGradient ? 2048 : 0);
    }

    @Override
    public String toString() {
      return "conv2d of input " + Arrays.toString(input) + (inputChannelsLast ? " channels-last" : "")
          + " with weight " + Arrays.toString(weight)
          + (weightChannelsLast ? " channels-last" : "") + (withBias ? " and bias" : "")
          + ", stride " + Arrays.toString(stride) + ", padding " + Arrays.toString(padding)
          + (inputGradient ? ", with the input's gradient" : "");
    }
  }
}
