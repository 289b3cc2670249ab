package dev.shapetorch.nn.functional;

import dev.shapetorch.tensor.ShapeException;

/**
 * Re-attributes a shape error raised by a {@code Torch} op of another name that an {@code F}
 * function runs ({@code F.crossEntropy} runs {@code Torch.crossEntropyLoss}, {@code
 * F.interpolate} the upsampling ops), so that the message names the function the user called,
 * as the checker's diagnostic does. Where the names agree ({@code F.mseLoss} and {@code
 * Torch.mseLoss}), the runtime's attribution to the user's call does this already.
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
