package dev.shapetorch.tensor;

import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Elementwise arithmetic of two tensors (or a tensor and a number): {@code add}, {@code sub},
 * {@code mul}, {@code div}, {@code pow}, {@code remainder}, {@code maximum}, {@code minimum},
 * and the fused {@code addcmul} and {@code addcdiv} of three tensors.
 * Part of the {@link Torch} chain: call them as {@code Torch.add(a, b)} or {@code a.add(b)}.
 *
 * <p>Shape: two tensors broadcast as in PyTorch ({@link Rule#BROADCAST}): sizes are compared
 * from the last dimension, and each pair must be equal or contain a 1. A mismatch raises {@link
 * ShapeException} before libtorch runs. With a number, the tensor's shape is kept; {@code
 * addcmul} and {@code addcdiv} broadcast their three tensors together ({@link Rule#BROADCAST3}).
 */
final class ArithmeticOps {

  private ArithmeticOps() {}

  /**
   * The sum {@code a + b}, elementwise with broadcasting, as {@code torch.add(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static Tensor add(Tensor a, Tensor b) {
    return Natives.binary("Torch.add", a, "a", b, "b", torch::add);
  }

  /**
   * The sum {@code a + b} with a number {@code b}, elementwise, as {@code torch.add(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static @Shape({"*s"}) Tensor add(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.add", a, "a", b, torch::add);
  }

  /**
   * The sum {@code a + b} with an integer (integer tensors stay integer) {@code b}, elementwise, as {@code torch.add(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static @Shape({"*s"}) Tensor add(@Shape({"*s"}) Tensor a, long b) {
    return Natives.withScalar("Torch.add", a, "a", b, torch::add);
  }

  /**
   * {@code a + alpha * b}, elementwise with broadcasting, as {@code torch.add(a, b, alpha=alpha)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.BROADCAST, args = {"a", "b"})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static Tensor add(Tensor a, Tensor b, double alpha) {
    return Natives.binary("Torch.add", a, "a", b, "b", alpha, torch::add);
  }

  /**
   * The difference {@code a - b}, elementwise with broadcasting, as {@code torch.sub(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static Tensor sub(Tensor a, Tensor b) {
    return Natives.binary("Torch.sub", a, "a", b, "b", torch::sub);
  }

  /**
   * The difference {@code a - b} with a number {@code b}, elementwise, as {@code torch.sub(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static @Shape({"*s"}) Tensor sub(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.sub", a, "a", b, torch::sub);
  }

  /**
   * The difference {@code a - b} with an integer (integer tensors stay integer) {@code b}, elementwise, as {@code torch.sub(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static @Shape({"*s"}) Tensor sub(@Shape({"*s"}) Tensor a, long b) {
    return Natives.withScalar("Torch.sub", a, "a", b, torch::sub);
  }

  /**
   * {@code a - alpha * b}, elementwise with broadcasting, as {@code torch.sub(a, b, alpha=alpha)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.BROADCAST, args = {"a", "b"})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static Tensor sub(Tensor a, Tensor b, double alpha) {
    return Natives.binary("Torch.sub", a, "a", b, "b", alpha, torch::sub);
  }

  /**
   * The product {@code a * b}, elementwise with broadcasting, as {@code torch.mul(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static Tensor mul(Tensor a, Tensor b) {
    return Natives.binary("Torch.mul", a, "a", b, "b", torch::mul);
  }

  /**
   * The product {@code a * b} with a number {@code b}, elementwise, as {@code torch.mul(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static @Shape({"*s"}) Tensor mul(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.mul", a, "a", b, torch::mul);
  }

  /**
   * The product {@code a * b} with an integer (integer tensors stay integer) {@code b}, elementwise, as {@code torch.mul(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static @Shape({"*s"}) Tensor mul(@Shape({"*s"}) Tensor a, long b) {
    return Natives.withScalar("Torch.mul", a, "a", b, torch::mul);
  }

  /**
   * The true quotient {@code a / b} (integers give float32), elementwise with broadcasting, as {@code torch.div(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"a", "b"})
  static Tensor div(Tensor a, Tensor b) {
    return Natives.binary("Torch.div", a, "a", b, "b", torch::div);
  }

  /**
   * The true quotient {@code a / b} (integers give float32) with a number {@code b}, elementwise, as {@code torch.div(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.FLOATING_RESULT, args = {"a", "b"})
  static @Shape({"*s"}) Tensor div(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.div", a, "a", b, torch::div);
  }

  /**
   * {@code a} raised to the power {@code b}, elementwise with broadcasting, as {@code torch.pow(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static Tensor pow(Tensor a, Tensor b) {
    return Natives.binary("Torch.pow", a, "a", b, "b", torch::pow);
  }

  /**
   * {@code a} raised to the power {@code b} with a number {@code b}, elementwise, as {@code torch.pow(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static @Shape({"*s"}) Tensor pow(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.pow", a, "a", b, torch::pow);
  }

  /**
   * {@code a} raised to an integer power {@code b}, elementwise, as {@code torch.pow(a, b)}
   * (integer tensors stay integer, as {@code x ** 2} does).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static @Shape({"*s"}) Tensor pow(@Shape({"*s"}) Tensor a, long b) {
    return Natives.withScalar("Torch.pow", a, "a", b, torch::pow);
  }

  /**
   * The remainder of floor division, with the sign of the divisor (Python's {@code %}), elementwise with broadcasting, as {@code torch.remainder(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static Tensor remainder(Tensor a, Tensor b) {
    return Natives.binary("Torch.remainder", a, "a", b, "b", torch::remainder);
  }

  /**
   * The remainder of floor division, with the sign of the divisor (Python's {@code %}) with a number {@code b}, elementwise, as {@code torch.remainder(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static @Shape({"*s"}) Tensor remainder(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.remainder", a, "a", b, torch::remainder);
  }

  /**
   * The remainder of floor division, with the sign of the divisor (Python's {@code %}) with an integer (integer tensors stay integer) {@code b}, elementwise, as {@code torch.remainder(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static @Shape({"*s"}) Tensor remainder(@Shape({"*s"}) Tensor a, long b) {
    return Natives.withScalar("Torch.remainder", a, "a", b, torch::remainder);
  }

  /**
   * The larger of the two, elementwise with broadcasting, as {@code torch.maximum(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static Tensor maximum(Tensor a, Tensor b) {
    return Natives.binary("Torch.maximum", a, "a", b, "b", torch::maximum);
  }

  /**
   * The smaller of the two, elementwise with broadcasting, as {@code torch.minimum(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  static Tensor minimum(Tensor a, Tensor b) {
    return Natives.binary("Torch.minimum", a, "a", b, "b", torch::minimum);
  }

  /**
   * {@code x + value * t1 * t2}, elementwise with broadcasting, as {@code torch.addcmul(x, t1, t2,
   * value=value)}.
   *
   * <p>Shape: {@code x}, {@code t1} and {@code t2} broadcast together ({@link Rule#BROADCAST3}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.BROADCAST3, args = {"x", "t1", "t2"})
  static Tensor addcmul(Tensor x, Tensor t1, Tensor t2, double value) {
    String op = "Torch.addcmul";
    return addc(op, x, t1, t2, value, true);
  }

  /**
   * {@code x + value * t1 / t2}, elementwise with broadcasting, as {@code torch.addcdiv(x, t1, t2,
   * value=value)}.
   *
   * <p>Shape: {@code x}, {@code t1} and {@code t2} broadcast together ({@link Rule#BROADCAST3}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.BROADCAST3, args = {"x", "t1", "t2"})
  static Tensor addcdiv(Tensor x, Tensor t1, Tensor t2, double value) {
    String op = "Torch.addcdiv";
    return addc(op, x, t1, t2, value, false);
  }

  private static Tensor addc(
      String op, Tensor x, Tensor t1, Tensor t2, double value, boolean multiply) {
    try (Scalar v = Natives.scalar(value)) {
      return Tensor.wrap(multiply ? torch.addcmul(x.h(), t1.h(), t2.h(), v)
          : torch.addcdiv(x.h(), t1.h(), t2.h(), v));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x, t1, t2);
    }
  }

  /**
   * The linear interpolation {@code a + weight * (b - a)}, elementwise with broadcasting, as
   * {@code torch.lerp(a, b, weight)}. libtorch requires floating tensors of one dtype.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.BROADCAST, args = {"a", "b"})
  static Tensor lerp(Tensor a, Tensor b, double weight) {
    return Natives.binary("Torch.lerp", a, "a", b, "b", weight, torch::lerp);
  }
}
