package conflict;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.UnknownShape;
import fixtures.Tensor;

class MisplacedQualifiers {
  // :: error: (shape.annotation.target)
  @Shape({"3"}) int primitiveField;

  // :: error: (shape.annotation.target)
  static @Shape({"3"}) long primitiveResult() {
    return 3;
  }

  // :: error: (shape.annotation.target)
  Tensor @Shape({"B"}) [] onTheArrayType;

  // :: error: (shape.annotation.target)
  @UnknownShape double[] primitiveArrayElement;

  static void local() {
    // :: error: (shape.annotation.target)
    @Shape({"2"}) long size = 2;
  }
}
