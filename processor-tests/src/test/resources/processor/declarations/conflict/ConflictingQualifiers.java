package conflict;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeBottom;
import dev.shapetorch.shapes.UnknownShape;
import fixtures.Tensor;
import java.util.List;

class ConflictingQualifiers {
  // :: error: (shape.annotation.conflict)
  @Shape({"B"}) @UnknownShape Tensor shapeAndUnknown;

  static Tensor parameter(
      // :: error: (shape.annotation.conflict)
      @ShapeBottom @Shape({"3"}) Tensor x) {
    return x;
  }

  // :: error: (shape.annotation.conflict)
  static @UnknownShape @ShapeBottom Tensor unknownAndBottom() {
    return null;
  }

  // :: error: (shape.annotation.conflict)
  List<@Shape({"B"}) @UnknownShape Tensor> inATypeArgument;

  static void local() {
    // :: error: (shape.annotation.conflict)
    @UnknownShape @Shape({"2"}) Tensor t = null;
  }
}
