package dev.shapetorch.tensor;

import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.global.torch;

/**
 * Shape changes named after another tensor or a direction: {@code fliplr}, {@code flipud}, {@code
 * broadcastTo}, {@code viewAs}, {@code reshapeAs}, {@code typeAs}, and {@code positive}. Declarations ({@link
 * Variants}): {@code Torch.fliplr(x)} and {@code x.fliplr()} are generated from them.
 *
 * <p>Shape: each op's pattern or rule; {@code viewAs} and {@code reshapeAs} take the other
 * tensor's shape, and libtorch refuses a different element count (a {@link TorchException}).
 */
final class ViewLikeOps {
  private ViewLikeOps() {}

  /**
   * The columns in reverse order (dim 1), as {@code torch.fliplr(x)}; the input needs at least 2
   * dims (libtorch's {@link TorchException} otherwise).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor fliplr(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.fliplr", x, "x", torch::fliplr);
  }

  /**
   * The rows in reverse order (dim 0), as {@code torch.flipud(x)}; the input needs at least 1
   * dim.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor flipud(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.flipud", x, "x", torch::flipud);
  }

  /**
   * A view broadcast to {@code sizes}, as {@code torch.broadcast_to(x, sizes)} ({@code expand}
   * under NumPy's name): size-1 dims stretch, {@code -1} keeps a size, leading dims may be added.
   *
   * <p>Shape: {@link Rule#EXPAND}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.EXPAND)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor broadcastTo(Tensor x, long... sizes) {
    return Natives.withSizes("Torch.broadcastTo", x, "x", sizes, torch::broadcast_to);
  }

  /**
   * A view of this tensor with {@code other}'s shape, as {@code x.view_as(other)}.
   *
   * <p>Shape: {@code other}'s, {@code [*t]}; the element counts must be equal.
   */
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  static @Shape({"*t"}) Tensor viewAs(Tensor self, @Shape({"*t"}) Tensor other) {
    return Natives.binary("Tensor.viewAs", self, "self", other, "other",
        org.bytedeco.pytorch.Tensor::view_as);
  }

  /**
   * This tensor reshaped to {@code other}'s shape (a view when possible), as {@code
   * x.reshape_as(other)}.
   *
   * <p>Shape: {@code other}'s, {@code [*t]}; the element counts must be equal.
   */
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"self"})
  static @Shape({"*t"}) Tensor reshapeAs(Tensor self, @Shape({"*t"}) Tensor other) {
    return Natives.binary("Tensor.reshapeAs", self, "self", other, "other",
        org.bytedeco.pytorch.Tensor::reshape_as);
  }

  /**
   * This tensor converted to {@code other}'s dtype, as {@code x.type_as(other)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"other"})
  static @Shape({"*s"}) Tensor typeAs(@Shape({"*s"}) Tensor self, Tensor other) {
    return Natives.binary("Tensor.typeAs", self, "self", other, "other",
        org.bytedeco.pytorch.Tensor::type_as);
  }

  /**
   * The tensor itself, as {@code torch.positive(x)} (unary plus; a bool tensor is refused by
   * libtorch, as in PyTorch).
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*s"}) Tensor positive(@Shape({"*s"}) Tensor x) {
    return Natives.unary("Torch.positive", x, "x", torch::positive);
  }
}
