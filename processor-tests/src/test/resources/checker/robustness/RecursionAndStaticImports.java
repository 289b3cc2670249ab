import static dev.shapetorch.tensor.Torch.eye;
import static dev.shapetorch.tensor.Torch.zeros;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Recursive shape-typed methods and statically imported ops. */
class RecursionAndStaticImports {
  static @Shape({"N", "N"}) Tensor power(@Shape({"N", "N"}) Tensor m, int k) {
    return k == 0 ? m : power(m.matmul(m), k - 1);
  }

  void use() {
    @Shape({"4", "4"}) Tensor p = power(eye(4), 3);
    // :: error: (shape.mismatch.argument)
    power(zeros(2, 3), 1);
  }
}
