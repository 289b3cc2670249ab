package dev.shapetorch.tensor;

import org.bytedeco.pytorch.Scalar;

/**
 * The fused in-place updates that optimizers are written with, as PyTorch's {@code
 * Tensor.addcmul_} and {@code Tensor.addcdiv_}: {@code self += value * t1 * t2} and {@code self
 * += value * t1 / t2} in one pass, without temporaries.
 *
 * <pre>{@code
 * expAvgSq.mul_(beta2);
 * FusedUpdateOps.addcmul_(expAvgSq, grad, grad, 1 - beta2);   // exp_avg_sq.addcmul_(g, g, value=1-beta2)
 * }</pre>
 *
 * <p>Like every in-place op they mutate {@code self} and return it, and libtorch refuses them on
 * leaves that require gradients outside {@link Torch#noGrad()}.
 *
 * <p>Shape: {@code t1} and {@code t2} broadcast to {@code self}'s shape ({@code
 * shapes.rules}' broadcasting rule, checked for each against {@code self}); {@code self} keeps
 * its shape.
 */
public final class FusedUpdateOps {

  private FusedUpdateOps() {}

  /**
   * {@code self += value * t1 * t2}, elementwise, in place, as {@code self.addcmul_(t1, t2,
   * value=value)}.
   *
   * <p>Shape: {@code t1}, {@code t2} broadcast to {@code self}; the result is {@code self}.
   *
   * @return {@code self}
   */
  public static Tensor addcmul_(Tensor self, Tensor t1, Tensor t2, double value) {
    return fused("FusedUpdateOps.addcmul_", self, t1, t2, value, true);
  }

  /**
   * {@code self += value * t1 / t2}, elementwise, in place, as {@code self.addcdiv_(t1, t2,
   * value=value)}.
   *
   * <p>Shape: {@code t1}, {@code t2} broadcast to {@code self}; the result is {@code self}.
   *
   * @return {@code self}
   */
  public static Tensor addcdiv_(Tensor self, Tensor t1, Tensor t2, double value) {
    return fused("FusedUpdateOps.addcdiv_", self, t1, t2, value, false);
  }

  private static Tensor fused(
      String op, Tensor self, Tensor t1, Tensor t2, double value, boolean multiply) {
    ShapeChecks.broadcast(op, self, t1);
    ShapeChecks.broadcast(op, self, t2);
    org.bytedeco.pytorch.Tensor h = self.h();
    try (Scalar v = Natives.scalar(value)) {
      if (multiply) {
        h.addcmul_(t1.h(), t2.h(), v);
      } else {
        h.addcdiv_(t1.h(), t2.h(), v);
      }
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self, t1, t2);
    }
    return self;
  }
}
