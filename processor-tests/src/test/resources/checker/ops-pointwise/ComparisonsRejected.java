import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Comparisons reject shapes that do not broadcast. */
class ComparisonsRejected {
  void use(@Shape({"4", "2"}) Tensor a, @Shape({"3"}) Tensor b) {
    // :: error: (shape.broadcast)
    a.lt(b);
  }
}
