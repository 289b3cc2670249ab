package dev.shapetorch.tensor;

import dev.shapetorch.internal.DTypeContracts;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Elementwise comparisons ({@code eq}, {@code lt}, ...), logical ops, {@code where} and {@code
 * maskedFill}. Comparisons and logical ops return bool tensors. Part of the {@link Torch} chain:
 * call them as {@code Torch.lt(a, b)} or {@code a.lt(b)}.
 *
 * <p>Shape: tensors broadcast as in PyTorch ({@link Rule#BROADCAST}, {@link Rule#BROADCAST3}); a
 * mismatch raises {@link ShapeException} before libtorch runs. With a number, the tensor's shape
 * is kept.
 */
final class ComparisonOps {

  private ComparisonOps() {}

  /**
   * {@code a == b}, as a bool tensor, elementwise with broadcasting, as {@code torch.eq(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(DTypeRule.BOOL)
  static Tensor eq(Tensor a, Tensor b) {
    return Natives.binary("Torch.eq", a, "a", b, "b", torch::eq);
  }

  /**
   * {@code a == b}, as a bool tensor with a number {@code b}, elementwise, as {@code torch.eq(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(DTypeRule.BOOL)
  static @Shape({"*s"}) Tensor eq(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.eq", a, "a", b, torch::eq);
  }

  /**
   * {@code a != b}, as a bool tensor, elementwise with broadcasting, as {@code torch.ne(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(DTypeRule.BOOL)
  static Tensor ne(Tensor a, Tensor b) {
    return Natives.binary("Torch.ne", a, "a", b, "b", torch::ne);
  }

  /**
   * {@code a != b}, as a bool tensor with a number {@code b}, elementwise, as {@code torch.ne(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(DTypeRule.BOOL)
  static @Shape({"*s"}) Tensor ne(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.ne", a, "a", b, torch::ne);
  }

  /**
   * {@code a < b}, as a bool tensor, elementwise with broadcasting, as {@code torch.lt(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(DTypeRule.BOOL)
  static Tensor lt(Tensor a, Tensor b) {
    return Natives.binary("Torch.lt", a, "a", b, "b", torch::lt);
  }

  /**
   * {@code a < b}, as a bool tensor with a number {@code b}, elementwise, as {@code torch.lt(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(DTypeRule.BOOL)
  static @Shape({"*s"}) Tensor lt(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.lt", a, "a", b, torch::lt);
  }

  /**
   * {@code a <= b}, as a bool tensor, elementwise with broadcasting, as {@code torch.le(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(DTypeRule.BOOL)
  static Tensor le(Tensor a, Tensor b) {
    return Natives.binary("Torch.le", a, "a", b, "b", torch::le);
  }

  /**
   * {@code a <= b}, as a bool tensor with a number {@code b}, elementwise, as {@code torch.le(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(DTypeRule.BOOL)
  static @Shape({"*s"}) Tensor le(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.le", a, "a", b, torch::le);
  }

  /**
   * {@code a > b}, as a bool tensor, elementwise with broadcasting, as {@code torch.gt(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(DTypeRule.BOOL)
  static Tensor gt(Tensor a, Tensor b) {
    return Natives.binary("Torch.gt", a, "a", b, "b", torch::gt);
  }

  /**
   * {@code a > b}, as a bool tensor with a number {@code b}, elementwise, as {@code torch.gt(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(DTypeRule.BOOL)
  static @Shape({"*s"}) Tensor gt(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.gt", a, "a", b, torch::gt);
  }

  /**
   * {@code a >= b}, as a bool tensor, elementwise with broadcasting, as {@code torch.ge(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(DTypeRule.BOOL)
  static Tensor ge(Tensor a, Tensor b) {
    return Natives.binary("Torch.ge", a, "a", b, "b", torch::ge);
  }

  /**
   * {@code a >= b}, as a bool tensor with a number {@code b}, elementwise, as {@code torch.ge(a, b)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(DTypeRule.BOOL)
  static @Shape({"*s"}) Tensor ge(@Shape({"*s"}) Tensor a, double b) {
    return Natives.withScalar("Torch.ge", a, "a", b, torch::ge);
  }

  /**
   * Logical AND (nonzero is true), as a bool tensor, elementwise with broadcasting, as {@code torch.logical_and(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(DTypeRule.BOOL)
  static Tensor logicalAnd(Tensor a, Tensor b) {
    return Natives.binary("Torch.logicalAnd", a, "a", b, "b", torch::logical_and);
  }

  /**
   * Logical OR (nonzero is true), as a bool tensor, elementwise with broadcasting, as {@code torch.logical_or(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(DTypeRule.BOOL)
  static Tensor logicalOr(Tensor a, Tensor b) {
    return Natives.binary("Torch.logicalOr", a, "a", b, "b", torch::logical_or);
  }

  /**
   * Logical XOR (nonzero is true), as a bool tensor, elementwise with broadcasting, as {@code torch.logical_xor(a, b)}.
   *
   * <p>Shape: {@code a} and {@code b} broadcast ({@link Rule#BROADCAST}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.BROADCAST)
  @DTypeEffect(DTypeRule.BOOL)
  static Tensor logicalXor(Tensor a, Tensor b) {
    return Natives.binary("Torch.logicalXor", a, "a", b, "b", torch::logical_xor);
  }

  /**
   * Picks {@code a} where {@code condition} is true and {@code b} elsewhere, as {@code
   * torch.where(condition, a, b)}.
   *
   * <p>Shape: the three broadcast together ({@link Rule#BROADCAST3}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.BROADCAST3)
  @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})
  @DTypeEffect(value = DTypeRule.REQUIRES_BOOL, args = {"condition"})
  static Tensor where(Tensor condition, Tensor a, Tensor b) {
    String op = "Torch.where";
    DTypeContracts.require(DTypeRule.REQUIRES_BOOL, op, "condition", condition);
    return Natives.call(op, () -> torch.where(condition.h(), a.h(), b.h()), condition, a, b);
  }

  /**
   * Replaces the values where {@code mask} is true by {@code value}, as {@code
   * x.masked_fill(mask, value)}.
   *
   * <p>Shape: {@code mask} broadcasts to {@code x}'s shape ({@link Rule#BROADCAST}); the result
   * has {@code x}'s shape.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.BROADCAST, args = {"x", "mask"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_BOOL, args = {"mask"})
  static Tensor maskedFill(Tensor x, Tensor mask, double value) {
    String op = "Torch.maskedFill";
    DTypeContracts.require(DTypeRule.REQUIRES_BOOL, op, "mask", mask);
    try (Scalar s = Natives.scalar(value)) {
      return Tensor.wrap(torch.masked_fill(x.h(), mask.h(), s));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x, mask);
    }
  }

}
