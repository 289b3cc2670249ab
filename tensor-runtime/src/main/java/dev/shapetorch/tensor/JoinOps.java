package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Joining, splitting and slicing: {@code cat}, {@code stack}, {@code split}, {@code chunk},
 * {@code unbind}, {@code narrow}, {@code select}. Part of the {@link Torch} chain: call them as {@code
 * Torch.cat(List.of(a, b), 0)} or {@code x.narrow(1, 0, 2)}.
 *
 * <p>Shape: each op names its rule ({@link Rule#CAT}, {@link Rule#STACK}, {@link Rule#SPLIT},
 * {@link Rule#CHUNK}, {@link Rule#UNBIND}, {@link Rule#NARROW}, {@link Rule#SELECT}); sizes that disagree, dims and
 * indices out of range raise {@link ShapeException} before libtorch runs.
 */
final class JoinOps {

  private JoinOps() {}

  private static TensorVector vector(List<Tensor> tensors) {
    org.bytedeco.pytorch.Tensor[] handles = new org.bytedeco.pytorch.Tensor[tensors.size()];
    for (int i = 0; i < handles.length; i++) {
      handles[i] = tensors.get(i).h();
    }
    return new TensorVector(handles);
  }

  /** A libtorch split into pieces along a dim, as {@code torch::split} and {@code torch::chunk}. */
  @FunctionalInterface
  private interface Pieces {
    TensorVector apply(org.bytedeco.pytorch.Tensor x, long n, long dim);
  }

  /** The body of split and chunk: the pieces as tensors of their own. */
  private static List<Tensor> pieces(String op, Tensor x, long n, int dim, Pieces f) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    try {
      return unpack(f.apply(h, n, dim));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /** Copies each element out of a native vector into a tensor of its own, then frees the vector. */
  static List<Tensor> unpack(TensorVector v) {
    try (v) {
      int n = (int) v.size();
      List<Tensor> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(Tensor.wrapBorrowed(v.get(i)));
      }
      return out;
    }
  }

  /**
   * Concatenates along an existing dim, as {@code torch.cat(tensors, dim)}.
   *
   * <p>Shape: {@link Rule#CAT}: all sizes but {@code dim}'s must agree; those add up.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.CAT)
  @DTypeEffect(value = DTypeRule.PROMOTE_TYPES, args = {"tensors"})
  static Tensor cat(List<Tensor> tensors, int dim) {
    return join("Torch.cat", tensors, dim, false);
  }

  /**
   * Concatenates along dim 0, as {@code torch.cat(tensors)}.
   *
   * <p>Shape: {@link Rule#CAT} with dim 0.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.CAT, args = {"tensors", "0"})
  @DTypeEffect(value = DTypeRule.PROMOTE_TYPES, args = {"tensors"})
  static Tensor cat(List<Tensor> tensors) {
    return join("Torch.cat", tensors, 0, false);
  }

  /**
   * Stacks equal-shaped tensors along a new dim, as {@code torch.stack(tensors, dim)}.
   *
   * <p>Shape: {@link Rule#STACK}: all shapes must be equal.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.STACK)
  @DTypeEffect(value = DTypeRule.PROMOTE_TYPES, args = {"tensors"})
  static Tensor stack(List<Tensor> tensors, int dim) {
    return join("Torch.stack", tensors, dim, true);
  }

  /**
   * Stacks along a new dim 0, as {@code torch.stack(tensors)}.
   *
   * <p>Shape: {@link Rule#STACK} with dim 0.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.STACK, args = {"tensors", "0"})
  @DTypeEffect(value = DTypeRule.PROMOTE_TYPES, args = {"tensors"})
  static Tensor stack(List<Tensor> tensors) {
    return join("Torch.stack", tensors, 0, true);
  }

  private static Tensor join(String op, List<Tensor> tensors, int dim, boolean stack) {
    if (tensors.isEmpty()) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": needs at least one tensor");
    }
    try (TensorVector v = vector(tensors)) {
      return Tensor.wrap(stack ? torch.stack(v, dim) : torch.cat(v, dim));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, tensors.toArray(new Tensor[0]));
    }
  }

  /**
   * Splits into pieces of {@code splitSize} along {@code dim} (the last may be smaller), as
   * {@code torch.split(x, splitSize, dim)}. The pieces are views.
   *
   * <p>Shape: {@link Rule#SPLIT}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.SPLIT)
  static List<Tensor> split(Tensor x, long splitSize, int dim) {
    return pieces("Torch.split", x, splitSize, dim, torch::split);
  }

  /**
   * Splits into pieces of the given sizes along {@code dim}, as {@code torch.split(x, [s0, s1,
   * ...], dim)}; the sizes must add up to the dim's size (else libtorch's {@link TorchException}).
   * The pieces are views.
   *
   * <p>Shape: {@code dim} must be in range ({@link Rule#ALONG_DIM}); piece {@code i} has size
   * {@code sizes[i]} along {@code dim}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.ALONG_DIM, args = {"x", "dim"})
  static List<Tensor> split(Tensor x, long[] sizes, int dim) {
    return Natives.run("Torch.split", () -> unpack(torch.split(x.h(), sizes, dim)), x);
  }

  /**
   * Splits into {@code chunks} nearly equal pieces along {@code dim} (fewer when the size is
   * small), as {@code torch.chunk(x, chunks, dim)}. The pieces are views.
   *
   * <p>Shape: {@link Rule#CHUNK}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.CHUNK)
  static List<Tensor> chunk(Tensor x, int chunks, int dim) {
    return pieces("Torch.chunk", x, chunks, dim, torch::chunk);
  }

  /**
   * The slice {@code start .. start+length-1} of dim {@code dim} (a view), as {@code
   * torch.narrow(x, dim, start, length)}, i.e. {@code x[:, start:start+length]} for dim 1.
   *
   * <p>Shape: {@link Rule#NARROW}: {@code dim}'s size becomes {@code length}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.NARROW)
  static Tensor narrow(Tensor x, int dim, long start, long length) {
    return Natives.call("Torch.narrow", () -> torch.narrow(x.h(), dim, start, length), x);
  }

  /**
   * The slice at {@code index} of dim {@code dim}, which is removed (a view), as {@code
   * torch.select(x, dim, index)}, i.e. {@code x[index]} for dim 0; negative indices count from
   * the end.
   *
   * <p>Shape: {@link Rule#SELECT}: {@code dim} removed.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.SELECT)
  static Tensor select(Tensor x, int dim, long index) {
    return Natives.withLong("Torch.select", x, "x", dim, index, torch::select);
  }

  /**
   * The slices along {@code dim}, each without it (views), as {@code torch.unbind(x, dim)}: a
   * {@code [3, 4]} tensor unbinds along 0 into 3 tensors of shape {@code [4]}. A dim of size 0
   * gives an empty list.
   *
   * <p>Shape: {@link Rule#UNBIND}: every piece is {@code x}'s shape with {@code dim} removed,
   * {@code [a, b, c]} (1) to {@code b} pieces {@code [a, c]}; a 0-d tensor has no dim to unbind.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.UNBIND)
  static List<Tensor> unbind(Tensor x, int dim) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    return Natives.run("Torch.unbind", () -> unpack(torch.unbind(h, dim)), x);
  }

  /**
   * The slices along dim 0, each without it (views), as {@code torch.unbind(x)}: the rows of a
   * matrix.
   *
   * <p>Shape: {@link Rule#UNBIND} with dim 0: {@code [a, b]} to {@code a} pieces {@code [b]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.UNBIND, args = {"x", "0"})
  static List<Tensor> unbind(Tensor x) {
    return unbind(x, 0);
  }
}
