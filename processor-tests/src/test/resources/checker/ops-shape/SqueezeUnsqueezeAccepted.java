import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** squeeze drops size-1 dims, unsqueeze inserts one. */
class SqueezeUnsqueezeAccepted {
  void use(@Shape({"B", "1", "784"}) Tensor x, @Shape({"3"}) Tensor v) {
    @Shape({"B", "784"}) Tensor a = x.squeeze(1);
    @Shape({"1", "3"}) Tensor b = v.unsqueeze(0);
    @Shape({"3", "1"}) Tensor c = v.unsqueeze(-1);
    @Shape({"B", "784"}) Tensor d = x.squeeze();
  }
}
