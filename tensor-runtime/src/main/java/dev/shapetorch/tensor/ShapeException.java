package dev.shapetorch.tensor;

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

  /** An exception for this mismatch. */
  public ShapeException(ShapeMismatch mismatch) {
    super(mismatch.render());
    this.mismatch = mismatch;
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
