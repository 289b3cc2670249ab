import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Comparisons and where broadcast like arithmetic. */
class ComparisonsAndWhereBroadcast {
  void use(@Shape({"4", "1"}) Tensor a, @Shape({"3"}) Tensor b) {
    @Shape({"4", "3"}) Tensor mask = a.gt(b);
    @Shape({"4", "3"}) Tensor chosen = Torch.where(mask, a, b);
  }
}
