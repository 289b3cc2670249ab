package dev.shapetorch.tensor;

import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.MemoryChecks;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Ops that change a tensor's shape but not its values: {@code reshape}/{@code view} (with one
 * {@code -1}), {@code flatten}/{@code unflatten}, {@code squeeze}/{@code unsqueeze}, {@code
 * transpose}/{@code t}/{@code permute}/{@code mT}/{@code mH}/{@code H}, {@code expand}, {@code
 * repeat}, {@code repeatInterleave}, the windows of {@code unfold}, the reorderings {@code flip}
 * and {@code roll}, and {@code ravel}. Joining, splitting and
 * slicing are in {@link JoinOps}. Part of the {@link Torch} chain: call them as {@code
 * Torch.reshape(x, 2, -1)} or {@code x.view(-1, 784)}.
 *
 * <p>Shape: each op names its rule; dims may be negative; a size that does not fit or a dim out
 * of range raises {@link ShapeException} before libtorch runs. {@code flip} and {@code roll}
 * keep the shape ({@code [*s] -> [*s]}) and leave their dims to libtorch: one out of range is a
 * {@link TorchException} naming the op and the shape.
 */
final class ShapeOps {

  private ShapeOps() {}

  /**
   * The same values in a new shape (a view when possible, else a copy), as {@code
   * torch.reshape(x, shape)}; one size may be {@code -1}, inferred from the others.
   *
   * <p>Shape: {@link Rule#RESHAPE}: the element counts must agree.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.RESHAPE)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor reshape(Tensor x, long... shape) {
    return Natives.withSizes("Torch.reshape", x, "x", shape, torch::reshape);
  }

  /**
   * A view of the same memory in a new shape, as {@code x.view(shape)}; one size may be {@code
   * -1}. libtorch refuses (a {@link TorchException}) when the memory layout does not allow a view;
   * use {@link #reshape} then.
   *
   * <p>Shape: {@link Rule#RESHAPE}: the element counts must agree.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.RESHAPE)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor view(Tensor x, long... shape) {
    return Natives.withSizes("Torch.view", x, "x", shape, org.bytedeco.pytorch.Tensor::view);
  }

  /**
   * Merges dims {@code startDim..endDim} into one, as {@code torch.flatten(x, start, end)}.
   *
   * <p>Shape: {@link Rule#FLATTEN}, e.g. {@code [N, C, H, W]} with 1, -1 gives {@code [N,
   * C*H*W]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.FLATTEN)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor flatten(Tensor x, int startDim, int endDim) {
    return Natives.withLong("Torch.flatten", x, "x", startDim, endDim, torch::flatten);
  }

  /**
   * Merges dims {@code startDim} to the last into one, as {@code torch.flatten(x, start_dim)}
   * and {@code x.flatten(start_dim)} ({@code end_dim=-1}).
   *
   * <p>Shape: {@link Rule#FLATTEN} from {@code startDim} to -1, e.g. {@code [N, C, H, W]} with 1
   * gives {@code [N, C*H*W]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.FLATTEN, args = {"x", "startDim", "-1"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor flatten(Tensor x, int startDim) {
    return flatten(x, startDim, -1);
  }

  /**
   * Flattens everything into one dim, as {@code torch.flatten(x)}.
   *
   * <p>Shape: {@link Rule#FLATTEN} from 0 to -1: {@code [*s] -> [numel]}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.FLATTEN, args = {"x", "0", "-1"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor flatten(Tensor x) {
    return flatten(x, 0, -1);
  }

  /**
   * Splits dim {@code dim} into {@code sizes}, as {@code torch.unflatten(x, dim, sizes)}; one
   * size may be {@code -1}.
   *
   * <p>Shape: {@link Rule#UNFLATTEN}: the sizes' product must equal the dim's size.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.UNFLATTEN)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor unflatten(Tensor x, int dim, long... sizes) {
    return Natives.call("Torch.unflatten", () -> torch.unflatten(x.h(), dim, sizes), x);
  }

  /**
   * Removes every dim of size 1, as {@code torch.squeeze(x)}.
   *
   * <p>Shape: {@link Rule#SQUEEZE}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.SQUEEZE)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor squeeze(Tensor x) {
    return Natives.unary("Torch.squeeze", x, "x", torch::squeeze);
  }

  /**
   * Removes dim {@code dim} if its size is 1 (else returns the same shape), as {@code
   * torch.squeeze(x, dim)}.
   *
   * <p>Shape: {@link Rule#SQUEEZE_DIM}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.SQUEEZE_DIM)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor squeeze(Tensor x, int dim) {
    return Natives.withLong("Torch.squeeze", x, "x", dim, torch::squeeze);
  }

  /**
   * Inserts a dim of size 1 at {@code dim} (from {@code -rank-1} to {@code rank}), as {@code
   * torch.unsqueeze(x, dim)}.
   *
   * <p>Shape: {@link Rule#UNSQUEEZE}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.UNSQUEEZE)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor unsqueeze(Tensor x, int dim) {
    return Natives.withLong("Torch.unsqueeze", x, "x", dim, torch::unsqueeze);
  }

  /**
   * Swaps two dims (a view), as {@code torch.transpose(x, dim0, dim1)}.
   *
   * <p>Shape: {@link Rule#TRANSPOSE}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.TRANSPOSE)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor transpose(Tensor x, int dim0, int dim1) {
    return Natives.withLong("Torch.transpose", x, "x", dim0, dim1, torch::transpose);
  }

  /**
   * The transpose of a matrix (vectors and scalars unchanged), as {@code torch.t(x)} or {@code
   * x.T} for 2-D.
   *
   * <p>Shape: {@link Rule#T}: {@code [n, m] -> [m, n]}, rank at most 2.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.T)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor t(Tensor x) {
    return Natives.unary("Torch.t", x, "x", torch::t);
  }

  /**
   * Reorders the dims (a view), as {@code torch.permute(x, dims)}.
   *
   * <p>Shape: {@link Rule#PERMUTE}: {@code dims} is a permutation of the dims.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.PERMUTE)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor permute(Tensor x, int... dims) {
    return Natives.withSizes("Torch.permute", x, "x", ReductionOps.longs(dims), torch::permute);
  }

  /**
   * Repeats size-1 dims (without copying) up to {@code sizes}, as {@code x.expand(sizes)}; {@code
   * -1} keeps a size, and new leading dims may be added.
   *
   * <p>Shape: {@link Rule#EXPAND}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.EXPAND)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor expand(Tensor x, long... sizes) {
    return Natives.withSizes("Torch.expand", x, "x", sizes, org.bytedeco.pytorch.Tensor::expand);
  }

  /**
   * {@link #expand} to the shape of {@code other}, as {@code x.expand_as(other)}.
   *
   * <p>Shape: the result has {@code other}'s shape; {@code x} must expand to it ({@link
   * Rule#EXPAND_AS}).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.EXPAND_AS)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*t"}) Tensor expandAs(Tensor x, @Shape({"*t"}) Tensor other) {
    return expand(x, other.shape());
  }

  /**
   * Tiles the tensor {@code repeats[i]} times along each dim (copying), as {@code
   * x.repeat(repeats)}; extra leading repeats add dims.
   *
   * <p>Shape: {@link Rule#REPEAT}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REPEAT)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor repeat(Tensor x, long... repeats) {
    return Natives.withSizes("Torch.repeat", x, "x", repeats, org.bytedeco.pytorch.Tensor::repeat);
  }

  /**
   * Repeats each element {@code repeats} times in place along {@code dim} (copying), as {@code
   * torch.repeat_interleave(x, repeats, dim)}: {@code [1, 2]} with 2 is {@code [1, 1, 2, 2]},
   * where {@link #repeat} gives {@code [1, 2, 1, 2]}.
   *
   * <p>Shape: {@link Rule#REPEAT_INTERLEAVE}: {@code [a, b]} (r, 1) to {@code [a, b*r]}; {@code
   * repeats} must be >= 0.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REPEAT_INTERLEAVE)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor repeatInterleave(Tensor x, long repeats, int dim) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    return Natives.call("Torch.repeatInterleave", () -> {
      try (LongOptional d = new LongOptional(dim); LongOptional none = new LongOptional()) {
        return torch.repeat_interleave(h, repeats, d, none);
      }
    }, x);
  }

  /**
   * Repeats element {@code i} along {@code dim} {@code repeats[i]} times (copying), as {@code
   * torch.repeat_interleave(x, repeats, dim)}: {@code repeats} is a 1-D int64 tensor of one
   * count per element along {@code dim}, or of one count for all.
   *
   * <p>Shape: dim {@code dim} becomes {@code sum(repeats)}, known at run time, so the checker
   * types the result unknown ({@code [a, b]} (1) to {@code [a, _]} at run time).
   *
   * @throws IllegalArgumentException if {@code repeats} is not a 1-D int64 tensor of 1 or {@code
   *     x.size(dim)} counts, holds a negative count, or the result would not fit in this
   *     machine's memory ({@link MemoryLimit})
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor repeatInterleave(Tensor x, Tensor repeats, int dim) {
    String op = "Torch.repeatInterleave";
    String at = UserCall.attribute(op);
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    org.bytedeco.pytorch.Tensor r = Natives.h(repeats, "repeats");
    if (x.dim() == 0) {
      throw new IllegalArgumentException(at + ": a 0-d tensor " + x.describe()
          + " has no dim " + dim + " to repeat along; reshape it to [1] first");
    }
    int d = Natives.dim(op, dim, x.dim());
    if (repeats.dtype() != DType.INT64 || repeats.dim() != 1
        || (repeats.size(0) != 1 && repeats.size(0) != x.size(d))) {
      throw new IllegalArgumentException(at + ": repeats must be a 1-D int64 tensor of 1 or "
          + x.size(d) + " counts (one per element along dim " + dim + " of " + x.describe()
          + "), got " + repeats.describe());
    }
    long[] counts = repeats.toLongArray();
    long total = 0;
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException(at + ": repeats holds the negative count " + c
            + "; counts must be >= 0");
      }
      total = total + c < 0 ? Long.MAX_VALUE : total + c;
    }
    if (counts.length == 1 && total > 0 && x.size(d) > Long.MAX_VALUE / total) {
      total = Long.MAX_VALUE;
    } else if (counts.length == 1) {
      total *= x.size(d);
    }
    long[] result = x.shape();
    result[d] = total;
    MemoryChecks.check(op, "the result", result, x.dtype().itemSize());
    return Natives.call(op, () -> {
      try (LongOptional dd = new LongOptional(dim); LongOptional none = new LongOptional()) {
        return torch.repeat_interleave(h, r, dd, none);
      }
    }, x, repeats);
  }

  /**
   * Every window of {@code size} elements along {@code dim}, {@code step} apart, as a new last
   * dim (a view), as {@code x.unfold(dim, size, step)}: {@code [0, 1, 2, 3, 4].unfold(0, 2, 2)}
   * is {@code [[0, 1], [2, 3]]}; elements after the last whole window are left out.
   *
   * <p>Shape: {@link Rule#UNFOLD}: {@code [.., L, ..] -> [.., (L - size) / step + 1, .., size]};
   * {@code size} must be at most {@code L} and >= 0, {@code step} >= 1.
   */
  @Variants(Variant.METHOD)
  @ShapeRule(Rule.UNFOLD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor unfold(Tensor x, int dim, long size, long step) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    return Natives.call("Tensor.unfold", () -> h.unfold(dim, size, step), x);
  }

  /**
   * The values in reverse order along each of {@code dims} (a copy), as {@code torch.flip(x,
   * dims)}.
   *
   * <p>Shape: {@link Rule#FLIP}: unchanged; each dim must be in range and appear once.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.FLIP)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor flip(Tensor x, int... dims) {
    return Natives.withSizes("Torch.flip", x, "x",
        ReductionOps.longs(Arguments.requireNonNull(dims, "dims")), torch::flip);
  }

  /**
   * The values shifted cyclically by {@code shifts[i]} along {@code dims[i]}, as {@code
   * torch.roll(x, shifts, dims)}; with no dims, the flattened tensor is rolled by the one shift
   * and its shape restored.
   *
   * <p>Shape: {@link Rule#ROLL}: unchanged; each dim must be in range, one shift per dim.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.ROLL)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor roll(Tensor x, long[] shifts, int[] dims) {
    long[] d = ReductionOps.longs(Arguments.requireNonNull(dims, "dims"));
    Arguments.requireNonNull(shifts, "shifts");
    return Natives.withSizes("Torch.roll", x, "x", d, (h, l) -> torch.roll(h, shifts, l));
  }

  /**
   * The conjugate transpose of the last two dims (of every matrix of a batch), as {@code x.mH}:
   * for real tensors, the same as {@link Tensor#mT()}.
   *
   * <p>Shape: {@code [*b, M, N] -> [*b, N, M]}.
   */
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*b", "N", "M"}) Tensor mH(@Shape({"*b", "M", "N"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    return Natives.call("Tensor.mH", h::mH, x);
  }

  /**
   * The conjugate transpose of a matrix, as {@code x.H}: for real tensors, the same as {@code
   * x.t()}. Only for matrices, as PyTorch's {@code H}; for a batch, use {@link Tensor#mH()}.
   *
   * <p>Shape: {@code [M, N] -> [N, M]}.
   */
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"N", "M"}) Tensor H(@Shape({"M", "N"}) Tensor x) {
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    return Natives.call("Tensor.H", h::mH, x);
  }

  /**
   * The transpose of the last two dims (of every matrix of a batch), as {@code x.mT}.
   *
   * <p>Shape: {@code [*b, M, N] -> [*b, N, M]}.
   */
  @Variants(Variant.METHOD)
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static @Shape({"*b", "N", "M"}) Tensor mT(@Shape({"*b", "M", "N"}) Tensor x) {
    return Natives.withLong("Tensor.mT", x, "x", -2, -1, torch::transpose);
  }

  /**
   * Everything in one dim (a view when possible, else a copy), as {@code torch.ravel(x)}.
   *
   * <p>Shape: {@link Rule#FLATTEN} from 0 to -1: {@code [*s] -> [numel]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.FLATTEN, args = {"x", "0", "-1"})
  @DTypeEffect(value = DTypeRule.SAME_AS, args = {"x"})
  static Tensor ravel(Tensor x) {
    return Natives.unary("Torch.ravel", x, "x", torch::ravel);
  }
}
