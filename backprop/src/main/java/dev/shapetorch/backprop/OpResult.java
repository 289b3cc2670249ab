package dev.shapetorch.backprop;

import java.util.Objects;
import java.util.function.Function;

/**
 * What running an {@link Op} forward gives: the result, and the continuation that turns the
 * result's gradient into the inputs' gradient.
 *
 * <p>If an op computes {@code y = f(x)} as part of a larger computation whose final result is
 * {@code z}, {@link #backward} takes {@code dz/dy} (a value shaped like {@code y}) and returns
 * {@code dz/dx} (shaped like the inputs). Keeping the continuation next to the value lets the
 * backward pass reuse whatever the forward pass computed ({@code exp x} is computed once for
 * both).
 *
 * @param <G> the gradient the continuation returns: a {@link Tup} for an {@link Op}, or the
 *     bare input type for the functions given to {@link Op#op1}
 * @param <V> the result's type
 * @param value the result of the forward computation (never null)
 * @param backward from the result's gradient to the inputs' gradient (never null)
 */
public record OpResult<G, V>(V value, Function<? super V, ? extends G> backward) {
  /** Checks that both parts are present. */
  public OpResult {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(backward, "backward");
  }

  /** The result {@code value} with the gradient continuation {@code backward}. */
  public static <G, V> OpResult<G, V> of(V value, Function<? super V, ? extends G> backward) {
    return new OpResult<>(value, backward);
  }

  /** Runs the continuation on the result's gradient {@code outputGradient}. */
  public G gradient(V outputGradient) {
    return backward.apply(outputGradient);
  }
}
