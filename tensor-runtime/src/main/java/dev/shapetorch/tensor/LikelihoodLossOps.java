package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.bytedeco.pytorch.global.torch;

/**
 * Likelihood losses ({@code poissonNllLoss}, {@code gaussianNllLoss}) and the multi-label soft
 * margin loss, as PyTorch computes them: each declaration gives {@code Torch.x} and {@code F.x}.
 * {@code poissonNllLoss} is ATen's kernel; the two others are composed of libtorch's ops, as
 * PyTorch composes them in Python, so their gradients are libtorch's autograd.
 *
 * <p>Shape: input and target of equal shape ({@link Rule#SAME_SHAPE_REDUCTION}; {@code
 * multilabelSoftMarginLoss}: {@code [N, C]}); the result is 0-d, or the per-element shape
 * ({@code [N]} for {@code multilabelSoftMarginLoss}) with {@link Reduction#NONE}.
 */
final class LikelihoodLossOps {

  private LikelihoodLossOps() {}

  /**
   * The negative log-likelihood of {@code target} under a Poisson distribution of rate {@code
   * input} ({@code exp(input) - target * input} with {@code logInput}, else {@code input -
   * target * log(input + eps)}), plus Stirling's term with {@code full}, reduced, as {@code
   * F.poisson_nll_loss(input, target, log_input, full, eps=..., reduction)}.
   *
   * <p>Shape: input and target equal; the result is 0-d, or their shape with {@link
   * Reduction#NONE} ({@link Rule#SAME_SHAPE_REDUCTION}).
   *
   * @param logInput whether {@code input} is the log of the rate
   * @param full whether to add Stirling's approximation {@code t log t - t + 0.5 log(2 pi t)}
   * @param eps keeps {@code log} finite when {@code logInput} is false
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  static Tensor poissonNllLoss(Tensor input, Tensor target, boolean logInput, boolean full,
      double eps, Reduction reduction) {
    String op = "Torch.poissonNllLoss";
    return Natives.call(op, () -> torch.poisson_nll_loss(input.h(), target.h(), logInput, full,
        eps, reduction.aten(op)), input, target);
  }

  /**
   * {@link #poissonNllLoss(Tensor, Tensor, boolean, boolean, double, Reduction)} with PyTorch's
   * defaults: {@code logInput}, not {@code full}, {@code eps = 1e-8}, the mean.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}); the result is 0-d.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"input", "target"})
  static Tensor poissonNllLoss(Tensor input, Tensor target) {
    return poissonNllLoss(input, target, true, false, 1e-8, Reduction.MEAN);
  }

  /**
   * The negative log-likelihood of {@code target} under a Gaussian of mean {@code input} and
   * variance {@code var}, {@code 0.5 (log(max(var, eps)) + (input - target)^2 / max(var, eps))}
   * (plus {@code 0.5 log(2 pi)} with {@code full}), reduced, as {@code
   * F.gaussian_nll_loss(input, target, var, full, eps, reduction)}.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE_REDUCTION}); {@code var} has their
   * shape, or lacks their last dim (one variance per sample), or has size 1 there
   * (homoscedastic); the result is 0-d, or the input's shape with {@link Reduction#NONE}.
   *
   * @param var the variances, not negative
   * @param full whether to add the constant {@code 0.5 log(2 pi)}
   * @param eps the smallest variance used (clamped without gradient, as PyTorch does)
   * @throws ShapeException if {@code var}'s shape is none of those
   * @throws IllegalArgumentException if {@code var} has a negative entry
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE_REDUCTION, args = {"input", "target", "reduction"})
  static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var, boolean full,
      double eps, Reduction reduction) {
    String op = "Torch.gaussianNllLoss";
    Natives.nonNull(var, "var");
    long aten = reduction.aten(op);
    long[] in = input.shape();
    long[] v = var.shape();
    Tensor variance = var;
    if (!Arrays.equals(in, v)) {
      long[] batch = in.length == 0 ? null : Arrays.copyOf(in, in.length - 1);
      if (batch != null && Arrays.equals(batch, v)) {
        variance = var.unsqueeze(-1);
      } else if (!(batch != null && v.length == in.length
          && Arrays.equals(batch, Arrays.copyOf(v, v.length - 1)) && v[v.length - 1] == 1)) {
        throw new ShapeException(new dev.shapetorch.shapes.rules.ShapeMismatch(
            dev.shapetorch.shapes.rules.MessageKeys.MISMATCH_ARGUMENT, op, "var "
                + var.shapeOf() + " must have the input's shape " + input.shapeOf()
                + ", or lack its last dim, or have size 1 there", 2, -1));
      }
    }
    if (Torch.lt(var, 0.0).any().itemBoolean()) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": var has a negative entry;"
          + " variances must not be negative");
    }
    Tensor clamped;
    try (NoGradScope ignored = Torch.noGrad()) {
      clamped = variance.clone().clampMin(eps);
    }
    Tensor clampedVar = variance.sub(variance.detach()).add(clamped);
    Tensor loss = clampedVar.log().add(input.sub(target).pow(2.0).div(clampedVar)).mul(0.5);
    if (full) {
      loss = loss.add(0.5 * Math.log(2 * Math.PI));
    }
    return reduce(loss, aten);
  }

  /**
   * {@link #gaussianNllLoss(Tensor, Tensor, Tensor, boolean, double, Reduction)} with PyTorch's
   * defaults: not {@code full}, {@code eps = 1e-6}, the mean.
   *
   * <p>Shape: input and target equal ({@link Rule#SAME_SHAPE}); the result is 0-d.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  @ShapeRule(value = Rule.SAME_SHAPE, args = {"input", "target"})
  static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var) {
    return gaussianNllLoss(input, target, var, false, 1e-6, Reduction.MEAN);
  }

  /**
   * The binary cross-entropy of logits averaged over the {@code C} labels of each sample,
   * {@code -mean_c w_c (t log sigmoid(x) + (1 - t) log sigmoid(-x))}, reduced, as {@code
   * F.multilabel_soft_margin_loss(input, target, weight, reduction)}.
   *
   * <p>Shape: {@code [N, C], [N, C] -> []} (or {@code [N]} unreduced); the weight is {@code [C]}.
   *
   * @param weight a weight per label, or null
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static Tensor multilabelSoftMarginLoss(@Shape({"*b", "C"}) Tensor input,
      @Shape({"*b", "C"}) Tensor target, @Nullable @Shape({"C"}) Tensor weight,
      Reduction reduction) {
    String op = "Torch.multilabelSoftMarginLoss";
    long aten = reduction.aten(op);
    Tensor loss = target.mul(Torch.logsigmoid(input))
        .add(target.neg().add(1.0).mul(Torch.logsigmoid(input.neg()))).neg();
    if (weight != null) {
      loss = loss.mul(weight);
    }
    int classDim = input.dim() - 1;
    loss = loss.sum(classDim).div((double) input.size(classDim));
    return reduce(loss, aten);
  }

  /**
   * {@link #multilabelSoftMarginLoss(Tensor, Tensor, Tensor, Reduction)} with PyTorch's
   * defaults: no weight, the mean.
   *
   * <p>Shape: {@code [N, C], [N, C] -> []}.
   */
  @Variants({Variant.FUNCTION, Variant.FUNCTIONAL})
  static @Shape({}) Tensor multilabelSoftMarginLoss(@Shape({"*b", "C"}) Tensor input,
      @Shape({"*b", "C"}) Tensor target) {
    return multilabelSoftMarginLoss(input, target, null, Reduction.MEAN);
  }

  /** {@code loss} reduced by ATen's code: 0 none, 1 mean, 2 sum. */
  private static Tensor reduce(Tensor loss, long aten) {
    return aten == 0 ? loss : aten == 1 ? loss.mean() : loss.sum();
  }
}
