package dev.shapetorch.nn;

import dev.shapetorch.tensor.Tensor;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs when the gradients of a module's output have been computed, before those of its inputs:
 * PyTorch's full backward pre-hook, {@code hook(module, grad_output)}, registered with {@link
 * AbstractModule#registerFullBackwardPreHook}. It may replace the output gradients that the
 * module's backward then uses, e.g. to clip them.
 *
 * <p>{@code gradOutput} is as in {@link BackwardHook}: one entry per floating-point tensor of the
 * output that needs a gradient, zeros for one the loss does not use.
 *
 * <p>Shape: a replacement gradient has its output's shape.
 */
@FunctionalInterface
public interface BackwardPreHook {

  /**
   * Looks at, or replaces, the output gradients of one backward pass through the module.
   *
   * @return null to keep {@code gradOutput}, or replacements, as many
   */
  @Nullable List<Tensor> apply(Module module, List<Tensor> gradOutput);
}
