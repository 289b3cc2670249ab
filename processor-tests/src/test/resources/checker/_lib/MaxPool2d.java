package lib;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;

/** Stand-in for nn.MaxPool2d; its type lists (K, S). */
public final class MaxPool2d {
  public @Shape({"k", "k"}) MaxPool2d(@Dim long k) {}

  public @Shape({"N", "C", "(H-K)/S+1", "(W-K)/S+1"}) Tensor forward(
      @Shape({"K", "S"}) MaxPool2d this, @Shape({"N", "C", "H", "W"}) Tensor input) {
    return new Tensor();
  }
}
