package dependent;

import dev.shapetorch.shapes.Shape;
import fixtures.Tensor;

class DependentNames {
  int mutableSize = 3;
  final String label = "x";

  // :: error: (shape.annotation.dependent)
  static @Shape({"n"}) Tensor namesNothing(int m) {
    return null;
  }

  // :: error: (shape.annotation.dependent.type)
  static @Shape({"B", "p"}) Tensor namesADoubleParameter(@Shape({"B", "10"}) Tensor x, double p) {
    return x;
  }

  // :: error: (shape.annotation.dependent.type)
  @Shape({"mutableSize"}) Tensor namesANonFinalField;

  // :: error: (shape.annotation.dependent.type)
  @Shape({"label"}) Tensor namesAStringField;

  // :: error: (shape.annotation.dependent.type)
  static @Shape({"2*flag"}) Tensor namesABooleanInArithmetic(boolean flag) {
    return null;
  }

  static void locals() {
    int notFinal = 3;
    // :: error: (shape.annotation.dependent.type)
    @Shape({"notFinal"}) Tensor a = null;
    // :: error: (shape.annotation.dependent)
    @Shape({"later"}) Tensor b = null;
    final int later = 4;
  }

  static void otherMethod() {
    final int elsewhere = 5;
  }

  static void notInThisMethod() {
    // :: error: (shape.annotation.dependent)
    @Shape({"elsewhere"}) Tensor c = null;
  }

  static java.util.function.Function<Tensor, Tensor> lambda() {
    // :: error: (shape.annotation.dependent)
    return (@Shape({"B", "k"}) Tensor t) -> t;
  }

  // :: error: (shape.annotation.dependent)
  record Batch(int size, @Shape({"count", "784"}) Tensor images) {}

  // :: error: (shape.annotation.dependent)
  static @Shape({"B", "hidden*4"}) Tensor misspelled(@Shape({"B", "10"}) Tensor x, int hiden) {
    return x;
  }
}
