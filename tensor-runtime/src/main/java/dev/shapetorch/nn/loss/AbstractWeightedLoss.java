package dev.shapetorch.nn.loss;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * A loss with an optional weight, as PyTorch's {@code _WeightedLoss}: the weight is a buffer
 * named {@code weight}, so that it moves with the module and appears in its state dict.
 *
 * <p>Shape: the weight's, as each loss documents (per class {@code [C]}, or broadcast to the
 * input).
 */
abstract class AbstractWeightedLoss extends AbstractLoss {
  private final Buffer weight;

  /** Checks the reduction under the loss's name and holds {@code weight} (null: none). */
  AbstractWeightedLoss(String name, Tensor weight, Reduction reduction) {
    super(name, reduction);
    this.weight = buffer(weight);
  }

  /** A buffer holding {@code tensor}, or null when it is null. */
  static Buffer buffer(Tensor tensor) {
    return tensor == null ? null : new Buffer(tensor);
  }

  /** The buffer's current tensor, or null when there is no buffer. */
  static Tensor tensor(Buffer buffer) {
    return buffer == null ? null : buffer.get();
  }

  /** The weight's current tensor, or null. */
  Tensor weight() {
    return tensor(weight);
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.buffer("weight", weight);
  }
}
