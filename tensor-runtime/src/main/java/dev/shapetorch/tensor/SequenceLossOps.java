package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.global.torch;

/**
 * The connectionist temporal classification loss ({@code ctcLoss}), as ATen computes it: the
 * declaration gives {@code Torch.ctcLoss} and {@code F.ctcLoss}.
 *
 * <p>Shape: log-probabilities {@code [T, N, C]} (time, batch, classes with the blank), targets
 * {@code [N, S]} (padded) or the batch's targets concatenated {@code [sum(targetLengths)]},
 * lengths {@code [N]} (int64); the result is 0-d, or {@code [N]} with {@link Reduction#NONE}.
 */
final class SequenceLossOps {

  private SequenceLossOps() {}

  /**
   * The negative log-likelihood of each target sequence under every alignment of it to the
   * input's time steps, reduced (the mean divides each loss by its target length first), as
   * {@code F.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank, reduction,
   * zero_infinity)}.
   *
   * <p>Shape: {@code [T, N, C], [N, S] or [sum(targetLengths)], [N], [N] -> []} (or {@code [N]}
   * with {@link Reduction#NONE}).
   *
   * @param logProbs log-softmax outputs along the classes
   * @param targets int64 class indices, none of them {@code blank}
   * @param inputLengths int64, each at most {@code T}
   * @param targetLengths int64, each at most {@code S}
   * @param blank the blank class, in {@code [0, C)}
   * @param zeroInfinity whether infinite losses (a target too long for its input) and their
   *     gradients become 0
   * @throws IllegalArgumentException if {@code blank} is out of range or a tensor is null
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static Tensor ctcLoss(@Shape({"T", "N", "C"}) Tensor logProbs, Tensor targets,
      @Shape({"N"}) Tensor inputLengths, @Shape({"N"}) Tensor targetLengths, long blank,
      Reduction reduction, boolean zeroInfinity) {
    String op = "Torch.ctcLoss";
    long classes = Natives.nonNull(logProbs, "logProbs").size(2);
    Natives.nonNull(targets, "targets");
    if (blank < 0 || blank >= classes) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": blank " + blank
          + " is not a class of logProbs " + logProbs.shapeOf() + "; it must be in [0, "
          + classes + ")");
    }
    long aten = reduction.aten(op);
    org.bytedeco.pytorch.Tensor lp = logProbs.h();
    org.bytedeco.pytorch.Tensor t = targets.h();
    org.bytedeco.pytorch.Tensor il = Natives.h(inputLengths, "inputLengths");
    org.bytedeco.pytorch.Tensor tl = Natives.h(targetLengths, "targetLengths");
    return Natives.call(op, () -> torch.ctc_loss(lp, t, il, tl, blank, aten, zeroInfinity),
        logProbs, targets, inputLengths);
  }

  /**
   * {@link #ctcLoss(Tensor, Tensor, Tensor, Tensor, long, Reduction, boolean)} with PyTorch's
   * defaults: blank 0, the mean, no {@code zeroInfinity}.
   *
   * <p>Shape: {@code [T, N, C], [N, S] or [sum(targetLengths)], [N], [N] -> []}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({}) Tensor ctcLoss(@Shape({"T", "N", "C"}) Tensor logProbs, Tensor targets,
      @Shape({"N"}) Tensor inputLengths, @Shape({"N"}) Tensor targetLengths) {
    return ctcLoss(logProbs, targets, inputLengths, targetLengths, 0, Reduction.MEAN, false);
  }
}
