import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/** The other dims must agree (all dims for stack). */
class CatStackRejected {
  void use(@Shape({"2", "5"}) Tensor a, @Shape({"3", "5"}) Tensor b) {
    // :: error: (shape.mismatch.cat)
    Torch.cat(List.of(a, b), 1);
    // :: error: (shape.mismatch.stack)
    Torch.stack(List.of(a, b), 0);
  }
}
