package dependent;

import dev.shapetorch.shapes.Shape;
import fixtures.Tensor;

class ShadowedConstants {
  static final int HIDDEN = 128;

  // :: warning: (shape.annotation.shadows)
  @Shape({"B", "HIDDEN"}) Tensor constantReadAsVariable;

  static Tensor parameter(
      // :: warning: (shape.annotation.shadows)
      @Shape({"HIDDEN"}) Tensor x, int B) {
    return x;
  }
}
