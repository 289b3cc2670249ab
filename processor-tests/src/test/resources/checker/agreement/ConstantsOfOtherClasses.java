import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** Constants of another class, and inherited ones, are their values, in code and in shapes. */
class ConstantsOfOtherClasses extends ConstantsBase {
  static @Shape({"N", "FEATURES"}) Tensor project(@Shape({"N", "16"}) Tensor x) {
    return x.matmul(Torch.randn(16, FEATURES));
  }

  static @Shape({"N", "2"}) Tensor head(@Shape({"N", "FEATURES"}) Tensor h) {
    return h.matmul(Torch.randn(32, 2));
  }

  static void wrongHead(@Shape({"N", "FEATURES"}) Tensor h) {
    // :: error: (shape.mismatch.matmul) Tensor.matmul: inner dimensions differ: a is [N, 32] (dim 1 = 32), b is [31, 2] (dim 0 = 31)
    h.matmul(Torch.randn(31, 2));
  }

  void accepted() {
    @Shape({"8", "64"}) Tensor a = Torch.zeros(ConstantsDims.B, ConstantsDims.HIDDEN);
    @Shape({"32", "4"}) Tensor b = Torch.zeros(FEATURES, 4);
    @Shape({"2", "32"}) Tensor c = project(Torch.zeros(2, 16));
  }

  void rejected() {
    // :: error: (shape.assignment) dim 1: found 32, required 33
    @Shape({"2", "33"}) Tensor c = project(Torch.zeros(2, 16));
    // :: error: (shape.mismatch.matmul)
    Torch.zeros(ConstantsDims.B, ConstantsDims.HIDDEN).matmul(Torch.zeros(ConstantsDims.B, 2));
  }
}

class ConstantsDims {
  static final int B = 8;
  static final int HIDDEN = 64;
}

class ConstantsBase {
  static final int FEATURES = 32;
}
