import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** A plain "Tensor t" local takes the shape of what is assigned, and follows reassignment. */
class UnannotatedLocalIsRefined {
  void use() {
    Tensor t = Torch.zeros(2, 3);
    @Shape({"2", "3"}) Tensor a = t;
    t = t.t();
    @Shape({"3", "2"}) Tensor b = t;
    // :: error: (shape.assignment) c: found [3, 2], required [2, 3]
    @Shape({"2", "3"}) Tensor c = t;
  }
}
