package dev.shapetorch.backprop;

import java.util.Objects;

/**
 * A function's value together with its gradient with respect to its input(s): what {@link
 * Op#runOp} and {@link BVars#backprop} return.
 *
 * @param <V> the value's type
 * @param <G> the gradient's type: the input's type, or a tuple of the inputs' types
 * @param value the function's result (never null)
 * @param gradient the gradient of the result with respect to the input(s) (never null)
 */
public record ValueGrad<V, G>(V value, G gradient) {
  /** Checks that both parts are present. */
  public ValueGrad {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(gradient, "gradient");
  }
}
