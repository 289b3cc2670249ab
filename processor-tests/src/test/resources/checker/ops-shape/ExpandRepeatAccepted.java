import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** expand stretches size-1 dims; repeat tiles. */
class ExpandRepeatAccepted {
  void use(@Shape({"3", "1"}) Tensor x) {
    @Shape({"3", "4"}) Tensor a = x.expand(3, 4);
    @Shape({"3", "4"}) Tensor b = x.expand(-1, 4);
    @Shape({"6", "2"}) Tensor c = x.repeat(2, 2);
  }
}
