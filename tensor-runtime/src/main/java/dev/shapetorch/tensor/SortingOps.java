package dev.shapetorch.tensor;

import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.global.torch;

/**
 * Sorting and selection: {@code sort} (stable on request) and {@code topk}, returning values with
 * their int64 indices, and {@code argsort}, the indices alone.
 * Part of the {@link Torch} chain: call them as {@code Torch.topk(logits, 5, 1)} or {@code
 * x.sort(0, true)}.
 *
 * <p>Shape: {@code sort} and {@code argsort} keep the shape ({@link Rule#ALONG_DIM}); {@code topk} gives dim {@code
 * dim} the size {@code k}, exactly as {@code narrow(dim, 0, k)} does ({@link Rule#NARROW}), which
 * also requires {@code k} not to exceed that size.
 */
final class SortingOps {

  private SortingOps() {}

  /**
   * The values along {@code dim} in ascending (or, with {@code descending}, descending) order,
   * with the positions they came from, as {@code torch.sort(x, dim, descending)}.
   *
   * <p>Shape: unchanged ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.ALONG_DIM, args = {"x", "dim"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices sort(Tensor x, int dim, boolean descending) {
    return Natives.valuesAndIndices("Torch.sort", x, "x", dim, descending, torch::sort);
  }

  /**
   * As {@link #sort(Tensor, int, boolean)}; with {@code stable}, equal values keep their order
   * (the indices of a tie ascend), as {@code torch.sort(x, dim=dim, descending=descending,
   * stable=stable)}.
   *
   * <p>Shape: unchanged ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.ALONG_DIM, args = {"x", "dim"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices sort(Tensor x, int dim, boolean descending, boolean stable) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    return Natives.run("Torch.sort", () -> {
      try (BoolOptional s = new BoolOptional(stable);
          T_TensorTensor_T r = torch.sort(h, s, dim, descending)) {
        return ValuesAndIndices.copyOf(r);
      }
    }, x);
  }

  /**
   * The {@code k} largest values along {@code dim} (the smallest, unless {@code largest}), in
   * order, with their positions, as {@code torch.topk(x, k, dim, largest)}.
   *
   * <p>Shape: dim {@code dim} becomes {@code k} ({@link Rule#NARROW} from 0, length {@code k}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.NARROW, args = {"x", "dim", "0", "k"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices topk(Tensor x, long k, int dim, boolean largest) {
    return Natives.run("Torch.topk", () -> {
      try (T_TensorTensor_T r = torch.topk(x.h(), k, dim, largest, true)) {
        return ValuesAndIndices.copyOf(r);
      }
    }, x);
  }

  /**
   * The {@code k} largest values along {@code dim}, in descending order, with their positions, as
   * {@code torch.topk(x, k, dim)}.
   *
   * <p>Shape: dim {@code dim} becomes {@code k} ({@link Rule#NARROW} from 0, length {@code k}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.NARROW, args = {"x", "dim", "0", "k"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static ValuesAndIndices topk(Tensor x, long k, int dim) {
    return topk(x, k, dim, true);
  }

  /**
   * The positions (int64) that sort {@code x} along {@code dim} in ascending (or, with {@code
   * descending}, descending) order, as {@code torch.argsort(x, dim, descending)}.
   *
   * <p>Shape: unchanged ({@link Rule#ALONG_DIM}).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.ALONG_DIM, args = {"x", "dim"})
  @DTypeEffect(DTypeRule.INT64)
  static Tensor argsort(Tensor x, int dim, boolean descending) {
    return Natives.reduce("Torch.argsort", x, "x", dim, descending, torch::argsort);
  }
}
