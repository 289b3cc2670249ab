import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.linear: [*, in] x [out, in] + [out] -> [*, out]. */
class LinearAccepted {
  void use(@Shape({"B", "T", "16"}) Tensor x, @Shape({"32", "16"}) Tensor w, @Shape({"32"}) Tensor b) {
    @Shape({"B", "T", "32"}) Tensor y = F.linear(x, w, b);
  }
}
