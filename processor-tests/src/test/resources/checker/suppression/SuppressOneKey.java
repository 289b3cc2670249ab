import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** A single key can be suppressed; other keys in the same method are still reported. */
class SuppressOneKey {
  @SuppressWarnings("shape:shape.assignment") // the test needs the assignment to be silenced
  void use() {
    @Shape({"9"}) Tensor t = Torch.zeros(3);
    // :: error: (shape.broadcast)
    Torch.zeros(3).add(Torch.zeros(4));
  }
}
