package lib;

import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;

/** Stand-in for nn.BatchNorm2d; its type lists (C). */
public final class BatchNorm2d {
  public @Shape({"c"}) BatchNorm2d(@Dim long c) {}

  public @Shape({"N", "C", "H", "W"}) Tensor forward(
      @Shape({"C"}) BatchNorm2d this, @Shape({"N", "C", "H", "W"}) Tensor input) {
    return new Tensor();
  }
}
