package dev.shapetorch.nn;

import dev.shapetorch.tensor.Tensor;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs when the gradients of a module's inputs have been computed: PyTorch's full backward
 * hook, {@code hook(module, grad_input, grad_output)}, registered with {@link
 * AbstractModule#registerFullBackwardHook}.
 *
 * <pre>{@code
 * layer.registerFullBackwardHook((m, gradInput, gradOutput) -> {
 *   norms.add(gradOutput.get(0).norm().item());
 *   return null;
 * });
 * }</pre>
 *
 * <p>{@code gradInput} has one entry per tensor argument of {@code forward}, in order: the
 * gradient of the loss with respect to it, or null for an argument that needs none (a hook on a
 * network's first layer sees null for the data, which needs no gradient). {@code gradOutput} has
 * one entry per floating-point tensor of the output that needs a gradient (a tensor, or the
 * tensor components of a record such as an LSTM's output), zeros for one the loss does not use.
 * The lists are unmodifiable; the tensors must not be modified in place.
 *
 * <p>Shape: a replacement gradient has its argument's shape ({@code [shape.mismatch.function]}
 * from the backward pass otherwise).
 */
@FunctionalInterface
public interface BackwardHook {

  /**
   * Looks at, or replaces, the input gradients of one backward pass through the module.
   *
   * @return null to keep {@code gradInput}, or replacements: as many entries, each null where
   *     {@code gradInput}'s is
   */
  @Nullable List<Tensor> apply(Module module, List<Tensor> gradInput, List<Tensor> gradOutput);
}
