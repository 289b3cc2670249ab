package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.backprop.T3;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.ValuesAndIndices;
import java.util.Objects;

/**
 * Convolution, pooling and losses with their gradients: {@code conv2d} and {@code maxPool2d}
 * (differentiated through ATen's own backward kernels, {@link Torch#convolutionBackward} and
 * {@link Torch#maxPool2dWithIndicesBackward}), {@code
 * crossEntropy} against class indices and {@code mseLoss}, both averaged over their elements as
 * PyTorch's default {@code reduction='mean'}. Reach them through {@link TensorOps}.
 *
 * <p>Shape: {@code conv2d} maps {@code [N, Cin, H, W]} (or {@code [Cin, H, W]}) and a weight
 * {@code [Cout, Cin/groups, KH, KW]} to {@code [N, Cout, H', W']} ({@link Rule#CONV2D});
 * {@code maxPool2d} maps {@code [N, C, H, W]} to {@code [N, C, H', W']} ({@link Rule#POOL2D});
 * {@code crossEntropy} takes logits {@code [N, C]} (or {@code [C]}, or {@code [N, C,
 * d...]}) and int64 class indices {@code [N]} (or {@code []}, or {@code [N, d...]}) ({@link
 * Rule#CLASS_INDEX_LOSS}); {@code mseLoss} takes two tensors of exactly one shape ({@link
 * Rule#SAME_SHAPE}: an {@code (N, 1)} input against an {@code (N)} target is an error, not a
 * silent broadcast). Both return a 0-d tensor.
 */
public class TensorNeuralOps extends TensorNormOps {
  private static final Op<T2<Tensor, Tensor>, Tensor> MSE = Op.op2((x, y) -> {
    Guard.declared(
        Rule.SAME_SHAPE, "TensorOps.mseLoss", Guard.tensor(x, "x"), Guard.tensor(y, "y"));
    Tensor d = x.sub(y);
    return OpResult.of(d.mul(d).mean(), g -> {
      Tensor gx = d.mul(g.mul(2.0 / x.numel()));
      return T2.of(gx, gx.neg());
    });
  });

  TensorNeuralOps() {}

  /**
   * A 2-D convolution with bias, as {@code Torch.conv2d}; the gradients of input, weight and
   * bias come from {@link Torch#convolutionBackward}.
   *
   * @param stride {@code {SH, SW}}
   * @param padding {@code {PH, PW}}
   * @param dilation {@code {DH, DW}}
   * @param groups the number of groups
   */
  public static Op<T3<Tensor, Tensor, Tensor>, Tensor> conv2d(long[] stride, long[] padding,
      long[] dilation, long groups) {
    long[] s = stride.clone();
    long[] p = padding.clone();
    long[] d = dilation.clone();
    return Op.op3((x, w, b) -> OpResult.of(Torch.conv2d(x, w, b, s, p, d, groups), g -> {
      Tensor[] grads = convBackward(g, x, w, true, true, s, p, d, groups);
      return T3.of(grads[0], grads[1], grads[2]);
    }));
  }

  /**
   * A 1-D convolution with bias, as {@code Torch.conv1d}; the gradients of input, weight and
   * bias come from {@link Torch#convolutionBackward} of the same convolution seen as 2-D (a
   * height of 1).
   *
   * @param stride the stride
   * @param padding the padding on both sides
   * @param dilation the dilation
   * @param groups the number of groups
   */
  public static Op<T3<Tensor, Tensor, Tensor>, Tensor> conv1d(long stride, long padding,
      long dilation, long groups) {
    long[] s = {1, stride};
    long[] p = {0, padding};
    long[] d = {1, dilation};
    return Op.op3((x, w, b) -> OpResult.of(Torch.conv1d(x, w, b, stride, padding, dilation,
        groups), g -> {
          int height = x.dim() - 1;
          Tensor[] grads = convBackward(g.unsqueeze(height), x.unsqueeze(height),
              w.unsqueeze(2), true, true, s, p, d, groups);
          return T3.of(grads[0].squeeze(height), grads[1].squeeze(2), grads[2]);
        }));
  }

  /** A 2-D convolution without bias; see {@link #conv2d(long[], long[], long[], long)}. */
  public static Op<T2<Tensor, Tensor>, Tensor> conv2dNoBias(long[] stride, long[] padding,
      long[] dilation, long groups) {
    long[] s = stride.clone();
    long[] p = padding.clone();
    long[] d = dilation.clone();
    return Op.op2((x, w) -> OpResult.of(Torch.conv2d(x, w, null, s, p, d, groups), g -> {
      Tensor[] grads = convBackward(g, x, w, true, false, s, p, d, groups);
      return T2.of(grads[0], grads[1]);
    }));
  }

  /**
   * A 2-D convolution with bias of a constant input {@code x} (data): an op of the weight and
   * bias only, whose gradient skips the input's. {@link TensorVars#conv2d} picks it when the
   * input is a constant.
   */
  public static Op<T2<Tensor, Tensor>, Tensor> conv2dOfConstant(Tensor x, long[] stride,
      long[] padding, long[] dilation, long groups) {
    long[] s = stride.clone();
    long[] p = padding.clone();
    long[] d = dilation.clone();
    return Op.op2((w, b) -> OpResult.of(Torch.conv2d(x, w, b, s, p, d, groups), g -> {
      Tensor[] grads = convBackward(g, x, w, false, true, s, p, d, groups);
      return T2.of(grads[1], grads[2]);
    }));
  }

  /** A 2-D convolution without bias of a constant input; see {@link #conv2dOfConstant}. */
  public static Op<T1<Tensor>, Tensor> conv2dNoBiasOfConstant(Tensor x, long[] stride,
      long[] padding, long[] dilation, long groups) {
    long[] s = stride.clone();
    long[] p = padding.clone();
    long[] d = dilation.clone();
    return Op.op1(w -> OpResult.of(Torch.conv2d(x, w, null, s, p, d, groups),
        g -> convBackward(g, x, w, false, false, s, p, d, groups)[1]));
  }

  /**
   * 2-D max pooling, as {@code Torch.maxPool2d}; the gradient goes to where each maximum was
   * ({@link Torch#maxPool2dWithIndicesBackward}).
   *
   * @param kernelSize {@code {KH, KW}}
   * @param stride {@code {SH, SW}}
   * @param padding {@code {PH, PW}}
   * @param dilation {@code {DH, DW}}
   * @param ceilMode whether output sizes round up
   */
  public static Op<T1<Tensor>, Tensor> maxPool2d(long[] kernelSize, long[] stride,
      long[] padding, long[] dilation, boolean ceilMode) {
    long[] k = kernelSize.clone();
    long[] s = stride.clone();
    long[] p = padding.clone();
    long[] d = dilation.clone();
    return Op.op1(x -> {
      ValuesAndIndices vi = Torch.maxPool2dWithIndices(x, k, s, p, d, ceilMode);
      return OpResult.of(vi.values(),
          g -> Torch.maxPool2dWithIndicesBackward(g, x, k, s, p, d, ceilMode, vi.indices()));
    });
  }

  /** The convolution's gradients; an unbatched {@code [C, H, W]} input runs as a batch of 1. */
  private static Tensor[] convBackward(Tensor g, Tensor x, Tensor w, boolean inputGradient,
      boolean withBias, long[] s, long[] p, long[] d, long groups) {
    if (x.dim() == 3) {
      Tensor[] batched = Torch.convolutionBackward(g.unsqueeze(0), x.unsqueeze(0), w,
          inputGradient, withBias, s, p, d, groups);
      if (inputGradient) {
        batched[0] = batched[0].squeeze(0);
      }
      return batched;
    }
    return Torch.convolutionBackward(g, x, w, inputGradient, withBias, s, p, d, groups);
  }

  /**
   * The mean cross-entropy of {@code logits} against the class indices {@code target}: {@code
   * -mean(logSoftmax(logits)[target])}, as {@code F.crossEntropy}. Gradient {@code g
   * (softmax(logits) - oneHot(target)) / n}, with {@code n} the number of targets. The targets are
   * a constant of the op (class indices have no gradient).
   *
   * @param target int64 class indices in {@code [0, C)}
   * @throws IllegalArgumentException if {@code target} is not int64 (when the op runs)
   */
  public static Op<T1<Tensor>, Tensor> crossEntropy(Tensor target) {
    Objects.requireNonNull(target, "target");
    return Op.op1(logits -> {
      Guard.declared(Rule.CLASS_INDEX_LOSS, "TensorOps.crossEntropy",
          Guard.tensor(logits, "logits"), Guard.tensor(target, "target"));
      if (target.dtype() != DType.INT64) {
        throw new IllegalArgumentException("TensorOps.crossEntropy: the target must hold int64"
            + " class indices, got " + target.dtype() + " (convert it with"
            + " target.to(DType.INT64))");
      }
      int classDim = logits.dim() == 1 ? 0 : 1;
      Tensor index = target.unsqueeze(classDim);
      Tensor logp = logits.logSoftmax(classDim);
      Tensor loss = Torch.nllLoss(logp, target, null, Reduction.MEAN, -100);
      return OpResult.of(loss, g -> {
        Tensor p = logp.exp();
        Tensor ones = Torch.onesLike(index).to(p.dtype());
        Tensor oneHot = Torch.zerosLike(p).scatter(classDim, index, ones);
        return p.sub(oneHot).mul(g.div((double) target.numel()));
      });
    });
  }

  /**
   * The rows of the weight picked by integer {@code indices} ({@code Torch.embedding}, as {@code
   * F.embedding(indices, weight)}): an op of the weight, whose gradient adds {@code g}'s rows
   * into the rows they were picked from (a row picked twice gets both, a row never picked zero).
   * The indices are a constant of the op.
   *
   * <p>Shape: {@code [*batch]} indices and a {@code [Num, Dim]} weight give {@code [*batch,
   * Dim]} ({@link Rule#EMBEDDING}).
   *
   * @param indices int64 or int32 row indices in {@code [0, Num)}
   */
  public static Op<T1<Tensor>, Tensor> embedding(Tensor indices) {
    Objects.requireNonNull(indices, "indices");
    return Op.op1(weight -> OpResult.of(Torch.embedding(indices, weight, -1), g -> {
      long rows = weight.size(0);
      long width = weight.size(1);
      Tensor picked = Torch.oneHot(indices.reshape(-1).to(DType.INT64), rows).to(g.dtype());
      return picked.transpose(0, 1).matmul(g.reshape(-1, width));
    }));
  }

  /**
   * The mean cross-entropy of {@code [N, C]} logits with PyTorch's options ({@code
   * Torch.crossEntropyLoss(logits, target, weight, MEAN, ignoreIndex, labelSmoothing)}): against
   * int64 class indices {@code [N]} (targets equal to {@code ignoreIndex} contribute nothing) or
   * against class probabilities {@code [N, C]} (a floating target); a weight per class; labels
   * smoothed towards the uniform distribution. With {@code A} the weighted, smoothed target
   * distribution of each row ({@code A[i, c] = w[c] ((1 - s) t[i, c] + s / C)}, {@code t} the
   * one-hot indices or the probabilities, zero rows where ignored) and {@code n} the
   * denominator of the mean ({@code sum_i w[target_i]} over the rows not ignored, or {@code N}
   * for probabilities), the loss is {@code -sum(A log softmax(logits)) / n} and its gradient
   * {@code g (softmax(logits) rowsum(A) - A) / n}. Target and weight are constants of the op.
   *
   * <p>Shape: {@code [N, C]} logits with {@code [N]} indices or {@code [N, C]} probabilities;
   * the weight is {@code [C]}; a 0-d result.
   *
   * @param target int64 class indices, or floating class probabilities
   * @param weight a weight per class, or null for all 1
   * @param ignoreIndex a class index whose targets contribute nothing (-100 matches none)
   * @param labelSmoothing in {@code [0, 1]}
   */
  public static Op<T1<Tensor>, Tensor> crossEntropy(Tensor target, Tensor weight,
      long ignoreIndex, double labelSmoothing) {
    Objects.requireNonNull(target, "target");
    return Op.op1(logits -> {
      Tensor loss = Torch.crossEntropyLoss(logits, target, weight, Reduction.MEAN, ignoreIndex,
          labelSmoothing);
      return OpResult.of(loss, g -> {
        long classes = logits.size(1);
        Tensor w = weight == null ? Torch.onesLike(logits.select(0, 0)) : weight.to(logits.dtype());
        Tensor a;
        Tensor denominator;
        if (target.dtype().isFloatingPoint()) {
          a = target.to(logits.dtype()).mul(1 - labelSmoothing).add(labelSmoothing / classes)
              .mul(w);
          denominator = Torch.scalarTensor((double) logits.size(0), logits.dtype());
        } else {
          Tensor ignored = target.eq((double) ignoreIndex);
          Tensor kept = ignored.logicalNot().to(logits.dtype()).unsqueeze(1);
          Tensor oneHot = Torch.oneHot(target.maskedFill(ignored, 0.0).to(DType.INT64), classes)
              .to(logits.dtype()).mul(kept);
          denominator = oneHot.mul(w).sum();
          a = oneHot.mul(1 - labelSmoothing).add(kept.mul(labelSmoothing / classes)).mul(w);
        }
        Tensor p = logits.softmax(1);
        return p.mul(a.sum(1, true)).sub(a).mul(g.div(denominator));
      });
    });
  }

  /**
   * 2-D average pooling with {@code ceilMode} off and no divisor override; see {@link
   * #avgPool2d(long[], long[], long[], boolean, boolean, long)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, (H + 2 PH - KH) / SH + 1, (W + 2 PW - KW) / SW + 1]}
   * (or without {@code N}; {@link Rule#POOL2D} with dilation 1).
   *
   * @param kernelSize {@code {KH, KW}}
   * @param stride {@code {SH, SW}}
   * @param padding {@code {PH, PW}}
   * @param countIncludePad whether padded zeros count in the average's denominator
   */
  public static Op<T1<Tensor>, Tensor> avgPool2d(long[] kernelSize, long[] stride,
      long[] padding, boolean countIncludePad) {
    return avgPool2d(kernelSize, stride, padding, false, countIncludePad, 0);
  }

  /**
   * 2-D average pooling with all of PyTorch's options ({@code Torch.avgPool2d(x, kernelSize,
   * stride, padding, ceilMode, countIncludePad, divisorOverride)}). Each output cell sums its
   * window and divides by {@code divisorOverride} if it is not 0, otherwise by the window's
   * count as ATen counts it: the cells of the window inside the padded input (fewer than {@code
   * KH KW} for a last window that {@code ceilMode} lets run past the padding) with {@code
   * countIncludePad}, or the cells inside the input without. The sum is a depthwise convolution
   * with a kernel of ones, so the input's gradient is that convolution's ({@link
   * Torch#convolutionBackward}) of {@code g / divisor}, on the input extended by the cells a
   * rounded-up last window reaches.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, OH, OW]} with {@code OH = (H + 2 PH - KH) / SH +
   * 1}, the division rounded up with {@code ceilMode} (and one fewer when the last window would
   * start in the right padding), {@code OW} likewise; or without {@code N} ({@link Rule#POOL2D}
   * with dilation 1).
   *
   * @param kernelSize {@code {KH, KW}}
   * @param stride {@code {SH, SW}}
   * @param padding {@code {PH, PW}}
   * @param ceilMode whether output sizes round up
   * @param countIncludePad whether padded zeros count in the average's denominator
   * @param divisorOverride the denominator of every cell, or 0 for the window's count
   * @throws IllegalArgumentException if {@code divisorOverride} is negative
   */
  public static Op<T1<Tensor>, Tensor> avgPool2d(long[] kernelSize, long[] stride,
      long[] padding, boolean ceilMode, boolean countIncludePad, long divisorOverride) {
    if (divisorOverride < 0) {
      throw new IllegalArgumentException("TensorOps.avgPool2d: divisorOverride is "
          + divisorOverride + "; pass a positive divisor, or 0 to divide by each window's"
          + " count");
    }
    long[] k = kernelSize.clone();
    long[] s = stride.clone();
    long[] p = padding.clone();
    return Op.op1(x -> {
      Tensor y = Torch.avgPool2d(x, k, s, p, ceilMode, countIncludePad, divisorOverride);
      return OpResult.of(y, g -> poolInputGradient(g, x, k, s, p, countIncludePad,
          divisorOverride));
    });
  }

  /** The input gradient of an average pooling whose output gradient is {@code g}. */
  private static Tensor poolInputGradient(Tensor g, Tensor x, long[] k, long[] s, long[] p,
      boolean countIncludePad, long divisorOverride) {
    int rank = x.dim();
    long h = x.size(rank - 2);
    long w = x.size(rank - 1);
    long oh = g.size(rank - 2);
    long ow = g.size(rank - 1);
    Tensor divisor = divisorOverride != 0
        ? Torch.scalarTensor((double) divisorOverride, g.dtype())
        : Torch.outer(windowCounts(oh, h, k[0], s[0], p[0], countIncludePad),
            windowCounts(ow, w, k[1], s[1], p[1], countIncludePad)).to(g.dtype());
    if (!divisor.device().equals(g.device())) {
      divisor = divisor.to(g.device());
    }
    // cells a rounded-up last window reaches past the padded input
    long extraH = Math.max(0, (oh - 1) * s[0] + k[0] - (h + 2 * p[0]));
    long extraW = Math.max(0, (ow - 1) * s[1] + k[1] - (w + 2 * p[1]));
    Tensor extended = extraH == 0 && extraW == 0 ? x
        : Torch.zeros(extendedShape(x, extraH, extraW), x.dtype(), x.device());
    long channels = x.size(rank - 3);
    Tensor ones = Torch.ones(new long[] {channels, 1, k[0], k[1]}, x.dtype(), x.device());
    Tensor dx = convBackward(g.div(divisor), extended, ones, true, false, s, p,
        new long[] {1, 1}, channels)[0];
    return extended == x ? dx : dx.narrow(rank - 2, 0, h).narrow(rank - 1, 0, w);
  }

  private static long[] extendedShape(Tensor x, long extraH, long extraW) {
    long[] shape = x.shape();
    shape[shape.length - 2] += extraH;
    shape[shape.length - 1] += extraW;
    return shape;
  }

  /**
   * The count of each of {@code out} windows along one side of {@code in} cells, as ATen's
   * average pooling counts it: the window clipped to the padded input with {@code
   * countIncludePad}, to the input without.
   */
  private static Tensor windowCounts(long out, long in, long k, long s, long p,
      boolean countIncludePad) {
    double[] counts = new double[(int) out];
    for (int i = 0; i < out; i++) {
      long start = i * s - p;
      long end = Math.min(start + k, in + p);
      if (!countIncludePad) {
        start = Math.max(start, 0);
        end = Math.min(end, in);
      }
      counts[i] = end - start;
    }
    return Torch.fromArray(counts, out);
  }

  /**
   * Adaptive 2-D average pooling to {@code outputSize} ({@code Torch.adaptiveAvgPool2d}): output
   * cell {@code i} averages input rows {@code [floor(i H / OH), ceil((i + 1) H / OH))}, and
   * columns likewise. The pooling is {@code P_h x P_w^T} with {@code P} the averaging matrices,
   * so the gradient is {@code P_h^T g P_w}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, OH, OW]} (or without {@code N}; {@link
   * Rule#ADAPTIVE_POOL2D}).
   *
   * @param outputSize {@code {OH, OW}}
   */
  public static Op<T1<Tensor>, Tensor> adaptiveAvgPool2d(long... outputSize) {
    long[] size = outputSize.clone();
    return Op.op1(x -> OpResult.of(Torch.adaptiveAvgPool2d(x, size), g -> {
      Tensor rows = averaging(size[0], x.size(x.dim() - 2), g);
      Tensor cols = averaging(size[1], x.size(x.dim() - 1), g);
      return rows.transpose(0, 1).matmul(g).matmul(cols);
    }));
  }

  /** The {@code [out, in]} matrix whose row {@code i} averages adaptive window {@code i}. */
  private static Tensor averaging(long out, long in, Tensor like) {
    double[] m = new double[(int) (out * in)];
    for (long i = 0; i < out; i++) {
      long start = Math.floorDiv(i * in, out);
      long end = Math.floorDiv((i + 1) * in + out - 1, out);
      for (long j = start; j < end; j++) {
        m[(int) (i * in + j)] = 1.0 / (end - start);
      }
    }
    Tensor matrix = Torch.fromArray(m, out, in).to(like.dtype());
    return matrix.device().equals(like.device()) ? matrix : matrix.to(like.device());
  }

  /**
   * The mean squared error {@code mean((input - target)^2)}, as {@code F.mseLoss}. Gradient
   * {@code (2 g (input - target) / n, -2 g (input - target) / n)}.
   */
  public static Op<T2<Tensor, Tensor>, Tensor> mseLoss() {
    return MSE;
  }
}
