package dev.shapetorch.nn;

import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.linear.Flatten;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.tensor.Tensor;

/**
 * A module whose {@code forward} maps one tensor to one tensor, so that {@link Sequential}
 * can chain it. Most layers are unary: Linear, Conv2d, activations, norms, pooling, Flatten.
 *
 * <p>Shape: each implementation declares its own, on its {@code forward} (with a receiver
 * annotation naming the module's hyperparameters).
 */
public interface UnaryModule extends Module {

  /** Applies the module. */
  Tensor forward(Tensor input);
}
