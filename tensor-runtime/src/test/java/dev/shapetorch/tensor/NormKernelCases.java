package dev.shapetorch.tensor;

import static dev.shapetorch.tensor.KernelData.longs;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.KernelData.Input;
import dev.shapetorch.tensor.KernelData.Layout;
import java.util.ArrayList;
import java.util.List;

/**
 * Random normalisation configurations for {@link KernelDifferentialTest}: {@code batchNorm}
 * (training and evaluation, with and without affine weight and bias, with and without running
 * statistics), {@code layerNorm} and {@code groupNorm}, over inputs of rank 2 to 4 in every
 * layout. Each case checks the forward, the gradients of input, weight and bias for a random
 * output gradient, and the running statistics a training step leaves.
 *
 * <p>Tolerances follow float32's error propagation ({@link Scales}): the normalised input
 * {@code x_hat = (x - mean) * rstd} carries an error of about {@code u * |x| * rstd} whatever the
 * algorithm (the mean itself is rounded), which is large beside {@code x_hat} when the values sit
 * far from 0 relative to their spread, or a group has one element ({@code rstd =
 * 1/sqrt(eps)}); an input gradient is formed by cancellation ({@code dy} minus its projections on
 * 1 and on {@code x_hat}); a weight or bias gradient sums {@code M} terms. Each output is
 * therefore compared at the magnitude those terms give it, not at its own, which can be near 0.
 */
final class NormKernelCases {

  private NormKernelCases() {}

  /** One random normalisation case. */
  static KernelCase random(long seed) {
    KernelData d = new KernelData(seed);
    switch (d.between(0, 3)) {
      case 0:
      case 1:
        return batchNorm(d, seed);
      case 2:
        return layerNorm(d, seed);
      default:
        return groupNorm(d, seed);
    }
  }

  /**
   * Normal values {@code shift + scale * N(0, 1)}, the shift at times far beside the scale
   * (activations with a large mean and a small spread), in a random layout.
   */
  private static Input offsetInput(KernelData d, long[] shape) {
    double scale = d.logUniform(0.01, 10);
    double shift = d.pick(0.0, 0.0, 0.0, 3.0, 30.0);
    return new Input("x", d.gaussian(KernelData.numel(shape), scale, shift), shape,
        d.layout(shape.length));
  }

  /** The input with its values' mean and standard deviation. */
  private static String describe(Input x) {
    double[] v = x.values();
    double mean = 0;
    for (double e : v) {
      mean += e / v.length;
    }
    return x.describe() + String.format(" (values: mean %.4g, std %.4g)", mean,
        Math.sqrt(variance(v)));
  }

  /** [N, C, *spatial] with spatial rank 0 to 2. */
  private static long[] channelShape(KernelData d, long channels) {
    int spatial = d.between(0, 2);
    long[] shape = new long[2 + spatial];
    shape[0] = d.chance(0.3) ? 1 : d.between(2, 5);
    shape[1] = channels;
    for (int i = 0; i < spatial; i++) {
      shape[2 + i] = d.between(1, 7);
    }
    return shape;
  }

  private static Input perChannel(KernelData d, String name, long c, double scale,
      double shift) {
    return new Input(name, d.gaussian(c, scale, shift), new long[] {c}, Layout.CONTIGUOUS);
  }

  private static KernelCase batchNorm(KernelData d, long seed) {
    long c = d.width();
    long[] shape;
    boolean training = d.chance(0.6);
    do {
      shape = channelShape(d, c);
    } while (training && KernelData.numel(shape) / c < 3); // libtorch needs > 1 value a channel
    Input x = offsetInput(d, shape);
    boolean affine = d.chance(0.7);
    Input w = affine ? perChannel(d, "weight", c, 0.5, 1) : null;
    Input b = affine ? perChannel(d, "bias", c, 1, 0) : null;
    boolean running = !training || d.chance(0.8);
    Input mean = running ? perChannel(d, "runningMean", c, 1, 0) : null;
    double[] varValues = new double[(int) c];
    for (int i = 0; i < c; i++) {
      varValues[i] = (float) (0.2 + 2 * d.random.nextDouble());
    }
    Input var = running ? new Input("runningVar", varValues, new long[] {c}, Layout.CONTIGUOUS)
        : null;
    double momentum = d.pick(0.1, 0.01, 0.5, 1.0);
    double eps = d.logUniform(1e-6, 1e-2);
    long n = KernelData.numel(shape) / c;
    double minVar = training ? minChannelVariance(x.values(), shape) : min(varValues);
    String description = describe(x) + (training ? " training" : " evaluation") + " affine "
        + affine + " runningStats " + running + " momentum " + momentum + " eps " + eps;
    double xMax = maxAbs(x) + (training ? 0 : maxAbs(mean));
    Scales scales = Scales.of(xMax, minVar, eps, w, b, n,
        training ? Math.sqrt(n) : xMax / Math.sqrt(minVar + eps));
    return KernelCase.op("batchNorm", description, dtype -> {
      KernelOutputs out = new KernelOutputs();
      try (NoGradScope noGrad = Torch.noGrad()) {
        out.add("forward.noGrad", F.batchNorm(x.make(dtype), running ? mean.make(dtype) : null,
            running ? var.make(dtype) : null, affine ? w.make(dtype) : null,
            affine ? b.make(dtype) : null, training, momentum, eps), scales.forward(), 0);
      }
      Tensor leaf = x.leaf(dtype);
      Tensor wt = affine ? w.leaf(dtype) : null;
      Tensor bt = affine ? b.leaf(dtype) : null;
      Tensor rm = running ? mean.make(dtype) : null;
      Tensor rv = running ? var.make(dtype) : null;
      Tensor y = F.batchNorm(leaf, rm, rv, wt, bt, training, momentum, eps);
      if (running) {
        out.add("runningMean", rm, xMax, 0).add("runningVar", rv, xMax * xMax, 0);
      }
      return scales.addAll(out, seed, x, y, leaf, wt, bt, dtype);
    });
  }

  private static KernelCase layerNorm(KernelData d, long seed) {
    int normRank = d.between(1, 3);
    int batchRank = d.between(0, 2);
    long[] shape = new long[normRank + batchRank];
    long[] normalized = new long[normRank];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = i == shape.length - 1 ? d.width() : d.between(1, 6);
    }
    System.arraycopy(shape, batchRank, normalized, 0, normRank);
    long m = KernelData.numel(normalized);
    Input x = offsetInput(d, shape);
    boolean affine = d.chance(0.7);
    Input w = affine ? new Input("weight", d.gaussian(m, 0.5, 1), normalized,
        Layout.CONTIGUOUS) : null;
    Input b = affine && d.chance(0.8) ? new Input("bias", d.gaussian(m, 1, 0), normalized,
        Layout.CONTIGUOUS) : null;
    double eps = d.logUniform(1e-6, 1e-2);
    double minVar = minChunkVariance(x.values(), m);
    long groups = KernelData.numel(shape) / m;
    String description = describe(x) + " normalizedShape " + longs(normalized) + " weight "
        + (w != null) + " bias " + (b != null) + " eps " + eps;
    Scales scales = Scales.of(maxAbs(x), minVar, eps, w, b, groups, Math.sqrt(m));
    return KernelCase.op("layerNorm", description, dtype -> {
      KernelOutputs out = new KernelOutputs();
      try (NoGradScope noGrad = Torch.noGrad()) {
        out.add("forward.noGrad", F.layerNorm(x.make(dtype), normalized,
            w == null ? null : w.make(dtype), b == null ? null : b.make(dtype), eps),
            scales.forward(), 0);
      }
      Tensor leaf = x.leaf(dtype);
      Tensor wt = w == null ? null : w.leaf(dtype);
      Tensor bt = b == null ? null : b.leaf(dtype);
      Tensor y = F.layerNorm(leaf, normalized, wt, bt, eps);
      return scales.addAll(out, seed, x, y, leaf, wt, bt, dtype);
    });
  }

  private static KernelCase groupNorm(KernelData d, long seed) {
    long groups = d.pick(1L, 2L, 3L, 4L);
    long c = groups * d.pickInt(1, 1, 2, 3, 4, 8, 16);
    long[] shape = channelShape(d, c);
    long per = KernelData.numel(shape) / shape[0] / groups;
    Input x = offsetInput(d, shape);
    boolean affine = d.chance(0.7);
    Input w = affine ? perChannel(d, "weight", c, 0.5, 1) : null;
    Input b = affine ? perChannel(d, "bias", c, 1, 0) : null;
    double eps = d.logUniform(1e-6, 1e-2);
    double minVar = minChunkVariance(x.values(), per);
    String description = describe(x) + " groups " + groups + " affine " + affine + " eps "
        + eps;
    Scales scales = Scales.of(maxAbs(x), minVar, eps, w, b, KernelData.numel(shape) / c,
        Math.sqrt(per));
    return KernelCase.op("groupNorm", description, dtype -> {
      KernelOutputs out = new KernelOutputs();
      try (NoGradScope noGrad = Torch.noGrad()) {
        out.add("forward.noGrad", F.groupNorm(x.make(dtype), groups,
            affine ? w.make(dtype) : null, affine ? b.make(dtype) : null, eps),
            scales.forward(), 0);
      }
      Tensor leaf = x.leaf(dtype);
      Tensor wt = affine ? w.leaf(dtype) : null;
      Tensor bt = affine ? b.leaf(dtype) : null;
      Tensor y = F.groupNorm(leaf, groups, wt, bt, eps);
      return scales.addAll(out, seed, x, y, leaf, wt, bt, dtype);
    });
  }

  /**
   * The magnitudes against which a normalisation's outputs are compared. With {@code rstd =
   * 1/sqrt(min var + eps)} and {@code xr = max|x| * rstd} (the error of {@code x_hat} in units of
   * float32's rounding): forward {@code max(1,|w|) * xr + |b|}; input gradient {@code |dy| *
   * max(1,|w|) * rstd * (1 + xr)}; weight gradient {@code sqrt(M) * |dy| * (max|x_hat| + xr)};
   * bias gradient {@code sqrt(M) * |dy|}, for {@code M} terms in each sum.
   */
  private record Scales(double xMax, double minVar, double eps, double wMax, double bMax,
      long terms, double xHatMax) {

    static Scales of(double xMax, double minVar, double eps, Input weight, Input bias,
        long terms, double xHatMax) {
      return new Scales(xMax, minVar, eps, weight == null ? 1 : Math.max(1, maxAbs(weight)),
          bias == null ? 0 : maxAbs(bias), terms, xHatMax);
    }

    double rstd() {
      return 1 / Math.sqrt(minVar + eps);
    }

    double forward() {
      return wMax * xMax * rstd() + bMax;
    }

    KernelOutputs addAll(KernelOutputs out, long seed, Input x, Tensor y, Tensor leaf,
        Tensor wt, Tensor bt, DType dtype) {
      double xr = xMax * rstd();
      out.add("forward", y, forward(), 0);
      Tensor gy = PoolingKernelCases.outputGradient(seed, y, x.layout(), dtype);
      y.backward(gy);
      double gyMax = maxAbs(gy);
      out.add("grad.input", leaf.grad(), gyMax * wMax * rstd() * (1 + xr), 0);
      if (wt != null) {
        out.add("grad.weight", wt.grad(), Math.sqrt(terms) * gyMax * (xHatMax + xr), 0);
      }
      if (bt != null) {
        out.add("grad.bias", bt.grad(), Math.sqrt(terms) * gyMax, 0);
      }
      return out;
    }
  }

  static double maxAbs(Input t) {
    double m = 0;
    for (double v : t.values()) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  static double maxAbs(Tensor t) {
    return t.abs().max().item();
  }

  private static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double x : v) {
      m = Math.min(m, x);
    }
    return m;
  }

  /** The smallest population variance of consecutive chunks of {@code size} values. */
  static double minChunkVariance(double[] values, long size) {
    List<double[]> chunks = new ArrayList<>();
    for (int at = 0; at < values.length; at += (int) size) {
      double[] chunk = new double[(int) size];
      System.arraycopy(values, at, chunk, 0, (int) size);
      chunks.add(chunk);
    }
    return chunks.stream().mapToDouble(NormKernelCases::variance).min().orElse(0);
  }

  /** The smallest population variance over (N, *spatial) of a channel of [N, C, *spatial]. */
  static double minChannelVariance(double[] values, long[] shape) {
    int c = (int) shape[1];
    int inner = (int) (KernelData.numel(shape) / shape[0] / c);
    double best = Double.POSITIVE_INFINITY;
    for (int ch = 0; ch < c; ch++) {
      double[] v = new double[(int) shape[0] * inner];
      for (int n = 0, k = 0; n < shape[0]; n++) {
        for (int s = 0; s < inner; s++) {
          v[k++] = values[(n * c + ch) * inner + s];
        }
      }
      best = Math.min(best, variance(v));
    }
    return best;
  }

  private static double variance(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double sum = 0;
    for (double x : v) {
      sum += (x - mean) * (x - mean);
    }
    return sum / v.length;
  }
}
