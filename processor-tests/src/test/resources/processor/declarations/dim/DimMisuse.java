package dim;

import dev.shapetorch.shapes.Dim;
import fixtures.Tensor;

class DimMisuse {
  // :: error: (shape.dim.type)
  static Tensor onADouble(@Dim double rate) {
    return null;
  }

  // :: error: (shape.dim.type)
  static Tensor onAString(@Dim String name) {
    return null;
  }

  // :: error: (shape.dim.type)
  static Tensor onATensor(@Dim Tensor x) {
    return x;
  }

  static Tensor onABooleanIsOneOrZero(@Dim boolean flag) {
    return null;
  }

  // :: error: (shape.dim.type)
  static Tensor onABooleanArray(@Dim boolean... flags) {
    return null;
  }

  static Tensor twoSizesOneVariable(
      @Dim("N") int rows,
      // :: error: (shape.dim.name)
      @Dim("N") int cols) {
    return null;
  }

  // :: error: (shape.dim.name)
  static Tensor dimNamesAnotherParameter(@Dim("n") int m, int n) {
    return null;
  }

  // :: error: (shape.dim.name)
  static Tensor notAnIdentifier(@Dim("2B") int b) {
    return null;
  }
}
