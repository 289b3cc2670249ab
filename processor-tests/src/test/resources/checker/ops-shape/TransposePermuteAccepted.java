import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** transpose, t and permute move sizes. */
class TransposePermuteAccepted {
  void use(@Shape({"B", "T", "D"}) Tensor x, @Shape({"3", "5"}) Tensor m) {
    @Shape({"T", "B", "D"}) Tensor a = x.transpose(0, 1);
    @Shape({"D", "B", "T"}) Tensor b = x.permute(2, 0, 1);
    @Shape({"5", "3"}) Tensor c = m.t();
  }
}
