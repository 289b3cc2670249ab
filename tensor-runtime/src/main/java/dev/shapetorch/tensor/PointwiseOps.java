package dev.shapetorch.tensor;

import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.rules.DTypeRule;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Elementwise functions of one tensor: math ({@code exp}, {@code log}, {@code sqrt}, the
 * trigonometric and hyperbolic functions, rounding, {@code erf}, {@code erfinv}), activations ({@code relu}, {@code gelu},
 * {@code silu}, {@code leakyRelu}, {@code elu}, {@code softplus}) and {@code clamp}. Part of the
 * {@link Torch} chain: call them as {@code Torch.exp(x)} or {@code x.exp()}.
 *
 * <p>Shape: every op here keeps its input's shape ({@code [*s] -> [*s]}), so none can fail a
 * shape check. Integer inputs of the floating functions are promoted to float32, as in PyTorch.
 */
final class PointwiseOps {

  private PointwiseOps() {}

  /**
   * The negation {@code -x}, elementwise, as {@code torch.neg}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor neg(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.neg", x, "x", torch::neg);
  }

  /**
   * The absolute value, elementwise, as {@code torch.abs}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor abs(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.abs", x, "x", torch::abs);
  }

  /**
   * {@code e^x}, elementwise, as {@code torch.exp}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor exp(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.exp", x, "x", torch::exp);
  }

  /**
   * {@code e^x - 1}, accurate near 0, elementwise, as {@code torch.expm1}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor expm1(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.expm1", x, "x", torch::expm1);
  }

  /**
   * The natural logarithm, elementwise, as {@code torch.log}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor log(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.log", x, "x", torch::log);
  }

  /**
   * The base-2 logarithm, elementwise, as {@code torch.log2}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor log2(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.log2", x, "x", torch::log2);
  }

  /**
   * {@code log(1 + x)}, accurate near 0, elementwise, as {@code torch.log1p}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor log1p(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.log1p", x, "x", torch::log1p);
  }

  /**
   * The square root, elementwise, as {@code torch.sqrt}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor sqrt(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.sqrt", x, "x", torch::sqrt);
  }

  /**
   * The reciprocal square root {@code 1/sqrt(x)}, elementwise, as {@code torch.rsqrt}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor rsqrt(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.rsqrt", x, "x", torch::rsqrt);
  }

  /**
   * {@code 1/x}, elementwise, as {@code torch.reciprocal}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor reciprocal(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.reciprocal", x, "x", torch::reciprocal);
  }

  /**
   * {@code x*x}, elementwise, as {@code torch.square}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor square(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.square", x, "x", torch::square);
  }

  /**
   * The sine, elementwise, as {@code torch.sin}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor sin(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.sin", x, "x", torch::sin);
  }

  /**
   * The cosine, elementwise, as {@code torch.cos}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor cos(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.cos", x, "x", torch::cos);
  }

  /**
   * The tangent, elementwise, as {@code torch.tan}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor tan(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.tan", x, "x", torch::tan);
  }

  /**
   * The arcsine, elementwise, as {@code torch.asin}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor asin(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.asin", x, "x", torch::asin);
  }

  /**
   * The arccosine, elementwise, as {@code torch.acos}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor acos(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.acos", x, "x", torch::acos);
  }

  /**
   * The arctangent, elementwise, as {@code torch.atan}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor atan(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.atan", x, "x", torch::atan);
  }

  /**
   * The hyperbolic sine, elementwise, as {@code torch.sinh}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor sinh(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.sinh", x, "x", torch::sinh);
  }

  /**
   * The hyperbolic cosine, elementwise, as {@code torch.cosh}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor cosh(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.cosh", x, "x", torch::cosh);
  }

  /**
   * The hyperbolic tangent, elementwise, as {@code torch.tanh} and {@code F.tanh}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD, Variant.FUNCTIONAL})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"input"})
  static @Shape({"*s"}) Tensor tanh(@Shape({"*s"}) Tensor input) {
    return Natives.unary("Torch.tanh", input, "input", torch::tanh);
  }

  /**
   * Rounds down, elementwise, as {@code torch.floor}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor floor(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.floor", x, "x", torch::floor);
  }

  /**
   * Rounds up, elementwise, as {@code torch.ceil}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor ceil(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.ceil", x, "x", torch::ceil);
  }

  /**
   * Rounds to the nearest integer, halves to even, elementwise, as {@code torch.round}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor round(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.round", x, "x", torch::round);
  }

  /**
   * -1, 0 or 1 by the sign, elementwise, as {@code torch.sign}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor sign(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.sign", x, "x", torch::sign);
  }

  /**
   * Logical NOT (zero is false); a bool tensor, elementwise, as {@code torch.logical_not}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.BOOL, args = {"x"})
  static @Shape({"*s"}) Tensor logicalNot(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.logicalNot", x, "x", torch::logical_not);
  }

  /**
   * Clamps every value into {@code [min, max]}, as {@code torch.clamp(x, min, max)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"x", "min", "max"})
  static @Shape({"*s"}) Tensor clamp(@Shape({"*s"}) Tensor x, double min, double max) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try (Scalar lo = Natives.scalar(min); Scalar hi = Natives.scalar(max);
        ScalarOptional lop = new ScalarOptional(lo); ScalarOptional hip = new ScalarOptional(hi)) {
      return Tensor.wrap(torch.clamp(h, lop, hip));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.clamp", e, x);
    }
  }

  /**
   * Raises every value below {@code min} to {@code min}, as {@code torch.clamp(x, min=min)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"x", "min"})
  static @Shape({"*s"}) Tensor clampMin(@Shape({"*s"}) Tensor x, double min) {
    return Natives.withScalar("Torch.clampMin", x, "x", min, torch::clamp_min);
  }

  /**
   * Lowers every value above {@code max} to {@code max}, as {@code torch.clamp(x, max=max)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"x", "max"})
  static @Shape({"*s"}) Tensor clampMax(@Shape({"*s"}) Tensor x, double max) {
    return Natives.withScalar("Torch.clampMax", x, "x", max, torch::clamp_max);
  }

  /**
   * The Gauss error function, elementwise, as {@code torch.erf}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor erf(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.erf", x, "x", torch::erf);
  }

  /**
   * The inverse of the Gauss error function, elementwise, as {@code torch.erfinv}: defined on
   * {@code [-1, 1]} ({@code -inf} and {@code inf} at the ends, NaN outside).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"x"})
  static @Shape({"*s"}) Tensor erfinv(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.erfinv", x, "x", torch::erfinv);
  }
}
