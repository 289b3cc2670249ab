package dev.shapetorch.tensor;

import static dev.shapetorch.tensor.KernelData.longs;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.KernelData.Input;
import dev.shapetorch.tensor.KernelData.Layout;
import java.util.function.UnaryOperator;

/**
 * Random pooling configurations for {@link KernelDifferentialTest}: {@code maxPool1d}, {@code
 * maxPool2d}, {@code maxPool2dWithIndices} (with {@code maxPool2dWithIndicesBackward}), {@code
 * avgPool2d} and {@code adaptiveAvgPool2d}, batched or not, in every layout, with random kernel,
 * stride, padding (at most half the kernel, as ShapeTorch's rule allows), dilation and ceil mode,
 * sized so that outputs are small. Each case checks the forward without and with autograd
 * recording (libtorch has separate no-grad kernels) and the input gradient for a random output
 * gradient in the input's layout.
 */
final class PoolingKernelCases {

  private PoolingKernelCases() {}

  /** One random pooling case. */
  static KernelCase random(long seed) {
    KernelData d = new KernelData(seed);
    switch (d.between(0, 4)) {
      case 0:
        return maxPool1d(d, seed);
      case 1:
        return maxPool2d(d, seed);
      case 2:
        return maxPool2dWithIndices(d, seed);
      case 3:
        return avgPool2d(d, seed);
      default:
        return adaptiveAvgPool2d(d, seed);
    }
  }

  /** Window parameters and the input sizes they fit, one entry per spatial dim. */
  private record Windows(long[] kernel, long[] stride, long[] padding, long[] dilation,
      long[] inputSizes, boolean ceilMode) {

    /**
     * Random windows in which every window holds at least one input element. A dilated window
     * can straddle the input with all its taps in the padding (e.g. kernel 2, padding 1,
     * dilation 3 over 2 rows: taps at -1 and 2): libtorch then returns -inf and an index outside
     * the input on every path, and the backward writes outside the gradient's memory (a JVM
     * crash), which {@link KernelDifferentialTest} shows in a test of its own.
     */
    static Windows random(KernelData d, int spatial, boolean dilated) {
      while (true) {
        Windows w = draw(d, spatial, dilated);
        if (w.emptyWindow() < 0) {
          return w;
        }
      }
    }

    /** The first spatial dim with a window that holds no input element, or -1. */
    int emptyWindow() {
      for (int i = 0; i < kernel.length; i++) {
        long effective = dilation[i] * (kernel[i] - 1) + 1;
        long span = inputSizes[i] + 2 * padding[i] - effective;
        long out = (ceilMode ? Math.floorDiv(span + stride[i] - 1, stride[i])
            : Math.floorDiv(span, stride[i])) + 1;
        if (ceilMode && (out - 1) * stride[i] >= inputSizes[i] + padding[i]) {
          out--;
        }
        for (long o = 0; o < out; o++) {
          long start = o * stride[i] - padding[i];
          boolean hit = false;
          for (long j = 0; j < kernel[i] && !hit; j++) {
            long at = start + j * dilation[i];
            hit = at >= 0 && at < inputSizes[i];
          }
          if (!hit) {
            return i;
          }
        }
      }
      return -1;
    }

    private static Windows draw(KernelData d, int spatial, boolean dilated) {
      long[] k = new long[spatial];
      long[] s = new long[spatial];
      long[] p = new long[spatial];
      long[] dil = new long[spatial];
      long[] in = new long[spatial];
      for (int i = 0; i < spatial; i++) {
        k[i] = d.between(1, 5);
        s[i] = d.chance(0.25) ? k[i] : d.between(1, 4);
        dil[i] = dilated && d.chance(0.4) ? d.between(2, 3) : 1;
        p[i] = d.between(0, (int) k[i] / 2);
        long effective = dil[i] * (k[i] - 1) + 1;
        in[i] = Math.max(1, effective - 2 * p[i]) + d.between(0, (int) (3 * s[i]) + 1);
      }
      return new Windows(k, s, p, dil, in, d.chance(0.35));
    }

    String describe(boolean withDilation) {
      return "kernel " + longs(kernel) + " stride " + longs(stride) + " padding "
          + longs(padding) + (withDilation ? " dilation " + longs(dilation) : "") + " ceilMode "
          + ceilMode;
    }
  }

  /** An input [N, C, *spatial] (or [C, *spatial] unbatched), values shifted at times below 0. */
  private static Input input(KernelData d, long[] spatial) {
    boolean batched = d.chance(0.8);
    long[] shape = new long[spatial.length + (batched ? 2 : 1)];
    int at = 0;
    if (batched) {
      shape[at++] = d.chance(0.3) ? 1 : d.between(2, 4);
    }
    shape[at++] = d.width();
    System.arraycopy(spatial, 0, shape, at, spatial.length);
    // all-negative windows tell a kernel that pads with -inf from one that pads with 0
    double shift = d.chance(0.25) ? -4 : 0;
    return new Input("x", d.gaussian(KernelData.numel(shape), 1, shift), shape,
        d.layout(shape.length));
  }

  private static KernelCase maxPool1d(KernelData d, long seed) {
    Windows w = Windows.random(d, 1, true);
    Input x = input(d, w.inputSizes);
    return KernelCase.op("maxPool1d", x.describe() + " " + w.describe(true), dtype ->
        forwardAndGrad(dtype, x, seed, t -> F.maxPool1d(t, w.kernel[0], w.stride[0],
            w.padding[0], w.dilation[0], w.ceilMode)));
  }

  private static KernelCase maxPool2d(KernelData d, long seed) {
    Windows w = Windows.random(d, 2, true);
    Input x = input(d, w.inputSizes);
    return KernelCase.op("maxPool2d", x.describe() + " " + w.describe(true), dtype ->
        forwardAndGrad(dtype, x, seed, t -> F.maxPool2d(t, w.kernel, w.stride, w.padding,
            w.dilation, w.ceilMode)));
  }

  private static KernelCase maxPool2dWithIndices(KernelData d, long seed) {
    Windows w = Windows.random(d, 2, true);
    Input x = input(d, w.inputSizes);
    return KernelCase.op("maxPool2dWithIndices", x.describe() + " " + w.describe(true),
        dtype -> {
          KernelOutputs out = new KernelOutputs();
          Tensor leaf = x.leaf(dtype);
          ValuesAndIndices r = F.maxPool2dWithIndices(leaf, w.kernel, w.stride, w.padding,
              w.dilation, w.ceilMode);
          out.add("forward", r.values()).addExact("indices", r.indices());
          Tensor gy = outputGradient(seed, r.values(), x.layout(), dtype);
          Tensor viaOp = Torch.maxPool2dWithIndicesBackward(gy, leaf.detach(), w.kernel,
              w.stride, w.padding, w.dilation, w.ceilMode, r.indices());
          out.add("maxPool2dWithIndicesBackward", viaOp);
          r.values().backward(gy);
          return out.add("grad.input", leaf.grad());
        });
  }

  private static KernelCase avgPool2d(KernelData d, long seed) {
    Windows w = Windows.random(d, 2, false);
    Input x = input(d, w.inputSizes);
    boolean countIncludePad = d.chance(0.5);
    long divisor = d.chance(0.25) ? d.between(1, 12) : 0;
    return KernelCase.op("avgPool2d", x.describe() + " " + w.describe(false)
            + " countIncludePad " + countIncludePad + " divisorOverride " + divisor,
        dtype -> forwardAndGrad(dtype, x, seed, t -> F.avgPool2d(t, w.kernel, w.stride,
            w.padding, w.ceilMode, countIncludePad, divisor)));
  }

  private static KernelCase adaptiveAvgPool2d(KernelData d, long seed) {
    long[] in = {d.between(1, 12), d.between(1, 12)};
    long[] outSize = d.chance(0.2) ? new long[] {1, 1}
        : new long[] {d.between(1, (int) in[0] + 2), d.between(1, (int) in[1] + 2)};
    Input x = input(d, in);
    return KernelCase.op("adaptiveAvgPool2d", x.describe() + " outputSize " + longs(outSize),
        dtype -> forwardAndGrad(dtype, x, seed, t -> F.adaptiveAvgPool2d(t, outSize)));
  }

  /**
   * The forward without recording, the forward recorded, and the input gradient of {@code
   * f(x)} for a random output gradient laid out as the input.
   */
  static KernelOutputs forwardAndGrad(DType dtype, Input x, long seed, UnaryOperator<Tensor> f) {
    KernelOutputs out = new KernelOutputs();
    try (NoGradScope noGrad = Torch.noGrad()) {
      out.add("forward.noGrad", f.apply(x.make(dtype)));
    }
    Tensor leaf = x.leaf(dtype);
    Tensor y = f.apply(leaf);
    out.add("forward", y);
    y.backward(outputGradient(seed, y, x.layout(), dtype));
    return out.add("grad.input", leaf.grad());
  }

  /** Random values of {@code y}'s shape, the same on every path, in {@code layout}. */
  static Tensor outputGradient(long seed, Tensor y, Layout layout, DType dtype) {
    KernelData g = new KernelData(~seed);
    return new Input("gy", g.gaussian(y.numel(), 1, 0), y.shape(),
        y.dim() < 2 ? Layout.CONTIGUOUS : layout).make(dtype);
  }
}
