package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.DTypeContracts;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.UnknownShape;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptionalList;
import org.bytedeco.pytorch.global.torch;

/**
 * Indexing with tensors: {@code indexSelect}, {@code index} (PyTorch's {@code x[idx]}), {@code
 * gather} and {@code scatter}. Index tensors hold int64 (or int32) positions; {@code index} also
 * takes bool masks. Part of the {@link Torch} chain: call them as {@code Torch.gather(x, 1, idx)}
 * or {@code x.indexSelect(0, idx)}.
 *
 * <p>Shape: {@link Rule#INDEX_SELECT}, {@link Rule#GATHER} and {@link Rule#SCATTER} are checked
 * before libtorch runs; positions out of range are reported by libtorch ({@link
 * TorchException}). The shape of {@code index} depends on the index tensors' values (masks), so
 * it is unknown to the checker. Python's subscript as a whole, with slices, {@code None} and
 * {@code ...}, and typed by the checker, is {@code x.index(":, 1:3")} ({@code SubscriptOps}).
 */
final class IndexingOps {

  private IndexingOps() {}

  private static void checkIndexDtype(String op, String what, Tensor index) {
    DType d = index.dtype();
    if (d != DType.INT64 && d != DType.INT32) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": " + what + " must be an int64 (or int32) tensor of positions, got " + d
              + "; convert it with to(DType.INT64)");
    }
  }

  /**
   * The slices of dim {@code dim} at the positions in the 1-D {@code index}, as {@code
   * torch.index_select(x, dim, index)}.
   *
   * <p>Shape: {@link Rule#INDEX_SELECT}: {@code dim}'s size becomes the index's length.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.INDEX_SELECT)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_INTEGRAL, args = {"index"})
  static Tensor indexSelect(Tensor x, int dim, Tensor index) {
    String op = "Torch.indexSelect";
    DTypeContracts.require(DTypeRule.REQUIRES_INTEGRAL, op, "index", index);
    checkIndexDtype(op, "index", index);
    return Natives.call(op, () -> torch.index_select(x.h(), dim, index.h()), x, index);
  }

  /**
   * Advanced indexing with one tensor per leading dim, as PyTorch's {@code x[i0, i1, ...]}:
   * integer index tensors pick positions (and broadcast together), a bool mask picks the
   * positions where it is true.
   *
   * <p>Shape: unknown to the checker (it depends on the indices, and on a mask's values).
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @UnknownShape Tensor index(Tensor x, Tensor... indices) {
    String op = "Torch.index";
    Natives.h(x, "x");
    Arguments.requireNonNull(indices, "indices");
    if (indices.length == 0 || indices.length > x.dim()) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": expected 1 to " + x.dim() + " index tensors for a tensor of shape "
              + x.shapeOf() + ", got " + indices.length);
    }
    for (Tensor i : indices) {
      DType d = i.dtype();
      if (d != DType.INT64 && d != DType.INT32 && d != DType.BOOL && d != DType.UINT8) {
        throw new IllegalArgumentException(
            UserCall.attribute(op) + ": index tensors must be int64, int32 or bool, got " + d);
      }
    }
    try (TensorOptionalList list = new TensorOptionalList()) {
      for (Tensor i : indices) {
        try (TensorOptional o = new TensorOptional(i.h())) {
          list.push_back(o);
        }
      }
      return Tensor.wrap(x.h().index(list));
    } catch (RuntimeException e) {
      Tensor[] all = new Tensor[indices.length + 1];
      all[0] = x;
      System.arraycopy(indices, 0, all, 1, indices.length);
      throw Natives.fail(op, e, all);
    }
  }

  /**
   * Picks values along {@code dim} at the positions in {@code index}, as {@code torch.gather(x,
   * dim, index)}: {@code out[i][j] = x[i][index[i][j]]} for dim 1.
   *
   * <p>Shape: {@link Rule#GATHER}: the result has the index's shape.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.GATHER)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_INTEGRAL, args = {"index"})
  static Tensor gather(Tensor x, int dim, Tensor index) {
    String op = "Torch.gather";
    DTypeContracts.require(DTypeRule.REQUIRES_INTEGRAL, op, "index", index);
    checkIndexDtype(op, "index", index);
    return Natives.call(op, () -> torch.gather(x.h(), dim, index.h()), x, index);
  }

  /**
   * A copy of {@code x} with the values of {@code src} written along {@code dim} at the positions
   * in {@code index}, as {@code torch.scatter(x, dim, index, src)}: {@code out[i][index[i][j]] =
   * src[i][j]} for dim 1.
   *
   * <p>Shape: {@link Rule#SCATTER}: the result has {@code x}'s shape.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.SCATTER)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_INTEGRAL, args = {"index"})
  static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src) {
    String op = "Torch.scatter";
    DTypeContracts.require(DTypeRule.REQUIRES_INTEGRAL, op, "index", index);
    if (index.dtype() != DType.INT64) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": index must be an int64 tensor, got " + index.dtype()
              + "; convert it with to(DType.INT64)");
    }
    return Natives.call(op, () -> torch.scatter(x.h(), dim, index.h(), src.h()), x, index, src);
  }

  /**
   * A copy of {@code x} with {@code value} written along {@code dim} at the positions in {@code
   * index}, as {@code torch.scatter(x, dim, index, value)}.
   *
   * <p>Shape: {@link Rule#SCATTER} with the index standing in for the source: the result has
   * {@code x}'s shape.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.SCATTER, args = {"x", "dim", "index", "index"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  @DTypeEffect(value = DTypeRule.REQUIRES_INTEGRAL, args = {"index"})
  static Tensor scatter(Tensor x, int dim, Tensor index, double value) {
    String op = "Torch.scatter";
    DTypeContracts.require(DTypeRule.REQUIRES_INTEGRAL, op, "index", index);
    if (index.dtype() != DType.INT64) {
      throw new IllegalArgumentException(
          UserCall.attribute(op) + ": index must be an int64 tensor, got " + index.dtype()
              + "; convert it with to(DType.INT64)");
    }
    try (org.bytedeco.pytorch.Scalar s = Natives.scalar(value)) {
      return Tensor.wrap(torch.scatter(x.h(), dim, index.h(), s));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x, index);
    }
  }

}
