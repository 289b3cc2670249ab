import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.pad grows the padded dims, last dim first. */
class PadAccepted {
  void use(@Shape({"N", "C", "H", "W"}) Tensor x) {
    @Shape({"N", "C", "H+2", "W+1"}) Tensor y = F.pad(x, 0, 1, 1, 1);
  }
}
