package dev.shapetorch.nn.functional;

import dev.shapetorch.tensor.ShapeException;

/**
 * Re-attributes a shape error raised by the {@code Torch} op an {@code F} function delegates
 * to, so that the message names the function the user called ({@code F.mseLoss}), as the
 * checker's diagnostic does.
 */
final class Renamed {
  private Renamed() {}

  /** The same mismatch under {@code op}. */
  static ShapeException as(String op, ShapeException e) {
    ShapeException renamed = new ShapeException(e.mismatch().withOp(op));
    renamed.setStackTrace(e.getStackTrace());
    return renamed;
  }
}
