package dev.shapetorch.shapes.rules;

import java.util.Objects;

/**
 * Why a shape rule rejected its inputs: the diagnostic key, the op, and a sentence naming the
 * shapes and the dimension that disagree.
 *
 * <p>The checker reports {@link #render()} as a compiler diagnostic and the runtime throws it as
 * an exception message, so both say the same thing:
 * {@code [shape.mismatch.matmul] Torch.matmul: inner dimensions differ: a is [B, 784] (dim 1 =
 * 784), b is [128, 10] (dim 0 = 128)}.
 *
 * @param key dotted message key, general to specific ({@code shape.mismatch.matmul})
 * @param op the op as the user wrote it ({@code Torch.matmul}, {@code Tensor.view})
 * @param detail what disagrees, naming the shapes, the dimension index and any bindings
 * @param argument the index of the offending rule input, or -1 if none in particular
 * @param dim the offending dimension of that input, or -1 if none in particular
 */
public record ShapeMismatch(String key, String op, String detail, int argument, int dim) {

  /** Validates the components. */
  public ShapeMismatch {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(detail, "detail");
  }

  /** A mismatch with no particular argument or dimension. */
  public static ShapeMismatch of(String key, String op, String detail) {
    return new ShapeMismatch(key, op, detail, -1, -1);
  }

  /** The same mismatch attributed to another op name (a wrapper reusing a rule). */
  public ShapeMismatch withOp(String newOp) {
    return new ShapeMismatch(key, newOp, detail, argument, dim);
  }

  /** {@code [key] op: detail}. */
  public String render() {
    return "[" + key + "] " + op + ": " + detail;
  }

  @Override
  public String toString() {
    return render();
  }
}
