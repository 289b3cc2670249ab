package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Comparisons of whole tensors: {@code equal} and {@code allclose} (Java booleans, for tests and
 * checks) and {@code dist} (the p-norm of the difference, a 0-d tensor). Part of the {@link Torch}
 * chain: call them as {@code Torch.allclose(a, b)} or {@code a.equal(b)}.
 *
 * <p>Shape: {@code equal} takes any two shapes (different shapes are not equal); {@code allclose}
 * broadcasts its tensors as in PyTorch ({@link Rule#BROADCAST}), a mismatch raising {@link
 * ShapeException} before libtorch runs; {@code dist} broadcasts too, checked by libtorch.
 */
final class ClosenessOps {

  private ClosenessOps() {}

  /** PyTorch's default relative tolerance of {@code allclose}. */
  static final double DEFAULT_RTOL = 1e-5;

  /** PyTorch's default absolute tolerance of {@code allclose}. */
  static final double DEFAULT_ATOL = 1e-8;

  /**
   * Whether {@code a} and {@code b} have the same shape and the same elements, as {@code
   * torch.equal(a, b)}. NaN equals nothing, so a tensor holding NaN is not equal to itself.
   *
   * <p>Shape: any two shapes; different shapes give {@code false}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static boolean equal(Tensor a, Tensor b) {
    org.bytedeco.pytorch.Tensor l = Natives.h(a, "a");
    org.bytedeco.pytorch.Tensor r = Natives.h(b, "b");
    try {
      return torch.equal(l, r);
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.equal", e, a, b);
    }
  }

  /**
   * Whether {@code |a - b| <= atol + rtol * |b|} for every element (after broadcasting), as
   * {@code torch.allclose(a, b, rtol, atol)}; NaN is never close.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.BROADCAST, args = {"a", "b"})
  static boolean allclose(Tensor a, Tensor b, double rtol, double atol) {
    org.bytedeco.pytorch.Tensor l = Natives.h(a, "a");
    org.bytedeco.pytorch.Tensor r = Natives.h(b, "b");
    try {
      return torch.allclose(l, r, rtol, atol, false);
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.allclose", e, a, b);
    }
  }

  /**
   * {@link #allclose(Tensor, Tensor, double, double)} with PyTorch's defaults {@code rtol = 1e-5}
   * and {@code atol = 1e-8}, as {@code torch.allclose(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static boolean allclose(Tensor a, Tensor b) {
    return allclose(a, b, DEFAULT_RTOL, DEFAULT_ATOL);
  }

  /**
   * The p-norm of {@code a - b} (after broadcasting), as {@code torch.dist(a, b, p)}: a 0-d
   * tensor.
   *
   * <p>Shape: {@code [*a], [*b] -> []}; {@code a} and {@code b} must broadcast, which libtorch
   * checks (a {@link TorchException} naming both shapes).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({}) Tensor dist(Tensor a, Tensor b, double p) {
    org.bytedeco.pytorch.Tensor l = Natives.h(a, "a");
    org.bytedeco.pytorch.Tensor r = Natives.h(b, "b");
    try (Scalar s = Natives.scalar(p)) {
      return Tensor.wrap(torch.dist(l, r, s));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.dist", e, a, b);
    }
  }
}
