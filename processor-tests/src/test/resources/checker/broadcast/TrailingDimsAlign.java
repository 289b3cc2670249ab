import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** [8, 3, 5] + [5] and [8, 1, 5] * [3, 1]: sizes align from the right, 1 stretches. */
class TrailingDimsAlign {
  void use() {
    @Shape({"8", "3", "5"}) Tensor a = Torch.zeros(8, 3, 5).add(Torch.zeros(5));
    @Shape({"8", "3", "5"}) Tensor b = Torch.zeros(8, 1, 5).mul(Torch.zeros(3, 1));
  }
}
