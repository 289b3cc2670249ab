import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class StaticAddBroadcasts {
  void use() {
    @Shape({"2", "3"}) Tensor s = Torch.add(Torch.zeros(2, 1), Torch.zeros(3));
    // :: error: (shape.broadcast) Torch.add
    Torch.add(Torch.zeros(2, 2), Torch.zeros(3));
  }
}
