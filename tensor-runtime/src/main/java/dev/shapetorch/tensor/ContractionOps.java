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
 * Tensor contractions written as index equations: {@code einsum}. Declarations ({@link
 * Variants}): the public forms {@code Torch.einsum("ij,jk->ik", a, b)} are generated from them,
 * with the runtime guard.
 *
 * <p>Shape: {@link Rule#EINSUM}, computed from the equation when it is a constant: the checker
 * gives {@code Torch.einsum("bij,bjk->bik", a, b)} of {@code [B, N, M]} and {@code [B, M, P]}
 * the type {@code [B, N, P]}, and a letter with two sizes is a compile error naming the letter
 * and both operands; the generated guard runs the same rule on the actual shapes before
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
