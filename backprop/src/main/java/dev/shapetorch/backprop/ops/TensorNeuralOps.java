package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Objects;

/**
 * Losses with their gradients: {@code crossEntropy} against class indices and {@code mseLoss},
 * both averaged over their elements as PyTorch's default {@code reduction='mean'}. Reach them
 * through {@link TensorOps}.
 *
 * <p>Shape: {@code crossEntropy} takes logits {@code [N, C]} (or {@code [C]}, or {@code [N, C,
 * d...]}) and int64 class indices {@code [N]} (or {@code []}, or {@code [N, d...]}) ({@link
 * Rule#CLASS_INDEX_LOSS}); {@code mseLoss} takes two tensors of exactly one shape ({@link
 * Rule#SAME_SHAPE}: an {@code (N, 1)} input against an {@code (N)} target is an error, not a
 * silent broadcast). Both return a 0-d tensor.
 */
public class TensorNeuralOps extends TensorShapeOps {
  private static final Op<T2<Tensor, Tensor>, Tensor> MSE = Op.op2((x, y) -> {
    RuleChecks.require(Rule.SAME_SHAPE, "TensorOps.mseLoss", x, y);
    Tensor d = x.sub(y);
    return OpResult.of(d.mul(d).mean(), g -> {
      Tensor gx = d.mul(g.mul(2.0 / x.numel()));
      return T2.of(gx, gx.neg());
    });
  });

  TensorNeuralOps() {}

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
      RuleChecks.require(Rule.CLASS_INDEX_LOSS, "TensorOps.crossEntropy", logits, target);
      if (target.dtype() != DType.INT64) {
        throw new IllegalArgumentException("TensorOps.crossEntropy: the target must hold int64"
            + " class indices, got " + target.dtype() + " (convert it with"
            + " target.to(DType.INT64))");
      }
      int classDim = logits.dim() == 1 ? 0 : 1;
      Tensor index = target.unsqueeze(classDim);
      Tensor logp = logits.logSoftmax(classDim);
      Tensor loss = logp.gather(classDim, index).mean().neg();
      return OpResult.of(loss, g -> {
        Tensor p = logp.exp();
        Tensor ones = Torch.onesLike(index).to(p.dtype());
        Tensor oneHot = Torch.zerosLike(p).scatter(classDim, index, ones);
        return p.sub(oneHot).mul(g.div((double) target.numel()));
      });
    });
  }

  /**
   * The mean squared error {@code mean((input - target)^2)}, as {@code F.mseLoss}. Gradient
   * {@code (2 g (input - target) / n, -2 g (input - target) / n)}.
   */
  public static Op<T2<Tensor, Tensor>, Tensor> mseLoss() {
    return MSE;
  }
}
