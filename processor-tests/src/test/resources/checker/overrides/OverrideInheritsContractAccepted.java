import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * An override that declares no {@code @Shape} inherits the overridden method's: calls through
 * the subclass are typed by it, and a body that keeps the contract compiles.
 */
class OverrideInheritsContractAccepted {
  interface Encoder {
    @Shape({"B", "16"}) Tensor encode(@Shape({"B", "8"}) Tensor x);
  }

  static class Base {
    @Shape({"B", "4"}) Tensor head(@Shape({"B", "D"}) Tensor x) {
      return Torch.zeros(x.size(0), 4);
    }
  }

  static final class Sub extends Base {
    @Override
    Tensor head(Tensor x) {
      return x.sum(1, true).expand(-1, 4);
    }
  }

  static final class Doubling implements Encoder {
    final Linear fc = new Linear(8, 16);

    @Override
    public Tensor encode(Tensor x) {
      return fc.forward(x).mul(2.0);
    }
  }

  void use(@Shape({"32", "8"}) Tensor x) {
    @Shape({"32", "16"}) Tensor e = new Doubling().encode(x);
    @Shape({"32", "4"}) Tensor h = new Sub().head(x);
    Tensor unknown = Torch.randn(32, 8).relu();
    new Sub().head(unknown).matmul(Torch.randn(4, 2));
  }
}
