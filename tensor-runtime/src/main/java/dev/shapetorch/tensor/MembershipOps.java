package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.global.torch;

/**
 * Questions about values and dtypes: {@code isin}, {@code isreal}, {@code bucketize}, {@code
 * maskedSelect}, {@code isFloatingPoint}, {@code isComplex}, {@code isSigned}, {@code isNonzero},
 * {@code isSameSize}. Declarations
 * ({@link Variants}): {@code Torch.isin(x, values)} and {@code x.isin(values)} are generated from
 * them.
 *
 * <p>Shape: each op's {@code @Shape} patterns; the dtype predicates answer a Java boolean.
 */
final class MembershipOps {
  private MembershipOps() {}

  /**
   * Whether each element of {@code elements} is among {@code testElements}, as {@code
   * torch.isin(elements, test_elements)}: a bool tensor.
   *
   * <p>Shape: {@code [*s] -> [*s]} ({@code testElements} of any shape).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor isin(@Shape({"*s"}) Tensor elements, Tensor testElements) {
    return Natives.binary("Torch.isin", elements, "elements", testElements, "testElements",
        torch::isin);
  }

  /**
   * Whether each element is real (its imaginary part zero), as {@code torch.isreal(x)}: all true
   * for real dtypes.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor isreal(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.isreal", x, "x", torch::isreal);
  }

  /**
   * The bucket of each element among sorted {@code boundaries}, as {@code torch.bucketize(input,
   * boundaries)}: index {@code i} with {@code boundaries[i-1] < x <= boundaries[i]} (int64).
   *
   * <p>Shape: {@code [*s] -> [*s]}; {@code boundaries} is 1-D.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor bucketize(@Shape({"*s"}) Tensor input,
      @Shape({"K"}) Tensor boundaries) {
    return bucketize(input, boundaries, false);
  }

  /**
   * {@link #bucketize(Tensor, Tensor)} with the side: with {@code right}, index {@code i} with
   * {@code boundaries[i-1] <= x < boundaries[i]}, as {@code torch.bucketize(input, boundaries,
   * right=right)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}; {@code boundaries} is 1-D.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor bucketize(@Shape({"*s"}) Tensor input,
      @Shape({"K"}) Tensor boundaries, boolean right) {
    org.bytedeco.pytorch.Tensor hi = Natives.h(input, "input");
    org.bytedeco.pytorch.Tensor hb = Natives.h(boundaries, "boundaries");
    try {
      return Tensor.wrap(torch.bucketize(hi, hb, false, right));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.bucketize", e, input, boundaries);
    }
  }

  /**
   * The elements where {@code mask} is true, flattened, as {@code torch.masked_select(x, mask)};
   * {@code mask} (bool) broadcasts with {@code x} (libtorch's {@link TorchException} otherwise).
   *
   * <p>Shape: {@code [*s] -> [_]}: the count is known at run time.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"_"}) Tensor maskedSelect(Tensor x, Tensor mask) {
    return Natives.binary("Torch.maskedSelect", x, "x", mask, "mask", torch::masked_select);
  }

  /**
   * Whether the dtype is a floating-point one, as {@code torch.is_floating_point(x)}.
   *
   * <p>Shape: any.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static boolean isFloatingPoint(Tensor x) {
    return torch.is_floating_point(Natives.h(x, "x"));
  }

  /**
   * Whether the dtype is a complex one, as {@code torch.is_complex(x)}.
   *
   * <p>Shape: any.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static boolean isComplex(Tensor x) {
    return Natives.h(x, "x").__dispatch_is_complex();
  }

  /**
   * Whether the dtype is signed (every dtype but uint8 and bool), as {@code x.is_signed()}.
   *
   * <p>Shape: any.
   */
  @Variants(Variant.METHOD)
  static boolean isSigned(Tensor x) {
    return torch.is_signed(Natives.h(x, "x"));
  }

  /**
   * Whether the one element is not zero, as {@code torch.is_nonzero(x)} ({@code bool(x)} in
   * Python).
   *
   * <p>Shape: one element ({@code []}, {@code [1]}, {@code [1, 1]}, ...).
   *
   * @throws IllegalArgumentException if {@code x} has no element or more than one
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static boolean isNonzero(Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    if (x.numel() != 1) {
      throw new IllegalArgumentException(dev.shapetorch.internal.UserCall.attribute(
          "Torch.isNonzero") + ": " + x.describe() + " has " + x.numel() + " elements; the truth"
          + " of a tensor is defined for one element only (use any() or all() for more)");
    }
    try {
      return torch.is_nonzero(h);
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.isNonzero", e, x);
    }
  }

  /**
   * Whether the two tensors have the same shape, as {@code x.is_same_size(other)}.
   *
   * <p>Shape: any two.
   */
  @Variants(Variant.METHOD)
  static boolean isSameSize(Tensor x, Tensor other) {
    return torch.is_same_size(Natives.h(x, "x"), Natives.h(other, "other"));
  }
}
