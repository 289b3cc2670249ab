import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** An unknown size broadcasts with anything; an unknown shape gives an unknown result. */
class UnknownSizesBroadcast {
  void use(@Shape({"_", "3"}) Tensor a, Tensor anything) {
    var b = a.add(Torch.zeros(7, 3));
    var c = anything.add(Torch.zeros(7, 3));
    @Shape({"_", "3"}) Tensor ok = b;
  }
}
