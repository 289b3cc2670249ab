package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.global.torch;

/**
 * Elementwise functions of two tensors beyond {@link ArithmeticOps}'s: {@code atan2}, {@code
 * hypot}, {@code fmod}, {@code floorDivide}, {@code copysign}, {@code nextafter}, {@code
 * logaddexp}, {@code xlogy}, {@code heaviside}, the NaN-ignoring {@code fmax}/{@code fmin}, the
 * integer {@code gcd}/{@code lcm}, the bitwise operators, {@code ldexp}, {@code floatPower} and
 * {@code isclose}, each on libtorch's kernel. Declarations ({@link Variants}): {@code
 * Torch.atan2(a, b)} and {@code a.atan2(b)} are generated from them.
 *
 * <p>Shape: the two tensors broadcast ({@link Rule#BROADCAST}); a tensor and a number keep the
 * tensor's shape. Dtypes an op does not take (a floating tensor to {@code gcd} or a bitwise
 * operator) are libtorch's {@link TorchException}, naming the op and the inputs.
 */
final class BinaryMathOps {
  private BinaryMathOps() {}

  /**
   * The angle of the point {@code (b, a)}, {@code atan(a / b)} in the right quadrant, elementwise with broadcasting, as {@code torch.atan2(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor atan2(Tensor a, Tensor b) {
    return Natives.binary("Torch.atan2", a, "a", b, "b", torch::atan2);
  }

  /**
   * {@code sqrt(a^2 + b^2)} without overflow in the squares, elementwise with broadcasting, as {@code torch.hypot(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor hypot(Tensor a, Tensor b) {
    return Natives.binary("Torch.hypot", a, "a", b, "b", torch::hypot);
  }

  /**
   * The remainder of truncated division, with the sign of the dividend (C's {@code fmod}), elementwise with broadcasting, as {@code torch.fmod(a, b)}; {@code remainder} has the divisor's sign.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor fmod(Tensor a, Tensor b) {
    return Natives.binary("Torch.fmod", a, "a", b, "b", torch::fmod);
  }

  /**
   * {@code a / b} rounded down, elementwise with broadcasting, as {@code torch.floor_divide(a, b)} (Python's {@code //}).
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor floorDivide(Tensor a, Tensor b) {
    return Natives.binary("Torch.floorDivide", a, "a", b, "b", torch::floor_divide);
  }

  /**
   * {@code |a|} with the sign of {@code b}, elementwise with broadcasting, as {@code torch.copysign(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor copysign(Tensor a, Tensor b) {
    return Natives.binary("Torch.copysign", a, "a", b, "b", torch::copysign);
  }

  /**
   * The next floating-point value after {@code a} toward {@code b}, elementwise with broadcasting, as {@code torch.nextafter(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor nextafter(Tensor a, Tensor b) {
    return Natives.binary("Torch.nextafter", a, "a", b, "b", torch::nextafter);
  }

  /**
   * {@code log(e^a + e^b)} without overflow, elementwise with broadcasting, as {@code torch.logaddexp(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor logaddexp(Tensor a, Tensor b) {
    return Natives.binary("Torch.logaddexp", a, "a", b, "b", torch::logaddexp);
  }

  /**
   * {@code log2(2^a + 2^b)} without overflow, elementwise with broadcasting, as {@code torch.logaddexp2(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor logaddexp2(Tensor a, Tensor b) {
    return Natives.binary("Torch.logaddexp2", a, "a", b, "b", torch::logaddexp2);
  }

  /**
   * {@code a * log(b)}, 0 where {@code a} is 0 (even for {@code b = 0}), elementwise with broadcasting, as {@code torch.xlogy(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor xlogy(Tensor a, Tensor b) {
    return Natives.binary("Torch.xlogy", a, "a", b, "b", torch::xlogy);
  }

  /**
   * The Heaviside step of {@code a}: 0 below 0, 1 above, {@code values} at 0, elementwise with broadcasting, as {@code torch.heaviside(a, values)}.
   *
   * <p>Shape: {@code a} and {@code values} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor heaviside(Tensor a, Tensor values) {
    return Natives.binary("Torch.heaviside", a, "a", values, "values", torch::heaviside);
  }

  /**
   * The larger of {@code a} and {@code b}, elementwise with broadcasting, ignoring a NaN when the other is a number, as {@code torch.fmax(a, b)} ({@code maximum} propagates NaN).
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor fmax(Tensor a, Tensor b) {
    return Natives.binary("Torch.fmax", a, "a", b, "b", torch::fmax);
  }

  /**
   * The smaller of {@code a} and {@code b}, elementwise with broadcasting, ignoring a NaN when the other is a number, as {@code torch.fmin(a, b)} ({@code minimum} propagates NaN).
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor fmin(Tensor a, Tensor b) {
    return Natives.binary("Torch.fmin", a, "a", b, "b", torch::fmin);
  }

  /**
   * The greatest common divisor of integer tensors, elementwise with broadcasting, as {@code torch.gcd(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor gcd(Tensor a, Tensor b) {
    return Natives.binary("Torch.gcd", a, "a", b, "b", torch::gcd);
  }

  /**
   * The least common multiple of integer tensors, elementwise with broadcasting, as {@code torch.lcm(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor lcm(Tensor a, Tensor b) {
    return Natives.binary("Torch.lcm", a, "a", b, "b", torch::lcm);
  }

  /**
   * The bitwise AND of integer or bool tensors, elementwise with broadcasting, as {@code torch.bitwise_and(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor bitwiseAnd(Tensor a, Tensor b) {
    return Natives.binary("Torch.bitwiseAnd", a, "a", b, "b", torch::bitwise_and);
  }

  /**
   * The bitwise OR of integer or bool tensors, elementwise with broadcasting, as {@code torch.bitwise_or(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor bitwiseOr(Tensor a, Tensor b) {
    return Natives.binary("Torch.bitwiseOr", a, "a", b, "b", torch::bitwise_or);
  }

  /**
   * The bitwise XOR of integer or bool tensors, elementwise with broadcasting, as {@code torch.bitwise_xor(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor bitwiseXor(Tensor a, Tensor b) {
    return Natives.binary("Torch.bitwiseXor", a, "a", b, "b", torch::bitwise_xor);
  }

  /**
   * {@code a} shifted left by {@code b} bits, integer tensors, elementwise with broadcasting, as {@code torch.bitwise_left_shift(a, b)} ({@code <<}).
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor bitwiseLeftShift(Tensor a, Tensor b) {
    return Natives.binary("Torch.bitwiseLeftShift", a, "a", b, "b", torch::bitwise_left_shift);
  }

  /**
   * {@code a} shifted right by {@code b} bits (arithmetic for signed types), integer tensors, elementwise with broadcasting, as {@code torch.bitwise_right_shift(a, b)} ({@code >>}).
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor bitwiseRightShift(Tensor a, Tensor b) {
    return Natives.binary("Torch.bitwiseRightShift", a, "a", b, "b", torch::bitwise_right_shift);
  }

  /**
   * {@code a * 2^b}, elementwise with broadcasting, as {@code torch.ldexp(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor ldexp(Tensor a, Tensor b) {
    return Natives.binary("Torch.ldexp", a, "a", b, "b", torch::ldexp);
  }

  /**
   * {@code a} raised to {@code b} in double precision, elementwise with broadcasting, as {@code torch.float_power(a, b)}: the result is float64 whatever the inputs.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor floatPower(Tensor a, Tensor b) {
    return Natives.binary("Torch.floatPower", a, "a", b, "b", torch::float_power);
  }

  /**
   * {@link #fmod(Tensor, Tensor)} with a number divisor, as {@code torch.fmod(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor fmod(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.fmod", a, "a", b, torch::fmod);
  }

  /**
   * {@link #floorDivide(Tensor, Tensor)} with a number divisor, as {@code torch.floor_divide(a,
   * b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor floorDivide(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.floorDivide", a, "a", b, torch::floor_divide);
  }

  /**
   * {@link #copysign(Tensor, Tensor)} with a number giving the sign, as {@code
   * torch.copysign(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor copysign(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.copysign", a, "a", b, torch::copysign);
  }

  /**
   * {@link #floatPower(Tensor, Tensor)} with a number exponent, as {@code torch.float_power(a,
   * b)}: float64.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor floatPower(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.floatPower", a, "a", b, torch::float_power);
  }

  /**
   * Whether {@code a} and {@code b} are close, elementwise with broadcasting, as {@code
   * torch.isclose(a, b, rtol, atol, equal_nan)}: {@code |a - b| <= atol + rtol * |b|}; a bool
   * tensor ({@code Torch.allclose} is its {@code all()}).
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   *
   * @param equalNan whether two NaNs count as close
   * @throws IllegalArgumentException if a tolerance is negative or NaN
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.BROADCAST, args = {"a", "b"})
  static Tensor isclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
    if (!(rtol >= 0) || !(atol >= 0)) {
      throw new IllegalArgumentException(dev.shapetorch.internal.UserCall.attribute(
          "Torch.isclose") + ": rtol = " + rtol + " and atol = " + atol
          + " must both be 0 or more");
    }
    org.bytedeco.pytorch.Tensor ha = Natives.h(a, "a");
    org.bytedeco.pytorch.Tensor hb = Natives.h(b, "b");
    try {
      return Tensor.wrap(torch.isclose(ha, hb, rtol, atol, equalNan));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.isclose", e, a, b);
    }
  }

  /**
   * {@link #isclose(Tensor, Tensor, double, double, boolean)} with PyTorch's defaults: {@code
   * rtol = 1e-5}, {@code atol = 1e-8}, NaNs not equal.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  static Tensor isclose(Tensor a, Tensor b) {
    return isclose(a, b, 1e-5, 1e-8, false);
  }
}
