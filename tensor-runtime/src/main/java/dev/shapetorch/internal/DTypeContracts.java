package dev.shapetorch.internal;

import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runtime's door into the dtype algebra: an op body checks the dtype contracts its
 * declaration states with {@code @DTypeEffect} through {@link #require}, which raises the
 * contract's {@link ShapeMismatch} ({@code [shape.dtype.contract] Torch.nllLoss: target holds
 * class indices and must be integral, got float32 [4]; ...}) as a {@link ShapeException}: the
 * text the Shape Checker reports for the same call.
 *
 * <p>Internal: public only for ShapeTorch's other packages; not API.
 */
public final class DTypeContracts {
  private DTypeContracts() {}

  /**
   * Checks {@code rule} (a contract) on tensors named by their parameters.
   *
   * @param rule the contract
   * @param op the op ({@code Torch.gather}); reported under the op the user called
   * @param names the parameter names, one per tensor, in the contract's order
   * @param tensors the tensors
   * @throws ShapeException if the contract does not hold
   */
  public static void require(DTypeRule rule, String op, String[] names, Tensor... tensors) {
    List<DTypeRule.Input> inputs = new ArrayList<>(tensors.length);
    for (int i = 0; i < tensors.length; i++) {
      Tensor t = tensors[i];
      if (t == null) {
        return; // a null tensor is refused by the op itself, under its parameter's name
      }
      inputs.add(DTypeRule.Input.tensor(names[i], dtypeName(t), t.shapeOf().toString(), t.dim()));
    }
    ShapeMismatch m = rule.check(op, inputs);
    if (m != null) {
      throw new ShapeException(m);
    }
  }

  /** One tensor's contract ({@code REQUIRES_BOOL}, {@code REQUIRES_INTEGRAL}, ...). */
  public static void require(DTypeRule rule, String op, String name, Tensor tensor) {
    require(rule, op, new String[] {name}, tensor);
  }

  /** A tensor's dtype as the algebra names it: {@code float32}. */
  public static String dtypeName(Tensor t) {
    return t.dtype().name().toLowerCase(Locale.ROOT);
  }
}
