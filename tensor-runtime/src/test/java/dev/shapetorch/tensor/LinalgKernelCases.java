package dev.shapetorch.tensor;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.KernelData.Input;
import dev.shapetorch.tensor.KernelData.Layout;

/**
 * Random matrix-product configurations for {@link KernelDifferentialTest}: {@code linear} (with
 * and without bias; with a bias on a 2-D input it is libtorch's {@code addmm}), {@code matmul}
 * over every rank pairing it accepts (vector, matrix, batched, broadcast), {@code mm} and {@code
 * bmm}; sizes include 1 and the lengths around the 16 float lanes of AVX-512, and each operand may
 * be contiguous, transposed or a sliced view. Each case checks the forward and the gradient of
 * every operand.
 *
 * <p>An output that sums {@code K} products is compared at {@code sqrt(K) * max|a| * max|b|},
 * the magnitude of such a sum, so that an element near 0 by cancellation is not held to its own
 * size (float32's error on it is that of the terms).
 */
final class LinalgKernelCases {

  private LinalgKernelCases() {}

  /** One random product case. */
  static KernelCase random(long seed) {
    KernelData d = new KernelData(seed);
    switch (d.between(0, 4)) {
      case 0:
      case 1:
        return linear(d, seed);
      case 2:
      case 3:
        return matmul(d, seed);
      default:
        return d.chance(0.5) ? mm(d, seed) : bmm(d, seed);
    }
  }

  /** A size: 1 at times, small mostly, sometimes past a vector width or a BLAS block. */
  private static long size(KernelData d) {
    return d.chance(0.15) ? 1 : d.chance(0.8) ? d.width() : d.between(60, 130);
  }

  private static Layout layout(KernelData d, long[] shape) {
    return shape.length < 2 ? Layout.CONTIGUOUS
        : d.pick(Layout.CONTIGUOUS, Layout.TRANSPOSED, Layout.SLICED);
  }

  private static Input operand(KernelData d, String name, long[] shape) {
    return new Input(name, d.gaussian(KernelData.numel(shape), d.logUniform(0.1, 10), 0), shape,
        layout(d, shape));
  }

  private static KernelCase linear(KernelData d, long seed) {
    int batchRank = d.between(0, 2);
    long in = size(d);
    long outFeatures = size(d);
    long[] xShape = new long[batchRank + 1];
    long batch = 1;
    for (int i = 0; i < batchRank; i++) {
      xShape[i] = d.chance(0.2) ? 1 : d.between(2, 9);
      batch *= xShape[i];
    }
    xShape[batchRank] = in;
    Input x = operand(d, "x", xShape);
    Input w = operand(d, "weight", new long[] {outFeatures, in});
    Input b = d.chance(0.6) ? operand(d, "bias", new long[] {outFeatures}) : null;
    long rows = batch;
    String description = x.describe() + " " + w.describe() + (b == null ? " no bias"
        : " " + b.describe());
    return KernelCase.op("linear", description, dtype -> {
      KernelOutputs out = new KernelOutputs();
      double xMax = NormKernelCases.maxAbs(x);
      double wMax = NormKernelCases.maxAbs(w);
      double bMax = b == null ? 0 : NormKernelCases.maxAbs(b);
      double forward = Math.sqrt(in) * xMax * wMax + bMax;
      try (NoGradScope noGrad = Torch.noGrad()) {
        out.add("forward.noGrad", F.linear(x.make(dtype), w.make(dtype),
            b == null ? null : b.make(dtype)), forward, 0);
      }
      Tensor xt = x.leaf(dtype);
      Tensor wt = w.leaf(dtype);
      Tensor bt = b == null ? null : b.leaf(dtype);
      Tensor y = F.linear(xt, wt, bt);
      out.add("forward", y, forward, 0);
      Tensor gy = PoolingKernelCases.outputGradient(seed, y, Layout.CONTIGUOUS, dtype);
      y.backward(gy);
      double gyMax = NormKernelCases.maxAbs(gy);
      out.add("grad.input", xt.grad(), Math.sqrt(outFeatures) * gyMax * wMax, 0);
      out.add("grad.weight", wt.grad(), Math.sqrt(rows) * gyMax * xMax, 0);
      if (bt != null) {
        out.add("grad.bias", bt.grad(), Math.sqrt(rows) * gyMax, 0);
      }
      return out;
    });
  }

  private static KernelCase matmul(KernelData d, long seed) {
    int[][] ranks = {{1, 1}, {1, 2}, {2, 1}, {2, 2}, {3, 3}, {3, 2}, {2, 3}, {3, 1}, {1, 3},
        {4, 3}, {4, 4}, {3, 4}};
    int[] r = ranks[d.random.nextInt(ranks.length)];
    long m = size(d);
    long k = size(d);
    long n = size(d);
    long[] batch = {d.between(1, 3), d.between(1, 3)};
    long[] aShape = shape(d, r[0], batch, m, k, true);
    long[] bShape = shape(d, r[1], batch, k, n, false);
    return product(d, seed, "matmul", aShape, bShape, k, m, n, Torch::matmul);
  }

  /** An operand of {@code rank} dims: its matrix, after batch dims that may broadcast (1). */
  private static long[] shape(KernelData d, int rank, long[] batch, long rows, long cols,
      boolean left) {
    if (rank == 1) {
      return new long[] {left ? cols : rows};
    }
    long[] s = new long[rank];
    for (int i = 0; i < rank - 2; i++) {
      s[i] = d.chance(0.25) ? 1 : batch[batch.length - (rank - 2) + i];
    }
    s[rank - 2] = rows;
    s[rank - 1] = cols;
    return s;
  }

  private static KernelCase mm(KernelData d, long seed) {
    long m = size(d);
    long k = size(d);
    long n = size(d);
    return product(d, seed, "mm", new long[] {m, k}, new long[] {k, n}, k, m, n, Torch::mm);
  }

  private static KernelCase bmm(KernelData d, long seed) {
    long batch = d.between(1, 4);
    long m = size(d);
    long k = size(d);
    long n = size(d);
    return product(d, seed, "bmm", new long[] {batch, m, k}, new long[] {batch, k, n}, k, m, n,
        Torch::bmm);
  }

  private static KernelCase product(KernelData d, long seed, String op, long[] aShape,
      long[] bShape, long k, long m, long n, java.util.function.BinaryOperator<Tensor> f) {
    Input a = operand(d, "a", aShape);
    Input b = operand(d, "b", bShape);
    long rows = aShape.length == 1 ? 1 : m;
    long cols = bShape.length == 1 ? 1 : n;
    long aBatch = KernelData.numel(aShape) / (rows * k);
    long bBatch = KernelData.numel(bShape) / (k * cols);
    return KernelCase.op(op, a.describe() + " " + b.describe(), dtype -> {
      KernelOutputs out = new KernelOutputs();
      double aMax = NormKernelCases.maxAbs(a);
      double bMax = NormKernelCases.maxAbs(b);
      Tensor at = a.leaf(dtype);
      Tensor bt = b.leaf(dtype);
      Tensor y = f.apply(at, bt);
      out.add("forward", y, Math.sqrt(k) * aMax * bMax, 0);
      Tensor gy = PoolingKernelCases.outputGradient(seed, y, Layout.CONTIGUOUS, dtype);
      y.backward(gy);
      double gyMax = NormKernelCases.maxAbs(gy);
      // a's gradient sums over the columns and over the batch a was broadcast across; b's over
      // the rows and its broadcast batch
      long outBatch = y.numel() / (rows * cols);
      out.add("grad.a", at.grad(), Math.sqrt(cols * (outBatch / aBatch)) * gyMax * bMax, 0);
      out.add("grad.b", bt.grad(), Math.sqrt(rows * (outBatch / bBatch)) * gyMax * aMax, 0);
      return out;
    });
  }
}
