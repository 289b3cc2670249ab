import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** An int nobody can know statically becomes an unknown dim, which never errs. */
class UnknownIntIsUnknownDim {
  void use(java.util.List<String> lines) {
    int n = lines.size();
    n = n + 1;
    var t = Torch.zeros(n, 4);
    @Shape({"100", "4"}) Tensor a = t;
    @Shape({"7", "4"}) Tensor b = t;
    // :: error: (shape.assignment) dim 1: found 4, required 5
    @Shape({"7", "5"}) Tensor c = t;
  }
}
