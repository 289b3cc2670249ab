import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

class StaticFinalField {
  static final Linear SHARED = new Linear(32, 32);

  static @Shape({"N", "32"}) Tensor apply(@Shape({"N", "32"}) Tensor x) {
    return SHARED.forward(SHARED.forward(x));
  }

  static void wrong(@Shape({"N", "16"}) Tensor x) {
    // :: error: (shape.mismatch.argument)
    SHARED.forward(x);
  }
}
