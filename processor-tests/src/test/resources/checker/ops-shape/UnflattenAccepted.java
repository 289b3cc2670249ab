import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** unflatten(dim, sizes) splits one dim into sizes whose product it is. */
class UnflattenAccepted {
  void use(@Shape({"N", "784"}) Tensor x) {
    @Shape({"N", "1", "28", "28"}) Tensor images = x.unflatten(1, 1, 28, 28);
    @Shape({"N", "28", "28"}) Tensor inferred = x.unflatten(-1, 28, -1);
  }
}
