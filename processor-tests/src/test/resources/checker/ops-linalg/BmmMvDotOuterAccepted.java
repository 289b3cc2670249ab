import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** The fixed-rank products, with literal and symbolic sizes. */
class BmmMvDotOuterAccepted {
  void use(@Shape({"8", "2", "3"}) Tensor a, @Shape({"8", "3", "5"}) Tensor b,
      @Shape({"2", "3"}) Tensor m, @Shape({"3"}) Tensor v, @Shape({"4"}) Tensor u) {
    @Shape({"8", "2", "5"}) Tensor p = Torch.bmm(a, b);
    @Shape({"2"}) Tensor q = Torch.mv(m, v);
    @Shape({}) Tensor r = Torch.dot(v, v);
    @Shape({"3", "4"}) Tensor s = Torch.outer(v, u);
  }

  void symbolic(@Shape({"B", "N", "M"}) Tensor a, @Shape({"B", "M", "P"}) Tensor b,
      @Shape({"N", "M"}) Tensor m, @Shape({"M"}) Tensor v, @Shape({"P"}) Tensor w) {
    @Shape({"B", "N", "P"}) Tensor p = a.bmm(b);
    @Shape({"N"}) Tensor q = m.mv(v);
    @Shape({}) Tensor r = v.dot(v);
    @Shape({"M", "P"}) Tensor s = v.outer(w);
  }
}
