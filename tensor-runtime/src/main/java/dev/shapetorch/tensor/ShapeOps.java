package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import static dev.shapetorch.tensor.ShapeChecks.integer;
import static dev.shapetorch.tensor.ShapeChecks.ints;
import static dev.shapetorch.tensor.ShapeChecks.tensorArg;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import org.bytedeco.pytorch.global.torch;

/**
 * Ops that change a tensor's shape but not its values: {@code reshape}/{@code view} (with one
 * {@code -1}), {@code flatten}/{@code unflatten}, {@code squeeze}/{@code unsqueeze}, {@code
 * transpose}/{@code t}/{@code permute}, {@code expand}, {@code repeat}. Joining, splitting and
 * slicing are in {@link JoinOps}. Part of the {@link Torch} chain: call them as {@code
 * Torch.reshape(x, 2, -1)} or {@code x.view(-1, 784)}.
 *
 * <p>Shape: each op names its rule; dims may be negative; a size that does not fit or a dim out
 * of range raises {@link ShapeException} before libtorch runs.
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
  public static Tensor reshape(Tensor x, long... shape) {
    String op = "Torch.reshape";
    ShapeChecks.check(Rule.RESHAPE, op, tensorArg(x), ints(shape));
    try {
      return Tensor.wrap(torch.reshape(x.h(), shape));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
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
  public static Tensor view(Tensor x, long... shape) {
    String op = "Torch.view";
    ShapeChecks.check(Rule.RESHAPE, op, tensorArg(x), ints(shape));
    try {
      return Tensor.wrap(x.h().view(shape));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * Merges dims {@code startDim..endDim} into one, as {@code torch.flatten(x, start, end)}.
   *
   * <p>Shape: {@link Rule#FLATTEN}, e.g. {@code [N, C, H, W]} with 1, -1 gives {@code [N,
   * C*H*W]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.FLATTEN)
  public static Tensor flatten(Tensor x, int startDim, int endDim) {
    String op = "Torch.flatten";
    ShapeChecks.check(Rule.FLATTEN, op, tensorArg(x), integer(startDim), integer(endDim));
    try {
      return Tensor.wrap(torch.flatten(x.h(), startDim, endDim));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * Flattens everything into one dim, as {@code torch.flatten(x)}.
   *
   * <p>Shape: {@link Rule#FLATTEN} from 0 to -1: {@code [*s] -> [numel]}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.FLATTEN, args = {"x", "0", "-1"})
  public static Tensor flatten(Tensor x) {
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
  public static Tensor unflatten(Tensor x, int dim, long... sizes) {
    String op = "Torch.unflatten";
    ShapeChecks.check(Rule.UNFLATTEN, op, tensorArg(x), integer(dim), ints(sizes));
    try {
      return Tensor.wrap(torch.unflatten(x.h(), dim, sizes));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * Removes every dim of size 1, as {@code torch.squeeze(x)}.
   *
   * <p>Shape: {@link Rule#SQUEEZE}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.SQUEEZE)
  public static Tensor squeeze(Tensor x) {
    String op = "Torch.squeeze";
    ShapeChecks.check(Rule.SQUEEZE, op, tensorArg(x));
    try {
      return Tensor.wrap(torch.squeeze(x.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * Removes dim {@code dim} if its size is 1 (else returns the same shape), as {@code
   * torch.squeeze(x, dim)}.
   *
   * <p>Shape: {@link Rule#SQUEEZE_DIM}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.SQUEEZE_DIM)
  public static Tensor squeeze(Tensor x, int dim) {
    String op = "Torch.squeeze";
    ShapeChecks.check(Rule.SQUEEZE_DIM, op, tensorArg(x), integer(dim));
    try {
      return Tensor.wrap(torch.squeeze(x.h(), (long) dim));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * Inserts a dim of size 1 at {@code dim} (from {@code -rank-1} to {@code rank}), as {@code
   * torch.unsqueeze(x, dim)}.
   *
   * <p>Shape: {@link Rule#UNSQUEEZE}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.UNSQUEEZE)
  public static Tensor unsqueeze(Tensor x, int dim) {
    String op = "Torch.unsqueeze";
    ShapeChecks.check(Rule.UNSQUEEZE, op, tensorArg(x), integer(dim));
    try {
      return Tensor.wrap(torch.unsqueeze(x.h(), dim));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * Swaps two dims (a view), as {@code torch.transpose(x, dim0, dim1)}.
   *
   * <p>Shape: {@link Rule#TRANSPOSE}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.TRANSPOSE)
  public static Tensor transpose(Tensor x, int dim0, int dim1) {
    String op = "Torch.transpose";
    ShapeChecks.check(Rule.TRANSPOSE, op, tensorArg(x), integer(dim0), integer(dim1));
    try {
      return Tensor.wrap(torch.transpose(x.h(), dim0, dim1));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * The transpose of a matrix (vectors and scalars unchanged), as {@code torch.t(x)} or {@code
   * x.T} for 2-D.
   *
   * <p>Shape: {@link Rule#T}: {@code [n, m] -> [m, n]}, rank at most 2.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.T)
  public static Tensor t(Tensor x) {
    String op = "Torch.t";
    ShapeChecks.check(Rule.T, op, tensorArg(x));
    try {
      return Tensor.wrap(torch.t(x.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * Reorders the dims (a view), as {@code torch.permute(x, dims)}.
   *
   * <p>Shape: {@link Rule#PERMUTE}: {@code dims} is a permutation of the dims.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.PERMUTE)
  public static Tensor permute(Tensor x, int... dims) {
    String op = "Torch.permute";
    ShapeChecks.check(Rule.PERMUTE, op, tensorArg(x), ints(dims));
    try {
      return Tensor.wrap(torch.permute(x.h(), ReductionOps.longs(dims)));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * Repeats size-1 dims (without copying) up to {@code sizes}, as {@code x.expand(sizes)}; {@code
   * -1} keeps a size, and new leading dims may be added.
   *
   * <p>Shape: {@link Rule#EXPAND}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.EXPAND)
  public static Tensor expand(Tensor x, long... sizes) {
    return expand("Torch.expand", x, sizes);
  }

  static Tensor expand(String op, Tensor x, long... sizes) {
    ShapeChecks.check(Rule.EXPAND, op, tensorArg(x), ints(sizes));
    try {
      return Tensor.wrap(x.h().expand(sizes));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

  /**
   * {@link #expand} to the shape of {@code other}, as {@code x.expand_as(other)}.
   *
   * <p>Shape: the result has {@code other}'s shape; {@code x} must expand to it ({@link
   * Rule#EXPAND}).
   */
  @Variants(Variant.FUNCTION)
  public static @Shape({"*t"}) Tensor expandAs(Tensor x, @Shape({"*t"}) Tensor other) {
    return expand("Torch.expandAs", x, Natives.nonNull(other, "other").shape());
  }

  /**
   * Tiles the tensor {@code repeats[i]} times along each dim (copying), as {@code
   * x.repeat(repeats)}; extra leading repeats add dims.
   *
   * <p>Shape: {@link Rule#REPEAT}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.REPEAT)
  public static Tensor repeat(Tensor x, long... repeats) {
    String op = "Torch.repeat";
    ShapeChecks.check(Rule.REPEAT, op, tensorArg(x), ints(repeats));
    try {
      return Tensor.wrap(x.h().repeat(repeats));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, x);
    }
  }

}
