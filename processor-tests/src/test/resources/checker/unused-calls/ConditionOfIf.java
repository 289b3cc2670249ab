import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class ConditionOfIf {
  boolean use() {
    Tensor x = Torch.zeros(4);
    // :: error: (shape.broadcast)
    if (x.add(Torch.zeros(5)) == null) {
      return true;
    }
    // :: error: (shape.broadcast)
    return x.sub(Torch.zeros(3)) != null;
  }
}
