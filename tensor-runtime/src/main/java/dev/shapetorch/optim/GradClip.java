package dev.shapetorch.optim;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient clipping, as PyTorch's {@code torch.nn.utils.clip_grad_norm_} and {@code
 * clip_grad_value_}: call it between {@code backward()} and {@code step()}.
 *
 * <pre>{@code
 * loss.backward();
 * double norm = GradClip.clipGradNorm_(model.parameters(), 1.0);
 * optimizer.step();
 * }</pre>
 *
 * <p>Parameters without a gradient are ignored. The gradients are modified in place.
 */
public final class GradClip {

  private GradClip() {}

  /** {@link #clipGradNorm_(Iterable, double, double, boolean)} with the 2-norm. */
  public static double clipGradNorm_(Iterable<Parameter> params, double maxNorm) {
    return clipGradNorm_(params, maxNorm, 2.0, false);
  }

  /** {@link #clipGradNorm_(Iterable, double, double, boolean)} without the finiteness check. */
  public static double clipGradNorm_(Iterable<Parameter> params, double maxNorm, double normType) {
    return clipGradNorm_(params, maxNorm, normType, false);
  }

  /**
   * Scales all gradients together so that their joint norm is at most {@code maxNorm}: computes
   * the {@code normType}-norm of the vector of all gradients (the norm of the per-gradient norms;
   * for {@code Double.POSITIVE_INFINITY}, the largest absolute value), then multiplies every
   * gradient by {@code min(1, maxNorm / (norm + 1e-6))}.
   *
   * @param errorIfNonfinite throw instead of scaling when the norm is NaN or infinite
   * @return the joint norm before clipping (0 when no parameter has a gradient)
   * @throws IllegalArgumentException if {@code normType} is not positive
   * @throws IllegalStateException if {@code errorIfNonfinite} and the norm is not finite
   */
  public static double clipGradNorm_(
      Iterable<Parameter> params, double maxNorm, double normType, boolean errorIfNonfinite) {
    if (!(normType > 0)) {
      throw new IllegalArgumentException(
          "GradClip.clipGradNorm_: normType must be positive (or infinity), got " + normType);
    }
    try (TensorScope scope = TensorScope.open();
        NoGradScope noGrad = Torch.noGrad()) {
      List<Tensor> grads = grads(params);
      if (grads.isEmpty()) {
        return 0.0;
      }
      List<Tensor> norms = new ArrayList<>(grads.size());
      Tensor total;
      if (normType == Double.POSITIVE_INFINITY) {
        for (Tensor g : grads) {
          norms.add(g.abs().max());
        }
        total = norms.size() == 1 ? norms.get(0) : Torch.stack(norms, 0).max();
      } else {
        for (Tensor g : grads) {
          norms.add(g.norm(normType));
        }
        total = Torch.stack(norms, 0).norm(normType);
      }
      double totalNorm = total.item();
      if (errorIfNonfinite && !Double.isFinite(totalNorm)) {
        throw new IllegalStateException(
            "GradClip.clipGradNorm_: the total norm of order " + normType + " of the gradients is "
                + totalNorm + "; pass errorIfNonfinite=false to clip anyway");
      }
      Tensor coef = total.add(1e-6).reciprocal().mul(maxNorm).clampMax(1.0);
      for (Tensor g : grads) {
        g.mul_(coef);
      }
      return totalNorm;
    }
  }

  /**
   * Clamps every gradient element into {@code [-clipValue, clipValue]}.
   *
   * @throws IllegalArgumentException if {@code clipValue} is negative
   */
  public static void clipGradValue_(Iterable<Parameter> params, double clipValue) {
    if (!(clipValue >= 0)) {
      throw new IllegalArgumentException(
          "GradClip.clipGradValue_: clipValue must be >= 0, got " + clipValue);
    }
    try (TensorScope scope = TensorScope.open();
        NoGradScope noGrad = Torch.noGrad()) {
      for (Tensor g : grads(params)) {
        g.clamp_(-clipValue, clipValue);
      }
    }
  }

  private static List<Tensor> grads(Iterable<Parameter> params) {
    Arguments.requireNonNull(params, "params");
    List<Tensor> grads = new ArrayList<>();
    for (Parameter p : params) {
      Arguments.requireNonNull(p, "a parameter in params");
      Tensor g = p.grad();
      if (g != null) {
        grads.add(g);
      }
    }
    return grads;
  }
}
