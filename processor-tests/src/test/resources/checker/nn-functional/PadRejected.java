import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.pad takes (before, after) pairs and cannot crop a dim below 0. */
class PadRejected {
  void use(@Shape({"N", "C", "H", "4"}) Tensor x) {
    // :: error: (shape.spatial.params)
    F.pad(x, 1, 2, 3);
    // :: error: (shape.spatial.params)
    F.pad(x, -3, -2);
  }
}
