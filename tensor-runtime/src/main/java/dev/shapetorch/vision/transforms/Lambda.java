package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import java.util.function.UnaryOperator;

/**
 * A user function as a transform, as torchvision's {@code Lambda}.
 *
 * <pre>{@code
 * new Lambda(x -> x.mul(2.0))
 * }</pre>
 *
 * <p>Shape: that of {@code fn}.
 *
 * @param fn the function
 */
public record Lambda(UnaryOperator<Tensor> fn) implements Transform {

  /** Checks the function. */
  public Lambda {
    Arguments.requireNonNull(fn, "fn");
  }

  @Override
  public Tensor apply(Tensor image) {
    return fn.apply(image);
  }
}
