package dev.shapetorch.tensor;

import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.DTypeRule;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * NaN and infinity: the tests {@code isfinite}, {@code isnan}, {@code isinf} (bool tensors) and
 * {@code nanToNum}, which replaces them by finite numbers. Part of the {@link Torch} chain: call
 * them as {@code Torch.isnan(x)} or {@code x.nanToNum()}.
 *
 * <p>Shape: every op here keeps its input's shape ({@code [*s] -> [*s]}). Integer and bool inputs
 * are always finite, as in PyTorch.
 */
final class NonFiniteOps {

  private NonFiniteOps() {}

  /**
   * Whether each element is finite (neither NaN nor infinite), as a bool tensor, as {@code
   * torch.isfinite}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(DTypeRule.BOOL)
  static @Shape({"*s"}) Tensor isfinite(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.isfinite", x, "x", torch::isfinite);
  }

  /**
   * Whether each element is NaN, as a bool tensor, as {@code torch.isnan}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(DTypeRule.BOOL)
  static @Shape({"*s"}) Tensor isnan(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.isnan", x, "x", torch::isnan);
  }

  /**
   * Whether each element is positive or negative infinity, as a bool tensor, as {@code
   * torch.isinf}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor isinf(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.isinf", x, "x", torch::isinf);
  }

  /**
   * {@code x} with NaN replaced by {@code nan}, positive infinity by {@code posinf} and negative
   * infinity by {@code neginf}, as {@code torch.nan_to_num(x, nan, posinf, neginf)}. The
   * replacements are cast to {@code x}'s dtype.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor nanToNum(
      @Shape({"*s"}) Tensor x, double nan, double posinf, double neginf) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try (DoubleOptional n = new DoubleOptional(nan);
        DoubleOptional p = new DoubleOptional(posinf);
        DoubleOptional m = new DoubleOptional(neginf)) {
      return Tensor.wrap(torch.nan_to_num(h, n, p, m));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.nanToNum", e, x);
    }
  }

  /**
   * {@code x} with NaN replaced by 0 and the infinities by the largest and the smallest finite
   * value of {@code x}'s dtype, as {@code torch.nan_to_num(x)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor nanToNum(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.nanToNum", x, "x", torch::nan_to_num);
  }
}
