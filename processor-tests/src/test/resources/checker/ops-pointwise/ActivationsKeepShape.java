import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Activations and scalar arithmetic keep the shape. */
class ActivationsKeepShape {
  void use(@Shape({"B", "H"}) Tensor x) {
    @Shape({"B", "H"}) Tensor a = x.relu().sigmoid().tanh();
    @Shape({"B", "H"}) Tensor b = x.mul(2.0).add(1.0);
    @Shape({"B", "H"}) Tensor c = Torch.relu(x);
  }
}
