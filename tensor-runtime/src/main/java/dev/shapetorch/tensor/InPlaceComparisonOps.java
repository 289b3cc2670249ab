package dev.shapetorch.tensor;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.Scalar;

/**
 * The comparisons in place: {@code gt_}, {@code lt_}, {@code ge_}, {@code le_}, {@code eq_},
 * {@code ne_}, as PyTorch's {@code x.gt_(other)}: each overwrites this tensor with the 0/1
 * outcome of the comparison, in its own dtype (1.0 and 0.0 for a float tensor), and returns it.
 * libtorch refuses them on a leaf that requires gradients ({@link TorchException}).
 *
 * <p>Shape: unchanged; a tensor {@code other} must broadcast to this shape ({@link
 * Rule#BROADCAST_INPLACE}).
 */
final class InPlaceComparisonOps {

  private InPlaceComparisonOps() {}

  /** A libtorch in-place comparison with a tensor, as {@code Tensor::gt_}. */
  @FunctionalInterface
  private interface WithTensor {
    org.bytedeco.pytorch.Tensor apply(
        org.bytedeco.pytorch.Tensor self, org.bytedeco.pytorch.Tensor other);
  }

  /** A libtorch in-place comparison with a number, as {@code Tensor::gt_}. */
  @FunctionalInterface
  private interface WithScalar {
    org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor self, Scalar value);
  }

  private static Tensor compare(String op, Tensor self, Tensor other, WithTensor f) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    org.bytedeco.pytorch.Tensor o = Natives.h(other, "other");
    try {
      f.apply(h, o);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self, other);
    }
    return self;
  }

  private static Tensor compare(String op, Tensor self, double value, WithScalar f) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    try (Scalar s = Natives.scalar(value)) {
      f.apply(h, s);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self);
    }
    return self;
  }

  /**
   * Overwrites every element with 1 where it is greater than {@code other}, else 0, in this
   * tensor's own dtype, as {@code x.gt_(other)}; returns this tensor.
   *
   * <p>Shape: unchanged; {@code other} broadcasts to this shape ({@link
   * Rule#BROADCAST_INPLACE}).
   */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  @Variants(Variant.METHOD)
  static Tensor gt_(Tensor self, Tensor other) {
    return compare("Tensor.gt_", self, other, org.bytedeco.pytorch.Tensor::gt_);
  }

  /**
   * Overwrites every element with 1 where it is greater than {@code value}, else 0, in this
   * tensor's own dtype, as {@code x.gt_(value)}; returns this tensor.
   *
   * <p>Shape: unchanged.
   */
  @Variants(Variant.METHOD)
  static Tensor gt_(Tensor self, double value) {
    return compare("Tensor.gt_", self, value, org.bytedeco.pytorch.Tensor::gt_);
  }

  /**
   * Overwrites every element with 1 where it is less than {@code other}, else 0, in this
   * tensor's own dtype, as {@code x.lt_(other)}; returns this tensor.
   *
   * <p>Shape: unchanged; {@code other} broadcasts to this shape ({@link
   * Rule#BROADCAST_INPLACE}).
   */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  @Variants(Variant.METHOD)
  static Tensor lt_(Tensor self, Tensor other) {
    return compare("Tensor.lt_", self, other, org.bytedeco.pytorch.Tensor::lt_);
  }

  /**
   * Overwrites every element with 1 where it is less than {@code value}, else 0, in this
   * tensor's own dtype, as {@code x.lt_(value)}; returns this tensor.
   *
   * <p>Shape: unchanged.
   */
  @Variants(Variant.METHOD)
  static Tensor lt_(Tensor self, double value) {
    return compare("Tensor.lt_", self, value, org.bytedeco.pytorch.Tensor::lt_);
  }

  /**
   * Overwrites every element with 1 where it is greater than or equal to {@code other}, else 0, in this
   * tensor's own dtype, as {@code x.ge_(other)}; returns this tensor.
   *
   * <p>Shape: unchanged; {@code other} broadcasts to this shape ({@link
   * Rule#BROADCAST_INPLACE}).
   */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  @Variants(Variant.METHOD)
  static Tensor ge_(Tensor self, Tensor other) {
    return compare("Tensor.ge_", self, other, org.bytedeco.pytorch.Tensor::ge_);
  }

  /**
   * Overwrites every element with 1 where it is greater than or equal to {@code value}, else 0, in this
   * tensor's own dtype, as {@code x.ge_(value)}; returns this tensor.
   *
   * <p>Shape: unchanged.
   */
  @Variants(Variant.METHOD)
  static Tensor ge_(Tensor self, double value) {
    return compare("Tensor.ge_", self, value, org.bytedeco.pytorch.Tensor::ge_);
  }

  /**
   * Overwrites every element with 1 where it is less than or equal to {@code other}, else 0, in this
   * tensor's own dtype, as {@code x.le_(other)}; returns this tensor.
   *
   * <p>Shape: unchanged; {@code other} broadcasts to this shape ({@link
   * Rule#BROADCAST_INPLACE}).
   */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  @Variants(Variant.METHOD)
  static Tensor le_(Tensor self, Tensor other) {
    return compare("Tensor.le_", self, other, org.bytedeco.pytorch.Tensor::le_);
  }

  /**
   * Overwrites every element with 1 where it is less than or equal to {@code value}, else 0, in this
   * tensor's own dtype, as {@code x.le_(value)}; returns this tensor.
   *
   * <p>Shape: unchanged.
   */
  @Variants(Variant.METHOD)
  static Tensor le_(Tensor self, double value) {
    return compare("Tensor.le_", self, value, org.bytedeco.pytorch.Tensor::le_);
  }

  /**
   * Overwrites every element with 1 where it is equal to {@code other}, else 0, in this
   * tensor's own dtype, as {@code x.eq_(other)}; returns this tensor.
   *
   * <p>Shape: unchanged; {@code other} broadcasts to this shape ({@link
   * Rule#BROADCAST_INPLACE}).
   */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  @Variants(Variant.METHOD)
  static Tensor eq_(Tensor self, Tensor other) {
    return compare("Tensor.eq_", self, other, org.bytedeco.pytorch.Tensor::eq_);
  }

  /**
   * Overwrites every element with 1 where it is equal to {@code value}, else 0, in this
   * tensor's own dtype, as {@code x.eq_(value)}; returns this tensor.
   *
   * <p>Shape: unchanged.
   */
  @Variants(Variant.METHOD)
  static Tensor eq_(Tensor self, double value) {
    return compare("Tensor.eq_", self, value, org.bytedeco.pytorch.Tensor::eq_);
  }

  /**
   * Overwrites every element with 1 where it is not equal to {@code other}, else 0, in this
   * tensor's own dtype, as {@code x.ne_(other)}; returns this tensor.
   *
   * <p>Shape: unchanged; {@code other} broadcasts to this shape ({@link
   * Rule#BROADCAST_INPLACE}).
   */
  @ShapeRule(Rule.BROADCAST_INPLACE)
  @Variants(Variant.METHOD)
  static Tensor ne_(Tensor self, Tensor other) {
    return compare("Tensor.ne_", self, other, org.bytedeco.pytorch.Tensor::ne_);
  }

  /**
   * Overwrites every element with 1 where it is not equal to {@code value}, else 0, in this
   * tensor's own dtype, as {@code x.ne_(value)}; returns this tensor.
   *
   * <p>Shape: unchanged.
   */
  @Variants(Variant.METHOD)
  static Tensor ne_(Tensor self, double value) {
    return compare("Tensor.ne_", self, value, org.bytedeco.pytorch.Tensor::ne_);
  }
}
