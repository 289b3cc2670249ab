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

  // :: error: (shape.dim.type)
  static Tensor onABooleanArray(@Dim boolean... flags) {
    return null;
  }

  // :: error: (shape.dim.name)
  static Tensor lowerCaseVariable(@Dim("in") long in) {
    return null;
  }

  // :: error: (shape.dim.name)
  static Tensor upperCaseParameterName(@Dim long N) {
    return null;
  }

  // :: error: (shape.dim.name)
  static Tensor notAnIdentifier(@Dim("2B") int b) {
    return null;
  }
}
