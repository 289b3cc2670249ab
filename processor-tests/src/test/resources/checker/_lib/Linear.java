package lib;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;

/** Stand-in for nn.Linear; its type lists (in, out). */
public final class Linear {
  public @Shape({"in", "out"}) Linear(@Dim long in, @Dim long out) {}

  public @Shape({"*batch", "Out"}) Tensor forward(
      @Shape({"In", "Out"}) Linear this, @Shape({"*batch", "In"}) Tensor input) {
    return new Tensor();
  }
}
