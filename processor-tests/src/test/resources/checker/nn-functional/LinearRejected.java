import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The input's features must match the weight; the bias its rows. */
class LinearRejected {
  void use(@Shape({"B", "16"}) Tensor x, @Shape({"32", "8"}) Tensor w, @Shape({"32", "16"}) Tensor w2, @Shape({"16"}) Tensor b) {
    // :: error: (shape.mismatch.linear)
    F.linear(x, w);
    // :: error: (shape.mismatch.linear.bias)
    F.linear(x, w2, b);
  }
}
