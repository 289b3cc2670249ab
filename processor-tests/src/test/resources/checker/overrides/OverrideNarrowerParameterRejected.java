import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * An override must accept every shape the overridden method accepts (parameters are
 * contravariant): a parameter shape narrower than the overridden one is an error.
 */
class OverrideNarrowerParameterRejected {
  interface Pool {
    @Shape({"B", "C"}) Tensor pool(@Shape({"B", "C", "L"}) Tensor x);
  }

  static final class FixedLength implements Pool {
    @Override
    // :: error: (shape.override)
    public @Shape({"B", "C"}) Tensor pool(@Shape({"B", "C", "10"}) Tensor x) {
      return x.mean(2);
    }
  }

  static final class FixedRank implements Pool {
    @Override
    // :: error: (shape.override)
    public @Shape({"B", "C"}) Tensor pool(@Shape({"B", "C", "L", "1"}) Tensor x) {
      return x.mean(2).squeeze(2);
    }
  }

  interface AnyRank {
    Tensor apply(@Shape({"*s"}) Tensor x);
  }

  static final class OnlyMatrices implements AnyRank {
    @Override
    // :: error: (shape.override)
    public Tensor apply(@Shape({"N", "M"}) Tensor x) {
      return x;
    }
  }
}
