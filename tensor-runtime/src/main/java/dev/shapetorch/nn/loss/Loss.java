package dev.shapetorch.nn.loss;

import dev.shapetorch.nn.Module;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * A loss as a module (PyTorch's {@code _Loss}): {@link MSELoss}, {@link CrossEntropyLoss}, ...
 * Its options (reduction, class weights) are fixed at construction; class weights are buffers,
 * so they move with {@link Module#to} and appear in the state dict as in PyTorch.
 *
 * <p>Shape: each implementation documents what it accepts; with {@link Reduction#NONE} the
 * result has the per-element shape, otherwise it is 0-d.
 */
public interface Loss extends Module {

  /** The loss of {@code input} against {@code target}. */
  Tensor forward(Tensor input, Tensor target);

  /** How the per-element losses are reduced. */
  Reduction reduction();
}
