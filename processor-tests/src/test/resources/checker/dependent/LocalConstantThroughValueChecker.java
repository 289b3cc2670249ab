import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** The Value Checker proves that n is 3, so zeros(n, 4) is [3, 4]. */
class LocalConstantThroughValueChecker {
  void use() {
    int n = 3;
    int m = n + 1;
    @Shape({"3", "4"}) Tensor t = Torch.zeros(n, m);
    // :: error: (shape.assignment) t2: found [3, 4], required [3, 5]
    @Shape({"3", "5"}) Tensor t2 = Torch.zeros(n, m);
  }
}
