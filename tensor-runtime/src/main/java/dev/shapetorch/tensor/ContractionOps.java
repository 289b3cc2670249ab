package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.EinsumRules;
import dev.shapetorch.shapes.rules.Rule;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Contractions and their relatives: {@code einsum} (an index equation), {@code tensordot},
 * {@code kron}, {@code cdist}, {@code diag} and {@code meshgrid}. Declarations ({@link
 * Variants}): the public forms {@code Torch.einsum("ij,jk->ik", a, b)} are generated from them,
 * with the runtime guard.
 *
 * <p>Shape: each op names its rule ({@link Rule#EINSUM}, {@link Rule#TENSORDOT}, {@link
 * Rule#TENSORDOT_DIMS}, {@link Rule#KRON}, {@link Rule#CDIST}, {@link Rule#DIAG}, {@link
 * Rule#MESHGRID}). {@code einsum}'s is computed from the equation when it is a constant: the
 * checker gives {@code Torch.einsum("bij,bjk->bik", a, b)} of {@code [B, N, M]} and {@code [B,
 * M, P]} the type {@code [B, N, P]}, and a letter with two sizes is a compile error naming the
 * letter and both operands; the generated guard runs the same rule on the actual shapes before
 * libtorch.
 */
final class ContractionOps {
  private ContractionOps() {}

  /**
   * Sums the product of the operands over the letters the output leaves out, as {@code
   * torch.einsum(equation, *operands)}: {@code "ij,jk->ik"} is a matrix product, {@code "ii"} a
   * trace, {@code "ij->ji"} a transpose, {@code "bhqd,bhkd->bhqk"} attention scores. Letters are
   * {@code a-z} and {@code A-Z}; {@code ...} stands for the dims no letter names; without {@code
   * ->} the output is the ellipsis dims, then the letters seen once, in alphabetical order.
   *
   * <p>Shape: {@link Rule#EINSUM}: each letter has one size across the operands (equal, or 1 to
   * broadcast); the output has the output letters' sizes in order. See {@link EinsumRules}.
   *
   * @param equation the index equation
   * @param operands one tensor per comma-separated subscript, of one dtype
   * @throws ShapeException if the equation is not valid, names a letter with two sizes, or has a
   *     subscript that does not fit its operand's rank
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.EINSUM)
  static Tensor einsum(String equation, Tensor... operands) {
    return contract("Torch.einsum", equation,
        operands == null ? null : Arrays.asList(operands));
  }

  /**
   * {@link #einsum(String, Tensor...)} with the operands in a list, as {@code
   * torch.einsum(equation, [a, b])}.
   *
   * <p>Shape: {@link Rule#EINSUM}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.EINSUM)
  static Tensor einsum(String equation, List<Tensor> operands) {
    return contract("Torch.einsum", equation, operands);
  }

  /**
   * Contracts the last {@code dims} dims of {@code a} with the first {@code dims} of {@code b},
   * as {@code torch.tensordot(a, b, dims)}; {@code dims = 0} is the outer product.
   *
   * <p>Shape: {@link Rule#TENSORDOT}: {@code [*a, *k] x [*k, *b] -> [*a, *b]}, e.g. {@code [2,
   * 3, 4]} and {@code [3, 4, 5]} with {@code dims = 2} give {@code [2, 5]}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.TENSORDOT)
  static Tensor tensordot(Tensor a, Tensor b, long dims) {
    org.bytedeco.pytorch.Tensor ha = Natives.h(a, "a");
    org.bytedeco.pytorch.Tensor hb = Natives.h(b, "b");
    int n = (int) dims;
    long[] dimsA = new long[n];
    long[] dimsB = new long[n];
    for (int i = 0; i < n; i++) {
      dimsA[i] = a.dim() - n + i;
      dimsB[i] = i;
    }
    try {
      return Tensor.wrap(torch.tensordot(ha, hb, dimsA, dimsB));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.tensordot", e, a, b);
    }
  }

  /**
   * Contracts dim {@code dimsA[i]} of {@code a} with dim {@code dimsB[i]} of {@code b}, as
   * {@code torch.tensordot(a, b, dims=(dimsA, dimsB))}; the result has a's other dims, then b's.
   *
   * <p>Shape: {@link Rule#TENSORDOT_DIMS}: {@code [2, 3, 4]} and {@code [4, 3, 5]} with {@code
   * ([1, 2], [1, 0])} give {@code [2, 5]}; contracted sizes are equal (or 1).
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.TENSORDOT_DIMS)
  static Tensor tensordot(Tensor a, Tensor b, long[] dimsA, long[] dimsB) {
    org.bytedeco.pytorch.Tensor ha = Natives.h(a, "a");
    org.bytedeco.pytorch.Tensor hb = Natives.h(b, "b");
    try {
      return Tensor.wrap(torch.tensordot(ha, hb, dimsA.clone(), dimsB.clone()));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.tensordot", e, a, b);
    }
  }

  /**
   * The Kronecker product, as {@code torch.kron(a, b)}: block {@code (i, j)} of the result is
   * {@code a[i, j] * b}.
   *
   * <p>Shape: {@link Rule#KRON}: shapes aligned from the right, sizes multiplied: {@code [2, 3]}
   * and {@code [4, 5]} give {@code [8, 15]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.KRON)
  static Tensor kron(Tensor a, Tensor b) {
    return Natives.binary("Torch.kron", a, "a", b, "b", torch::kron);
  }

  /**
   * The p-norm distance between each row of {@code x1} and each row of {@code x2}, as {@code
   * torch.cdist(x1, x2, p)}; batch dims broadcast.
   *
   * <p>Shape: {@link Rule#CDIST}: {@code [*b, P, M]} and {@code [*b, R, M]} give {@code [*b, P,
   * R]}.
   *
   * @param p the norm's order, 0 or more ({@code 2} is the Euclidean distance, {@code
   *     Double.POSITIVE_INFINITY} the largest difference)
   * @throws IllegalArgumentException if {@code p} is negative or NaN
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.CDIST, args = {"x1", "x2"})
  static Tensor cdist(Tensor x1, Tensor x2, double p) {
    if (!(p >= 0)) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.cdist") + ": p = " + p
          + " is not a norm order; give p >= 0 (2 for the Euclidean distance)");
    }
    org.bytedeco.pytorch.Tensor h1 = Natives.h(x1, "x1");
    org.bytedeco.pytorch.Tensor h2 = Natives.h(x2, "x2");
    try (org.bytedeco.pytorch.LongOptional mode = new org.bytedeco.pytorch.LongOptional()) {
      return Tensor.wrap(torch.cdist(h1, h2, p, mode));
    } catch (RuntimeException e) {
      throw Natives.fail("Torch.cdist", e, x1, x2);
    }
  }

  /**
   * {@link #cdist(Tensor, Tensor, double)} with {@code p = 2}, the Euclidean distance.
   *
   * <p>Shape: {@link Rule#CDIST}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.CDIST)
  static Tensor cdist(Tensor x1, Tensor x2) {
    return cdist(x1, x2, 2.0);
  }

  /**
   * A diagonal, as {@code torch.diag(input, diagonal)}: a vector becomes the square matrix with
   * it on the {@code diagonal}-th diagonal ({@code 0} the main one, positive above, negative
   * below); a matrix gives that diagonal as a vector, empty when it lies outside the matrix.
   *
   * <p>Shape: {@link Rule#DIAG}: {@code [n]} gives {@code [n+|k|, n+|k|]}; {@code [m, n]} gives
   * the diagonal's length; other ranks are refused.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(Rule.DIAG)
  static Tensor diag(Tensor input, long diagonal) {
    return Natives.withLong("Torch.diag", input, "input", diagonal, torch::diag);
  }

  /**
   * {@link #diag(Tensor, long)} of the main diagonal.
   *
   * <p>Shape: {@link Rule#DIAG} with {@code diagonal = 0}: {@code [n] -> [n, n]}, {@code [m, n]
   * -> [min(m, n)]}.
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  @ShapeRule(value = Rule.DIAG, args = {"input", "0"})
  static Tensor diag(Tensor input) {
    return diag(input, 0);
  }

  /**
   * Coordinate grids, as {@code torch.meshgrid(*tensors, indexing=indexing)}: output {@code i}
   * holds tensor {@code i}'s values repeated along every other dim.
   *
   * <p>Shape: {@link Rule#MESHGRID}, every output alike: the inputs' lengths in order for {@code
   * "ij"} ({@code [2], [3] -> [2, 3]}), the first two swapped for {@code "xy"} ({@code [2], [3],
   * [4] -> [3, 2, 4]}); a 0-d input counts as length 1.
   *
   * @param indexing {@code "ij"} (matrix indexing) or {@code "xy"} (Cartesian indexing)
   * @throws IllegalArgumentException if {@code indexing} is neither
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(value = Rule.MESHGRID, args = {"tensors", "indexing"})
  static List<Tensor> meshgrid(String indexing, Tensor... tensors) {
    return meshgrid(tensors == null ? null : Arrays.asList(tensors), indexing);
  }

  /**
   * {@link #meshgrid(String, Tensor...)} with the inputs in a list.
   *
   * <p>Shape: {@link Rule#MESHGRID}.
   */
  @Variants(Variant.FUNCTION)
  @ShapeRule(Rule.MESHGRID)
  static List<Tensor> meshgrid(List<Tensor> tensors, String indexing) {
    String op = "Torch.meshgrid";
    if (!"ij".equals(indexing) && !"xy".equals(indexing)) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": indexing \"" + indexing
          + "\" is not one of \"ij\" (matrix indexing) and \"xy\" (Cartesian indexing)");
    }
    if (tensors == null || tensors.isEmpty()) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": needs at least one tensor");
    }
    Tensor[] all = tensors.toArray(new Tensor[0]);
    try (TensorVector v = new TensorVector()) {
      for (int i = 0; i < all.length; i++) {
        v.push_back(Natives.h(all[i], "tensors[" + i + "]"));
      }
      return JoinOps.unpack(torch.meshgrid(v, indexing));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, all);
    }
  }

  private static Tensor contract(String op, String equation, List<Tensor> operands) {
    if (equation == null) {
      throw UserCall.nullParameter("equation", "an einsum equation such as \"ij,jk->ik\"");
    }
    if (operands == null) {
      throw UserCall.nullParameter("operands", "one tensor per subscript of the equation");
    }
    Tensor[] all = operands.toArray(new Tensor[0]);
    try (TensorVector v = new TensorVector()) {
      for (int i = 0; i < all.length; i++) {
        v.push_back(Natives.h(all[i], "operands[" + i + "]"));
      }
      return Tensor.wrap(torch.einsum(equation, v));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, all);
    }
  }
}
