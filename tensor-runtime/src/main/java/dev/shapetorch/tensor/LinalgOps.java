package dev.shapetorch.tensor;

import static dev.shapetorch.tensor.ShapeChecks.tensorArg;

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
 * <p>Shape: each op names its rule ({@link Rule#MATMUL}, {@link Rule#MM}, {@link Rule#BMM},
 * {@link Rule#MV}, {@link Rule#DOT}, {@link Rule#OUTER}), which the checker runs at compile time
 * and the op runs on the actual shapes before calling libtorch. Inner sizes that differ raise
 * {@link ShapeException} with the op's own key ({@code shape.mismatch.matmul}, {@code
 * shape.mismatch.matmul.mm}, ...); a wrong rank raises {@code shape.rank}.
 */
public abstract class LinalgOps extends StatisticsOps {

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
   * <p>Shape: {@link Rule#MM}, {@code [M, K] x [K, N] -> [M, N]}.
   */
  @ShapeRule(Rule.MM)
  public static Tensor mm(Tensor a, Tensor b) {
    return mm("Torch.mm", a, b);
  }

  static Tensor mm(String op, Tensor a, Tensor b) {
    ShapeChecks.check(Rule.MM, op, tensorArg(a), tensorArg(b));
    try {
      return Tensor.wrap(torch.mm(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, a, b);
    }
  }

  /**
   * Batched matrix product, as {@code torch.bmm(a, b)}.
   *
   * <p>Shape: {@link Rule#BMM}, {@code [B, N, M] x [B, M, P] -> [B, N, P]}.
   */
  @ShapeRule(Rule.BMM)
  public static Tensor bmm(Tensor a, Tensor b) {
    return bmm("Torch.bmm", a, b);
  }

  static Tensor bmm(String op, Tensor a, Tensor b) {
    ShapeChecks.check(Rule.BMM, op, tensorArg(a), tensorArg(b));
    try {
      return Tensor.wrap(torch.bmm(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, a, b);
    }
  }

  /**
   * A matrix times a vector, as {@code torch.mv(a, v)}.
   *
   * <p>Shape: {@link Rule#MV}, {@code [N, M] x [M] -> [N]}.
   */
  @ShapeRule(Rule.MV)
  public static Tensor mv(Tensor a, Tensor v) {
    return mv("Torch.mv", a, v);
  }

  static Tensor mv(String op, Tensor a, Tensor v) {
    ShapeChecks.check(Rule.MV, op, tensorArg(a), tensorArg(v));
    try {
      return Tensor.wrap(torch.mv(a.h(), v.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, a, v);
    }
  }

  /**
   * The dot product of two vectors, as {@code torch.dot(a, b)}.
   *
   * <p>Shape: {@link Rule#DOT}, {@code [N] . [N] -> []}.
   */
  @ShapeRule(Rule.DOT)
  public static Tensor dot(Tensor a, Tensor b) {
    return dot("Torch.dot", a, b);
  }

  static Tensor dot(String op, Tensor a, Tensor b) {
    ShapeChecks.check(Rule.DOT, op, tensorArg(a), tensorArg(b));
    try {
      return Tensor.wrap(torch.dot(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, a, b);
    }
  }

  /**
   * The outer product of two vectors, as {@code torch.outer(a, b)}.
   *
   * <p>Shape: {@link Rule#OUTER}, {@code [N] x [M] -> [N, M]}.
   */
  @ShapeRule(Rule.OUTER)
  public static Tensor outer(Tensor a, Tensor b) {
    return outer("Torch.outer", a, b);
  }

  static Tensor outer(String op, Tensor a, Tensor b) {
    ShapeChecks.check(Rule.OUTER, op, tensorArg(a), tensorArg(b));
    try {
      return Tensor.wrap(torch.outer(a.h(), b.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, a, b);
    }
  }
}
