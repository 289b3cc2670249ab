import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** The inherited contract is checked at calls through the subclass, as the base's would be. */
class OverrideInheritsContractRejected {
  interface Encoder {
    @Shape({"B", "16"}) Tensor encode(@Shape({"B", "8"}) Tensor x);
  }

  abstract static class Base {
    abstract @Shape({"B", "4"}) Tensor head(@Shape({"B", "D"}) Tensor x);
  }

  static class Sub extends Base {
    @Override
    Tensor head(Tensor x) {
      return Torch.zeros(x.size(0), 4);
    }
  }

  static final class SubSub extends Sub {
    @Override
    Tensor head(Tensor x) {
      return Torch.ones(x.size(0), 4);
    }
  }

  static final class Identity implements Encoder {
    @Override
    public Tensor encode(Tensor x) {
      return x.repeat(1, 2);
    }
  }

  void use(@Shape({"32", "8"}) Tensor x, @Shape({"32", "9"}) Tensor nine) {
    // :: error: (shape.mismatch.argument)
    new Identity().encode(nine);
    // :: error: (shape.assignment)
    @Shape({"32", "8"}) Tensor e = new Identity().encode(x);
    // :: error: (shape.mismatch.matmul)
    new Sub().head(x).matmul(Torch.randn(5, 2));
    // :: error: (shape.mismatch.matmul)
    new SubSub().head(x).matmul(Torch.randn(5, 2));
  }
}
