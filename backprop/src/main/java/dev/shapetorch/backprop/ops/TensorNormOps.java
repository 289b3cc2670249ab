package dev.shapetorch.backprop.ops;

import static dev.shapetorch.backprop.ops.Broadcast.sumTo;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T3;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Normalisation and regularisation layers' ops, with their gradients: {@code layerNorm},
 * {@code batchNorm} (training and evaluation modes) and {@code dropout}. Reach them through
 * {@link TensorOps}.
 *
 * <p>Shape: all keep their input's shape; {@code layerNorm}'s weight and bias have the
 * normalized shape (the input's trailing dimensions), {@code batchNorm}'s are {@code [C]}, and
 * so are their gradients.
 */
public class TensorNormOps extends TensorJoinOps {
  TensorNormOps() {}

  /**
   * Layer normalisation over the trailing {@code normalizedShape} dimensions with an affine
   * weight and bias ({@code Torch.layerNorm}): {@code y = (x - mean) / sqrt(var + eps) * weight
   * + bias}, with the biased variance. With {@code xhat} the normalised input, {@code rstd = 1 /
   * sqrt(var + eps)} and {@code d = g weight}, the gradients are {@code rstd (d - mean(d) - xhat
   * mean(d xhat))} for the input (means over the normalized dimensions), {@code g xhat} summed
   * over the leading dimensions for the weight, and {@code g} so summed for the bias.
   *
   * @param normalizedShape the sizes of the trailing dimensions normalised over
   * @param eps added to the variance
   */
  public static Op<T3<Tensor, Tensor, Tensor>, Tensor> layerNorm(long[] normalizedShape,
      double eps) {
    long[] shape = normalizedShape.clone();
    return Op.op3((x, w, b) -> OpResult.of(Torch.layerNorm(x, shape, w, b, eps), g -> {
      int[] dims = new int[shape.length];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = x.dim() - shape.length + i;
      }
      Tensor[] normalized = normalize(x, dims, eps);
      Tensor xhat = normalized[0];
      Tensor dx = inputGradient(g.mul(w), xhat, normalized[1], dims);
      return T3.of(dx, sumTo(g.mul(xhat), w.shape()), sumTo(g, b.shape()));
    }));
  }

  /**
   * Batch normalisation in training mode, updating the running statistics if given; {@link
   * #batchNorm(Tensor, Tensor, boolean, double, double)} with {@code training} true.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]} ({@code Rule.BATCH_NORM}); weight, bias and the
   * running statistics are {@code [C]}.
   *
   * @param runningMean the running mean to update, or null
   * @param runningVar the running variance to update, or null
   * @param momentum the running statistics' update rate
   * @param eps added to the variance
   */
  public static Op<T3<Tensor, Tensor, Tensor>, Tensor> batchNorm(Tensor runningMean,
      Tensor runningVar, double momentum, double eps) {
    return batchNorm(runningMean, runningVar, true, momentum, eps);
  }

  /**
   * Batch normalisation ({@code Torch.batchNorm(input, weight, bias, runningMean, runningVar,
   * training, momentum, eps)}), of the input, weight and bias; each channel (dimension 1) is
   * normalised, then scaled by its weight and shifted by its bias.
   *
   * <p>In training mode the statistics are the batch's mean and biased variance over every
   * other dimension, and each run of the op updates the running statistics in place as
   * PyTorch's training does: {@code running = (1 - momentum) running + momentum batch}, with the
   * batch's unbiased variance (pass null for no running statistics). The gradients are those
   * of {@link #layerNorm} with the means taken over the batch and spatial dimensions, and the
   * weight's and bias's summed over them.
   *
   * <p>In evaluation mode ({@code training} false, a model's {@code eval()}) the statistics are
   * the running ones, constants of the op that it leaves unchanged ({@code momentum} is
   * unused): {@code y = (x - runningMean) rstd weight + bias} with {@code rstd = 1 /
   * sqrt(runningVar + eps)}, so the gradients are {@code g weight rstd} for the input, {@code g
   * xhat} summed over every dimension but the channel's for the weight, and {@code g} so summed
   * for the bias.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]} ({@code Rule.BATCH_NORM}); weight, bias and the
   * running statistics are {@code [C]}.
   *
   * @param runningMean the running mean (updated in training mode), or null in training mode
   * @param runningVar the running variance (updated in training mode), or null in training mode
   * @param training whether to normalise with the batch's statistics and update the running ones
   * @param momentum the running statistics' update rate in training mode
   * @param eps added to the variance
   * @throws IllegalArgumentException in evaluation mode without both running statistics
   */
  public static Op<T3<Tensor, Tensor, Tensor>, Tensor> batchNorm(Tensor runningMean,
      Tensor runningVar, boolean training, double momentum, double eps) {
    if (!training && (runningMean == null || runningVar == null)) {
      throw new IllegalArgumentException("TensorOps.batchNorm: evaluation mode normalises with"
          + " the running statistics, but runningMean is " + (runningMean == null ? "null"
          : "given") + " and runningVar is " + (runningVar == null ? "null" : "given")
          + "; pass both, or training = true to use the batch's statistics");
    }
    return Op.op3((x, w, b) -> OpResult.of(Torch.batchNorm(x, w, b, runningMean, runningVar,
        training, momentum, eps), g -> {
          int[] dims = new int[x.dim() - 1];
          long[] channelShape = new long[x.dim()];
          java.util.Arrays.fill(channelShape, 1);
          channelShape[1] = x.size(1);
          for (int i = 0, k = 0; i < x.dim(); i++) {
            if (i != 1) {
              dims[k++] = i;
            }
          }
          if (!training) {
            Tensor rstd = Torch.rsqrt(runningVar.to(x.dtype()).add(eps)).reshape(channelShape);
            Tensor xhat = x.sub(runningMean.to(x.dtype()).reshape(channelShape)).mul(rstd);
            return T3.of(g.mul(w.reshape(channelShape).mul(rstd)),
                Torch.sum(g.mul(xhat), dims, false), Torch.sum(g, dims, false));
          }
          Tensor[] normalized = normalize(x, dims, eps);
          Tensor xhat = normalized[0];
          Tensor dx = inputGradient(g.mul(w.reshape(channelShape)), xhat, normalized[1], dims);
          return T3.of(dx, Torch.sum(g.mul(xhat), dims, false), Torch.sum(g, dims, false));
        }));
  }

  /** {@code {xhat, rstd}}: {@code x} normalised over {@code dims}, and 1 / its std. */
  private static Tensor[] normalize(Tensor x, int[] dims, double eps) {
    Tensor centred = x.sub(Torch.mean(x, dims, true));
    Tensor variance = Torch.mean(centred.mul(centred), dims, true);
    Tensor rstd = Torch.rsqrt(variance.add(eps));
    return new Tensor[] {centred.mul(rstd), rstd};
  }

  /**
   * The gradient of a normalisation's input, given {@code d}, the gradient of the normalised
   * value {@code xhat}: {@code rstd (d - mean(d) - xhat mean(d xhat))}, means over {@code dims}.
   */
  private static Tensor inputGradient(Tensor d, Tensor xhat, Tensor rstd, int[] dims) {
    return d.sub(Torch.mean(d, dims, true)).sub(xhat.mul(Torch.mean(d.mul(xhat), dims, true)))
        .mul(rstd);
  }

  /**
   * Dropout while training ({@code F.dropout(x, p, training=True)}): each element is kept with
   * probability {@code 1 - p} and scaled by {@code 1 / (1 - p)}, or zeroed; the gradient is
   * {@code g} through the same mask and scale. Each run of the op draws a new mask from
   * libtorch's generator ({@code Torch.manualSeed}); with {@code p = 1} everything is zeroed,
   * with {@code p = 0} nothing is. Outside training, do not apply it.
   *
   * @param p the probability of zeroing an element, in {@code [0, 1]}
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]}
   */
  public static Op<T1<Tensor>, Tensor> dropout(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("TensorOps.dropout: p is " + p + "; pass the"
          + " probability of zeroing an element, in [0, 1]");
    }
    return Op.op1(x -> {
      if (p == 0) {
        return OpResult.of(x, g -> g);
      }
      Tensor mask = p == 1 ? Torch.zerosLike(x)
          : Torch.randLike(x).ge(p).to(x.dtype()).div(1 - p);
      return OpResult.of(x.mul(mask), g -> g.mul(mask));
    });
  }
}
