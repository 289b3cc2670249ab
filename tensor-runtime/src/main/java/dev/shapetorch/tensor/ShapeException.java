package dev.shapetorch.tensor;

import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.rules.ShapeMismatch;

/**
 * An op was called with shapes its shape rule rejects. The message is exactly the rule's {@link
 * ShapeMismatch#render()}, the same text the shape checker reports at compile time: {@code
 * [shape.mismatch.matmul] Torch.matmul: inner dimensions differ: ...}.
 *
 * <p>The runtime throws it before calling libtorch, so nothing has been computed or changed.
 */
public final class ShapeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient ShapeMismatch mismatch;

  /**
   * An exception for this mismatch. When the rule ran inside another op of ShapeTorch's than
   * the one the caller called, the mismatch is reported under the caller's op ({@code
   * Tensor.add} for {@code Torch.add}, {@code SGD.step: Torch.add_}).
   *
   * @throws IllegalArgumentException if {@code mismatch} is null
   */
  public ShapeException(ShapeMismatch mismatch) {
    this(attributed(mismatch), true);
  }

  private ShapeException(ShapeMismatch mismatch, boolean attributed) {
    super(mismatch.render());
    this.mismatch = mismatch;
  }

  /** The mismatch under the op the user called, when the rule ran inside another op. */
  private static ShapeMismatch attributed(ShapeMismatch m) {
    if (m == null) {
      // Not Arguments.requireNonNull: an exception's constructor names no op on the stack.
      throw new IllegalArgumentException(
          "ShapeException: mismatch is null; pass the ShapeMismatch a shape rule returned");
    }
    String op = UserCall.attribute(m.op());
    return op.equals(m.op()) ? m : m.withOp(op);
  }

  /** What the rule found: key, op, detail, offending argument and dimension. */
  public ShapeMismatch mismatch() {
    return mismatch;
  }

  /** The diagnostic key, e.g. {@code shape.mismatch.matmul}. */
  public String key() {
    return mismatch.key();
  }
}
