package dev.shapetorch.backprop.internal;

/**
 * One step of the backward pass: given the gradient of a tape entry's value, adds the
 * contributions to its inputs' gradients into the sweep.
 */
@FunctionalInterface
public interface Node {
  /**
   * Propagates {@code gradient} (the entry's total gradient, all contributions added) to the
   * entry's inputs with {@link Sweep#accumulate} or {@link Sweep#accumulatePart}.
   *
   * @param gradient the gradient of this entry's value
   * @param sweep where the inputs' gradients are collected
   */
  void backward(Object gradient, Sweep sweep);
}
