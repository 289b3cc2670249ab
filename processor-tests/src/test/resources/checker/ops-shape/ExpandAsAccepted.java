import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** expandAs stretches size-1 dims (and adds leading ones) to another tensor's shape. */
class ExpandAsAccepted {
  void use(@Shape({"3", "1"}) Tensor x, @Shape({"2", "3", "4"}) Tensor target) {
    @Shape({"2", "3", "4"}) Tensor a = x.expandAs(target);
    @Shape({"2", "3", "4"}) Tensor b = Torch.expandAs(x, target);
  }
}
