import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** flatten(start, end) multiplies the sizes it merges. */
class FlattenAccepted {
  void use(@Shape({"N", "C", "H", "W"}) Tensor x) {
    @Shape({"N", "C*H*W"}) Tensor a = x.flatten(1, -1);
    @Shape({"N*C", "H", "W"}) Tensor b = x.flatten(0, 1);
    @Shape({"N*C*H*W"}) Tensor c = x.flatten();
  }
}
