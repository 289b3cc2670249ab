package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.MatmulRules;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import org.bytedeco.pytorch.global.torch;

/**
 * Linear algebra: {@code matmul} with PyTorch's 1-D, 2-D and batched cases, and the fixed-rank
 * products {@code mm}, {@code bmm}, {@code mv}, {@code dot}, {@code outer}. Part of the {@link
 * Torch} chain: call them as {@code Torch.mm(a, b)} or {@code a.mm(b)}.
 *
 * <p>Shape: {@code matmul} follows {@link Rule#MATMUL}; the others declare a plain signature
 * ({@code mm: [M, K] x [K, N] -> [M, N]}), and the runtime unifies the actual shapes with that
 * very annotation before calling libtorch. Inner sizes that differ raise {@link ShapeException}.
 */
public abstract class LinalgOps extends StatisticsOps {

  private static final Class<?>[] TWO_TENSORS = {Tensor.class, Tensor.class};
  private static final Signature MM = Signature.of(LinalgOps.class, "mm", TWO_TENSORS, "a", "b");
  private static final Signature BMM = Signature.of(LinalgOps.class, "bmm", TWO_TENSORS, "a", "b");
  private static final Signature MV = Signature.of(LinalgOps.class, "mv", TWO_TENSORS, "a", "v");
  private static final Signature DOT = Signature.of(LinalgOps.class, "dot", TWO_TENSORS, "a", "b");
  private static final Signature OUTER =
      Signature.of(LinalgOps.class, "outer", TWO_TENSORS, "a", "b");

  LinalgOps() {}

  /**
   * The matrix product with PyTorch's broadcasting rules, as {@code torch.matmul(a, b)}: 1-D
   * times 1-D is a dot product, a 1-D operand is treated as a row (left) or column (right) and
   * that dim dropped, and leading batch dims broadcast.
   *
   * <p>Shape: {@link Rule#MATMUL}, e.g. {@code [*b, n, m] x [*b, m, p] -> [*b, n, p]}.
   */
  @ShapeRule(Rule.MATMUL)
  public static Tensor matmul(Tensor a, Tensor b) {
    return matmul("Torch.matmul", a, b);
  }

  static Tensor matmul(String op, Tensor a, Tensor b) {
    if (a == null || b == null) {
      throw UserCall.nullArgument(op, Rule.MATMUL, a == null ? 0 : 1, -1);
    }
    ShapeResult<TensorShape> r = MatmulRules.matmul(op, a.shapeOf(), b.shapeOf());
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch());
    }
    try {
      return Tensor.wrap(torch.matmul(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, a, b);
    }
  }

  /**
   * The product of two matrices, as {@code torch.mm(a, b)}.
   *
   * <p>Shape: {@code [M, K] x [K, N] -> [M, N]}.
   */
  public static @Shape({"M", "N"}) Tensor mm(@Shape({"M", "K"}) Tensor a, @Shape({"K", "N"}) Tensor b) {
    return mm("Torch.mm", a, b);
  }

  static Tensor mm(String op, Tensor a, Tensor b) {
    MM.check(op, a, b);
    try {
      return Tensor.wrap(torch.mm(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, a, b);
    }
  }

  /**
   * Batched matrix product, as {@code torch.bmm(a, b)}.
   *
   * <p>Shape: {@code [B, N, M] x [B, M, P] -> [B, N, P]}.
   */
  public static @Shape({"B", "N", "P"}) Tensor bmm(
      @Shape({"B", "N", "M"}) Tensor a, @Shape({"B", "M", "P"}) Tensor b) {
    return bmm("Torch.bmm", a, b);
  }

  static Tensor bmm(String op, Tensor a, Tensor b) {
    BMM.check(op, a, b);
    try {
      return Tensor.wrap(torch.bmm(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, a, b);
    }
  }

  /**
   * A matrix times a vector, as {@code torch.mv(a, v)}.
   *
   * <p>Shape: {@code [N, M] x [M] -> [N]}.
   */
  public static @Shape({"N"}) Tensor mv(@Shape({"N", "M"}) Tensor a, @Shape({"M"}) Tensor v) {
    return mv("Torch.mv", a, v);
  }

  static Tensor mv(String op, Tensor a, Tensor v) {
    MV.check(op, a, v);
    try {
      return Tensor.wrap(torch.mv(a.h(), v.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, a, v);
    }
  }

  /**
   * The dot product of two vectors, as {@code torch.dot(a, b)}.
   *
   * <p>Shape: {@code [N] . [N] -> []}.
   */
  public static @Shape({}) Tensor dot(@Shape({"N"}) Tensor a, @Shape({"N"}) Tensor b) {
    return dot("Torch.dot", a, b);
  }

  static Tensor dot(String op, Tensor a, Tensor b) {
    DOT.check(op, a, b);
    try {
      return Tensor.wrap(torch.dot(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, a, b);
    }
  }

  /**
   * The outer product of two vectors, as {@code torch.outer(a, b)}.
   *
   * <p>Shape: {@code [N] x [M] -> [N, M]}.
   */
  public static @Shape({"N", "M"}) Tensor outer(@Shape({"N"}) Tensor a, @Shape({"M"}) Tensor b) {
    return outer("Torch.outer", a, b);
  }

  static Tensor outer(String op, Tensor a, Tensor b) {
    OUTER.check(op, a, b);
    try {
      return Tensor.wrap(torch.outer(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, a, b);
    }
  }
}
