import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Overrides that keep the contract: the same shapes with other variable names, a more precise
 * result, a wider parameter, an untyped overridden method (no contract to keep), and an override
 * that declares only some positions (the others are inherited).
 */
class OverrideCompatibleShapesAccepted {
  interface Layer {
    @Shape({"*batch", "Out"}) Tensor apply(@Shape({"*batch", "In"}) Tensor x);
  }

  static final class Renamed implements Layer {
    Tensor weight;

    @Override
    public @Shape({"*b", "O"}) Tensor apply(@Shape({"*b", "I"}) Tensor x) {
      return x.matmul(weight);
    }
  }

  interface Untyped {
    Tensor apply(Tensor x);
  }

  static final class Typed implements Untyped {
    @Override
    public @Shape({"N", "3"}) Tensor apply(@Shape({"N", "3"}) Tensor x) {
      return x;
    }
  }

  abstract static class Head {
    abstract @Shape({"B", "_"}) Tensor out(@Shape({"B", "4"}) Tensor x);
  }

  static final class PreciseHead extends Head {
    @Override
    @Shape({"B", "2"}) Tensor out(@Shape({"B", "_"}) Tensor x) {
      return Torch.zeros(x.size(0), 2);
    }
  }

  static final class WiderInput extends Head {
    @Override
    Tensor out(@Shape({"*s", "4"}) Tensor x) {
      return x.flatten(0, -2);
    }
  }

  void use(@Shape({"8", "4"}) Tensor x) {
    @Shape({"8", "2"}) Tensor y = new PreciseHead().out(x);
    @Shape({"8", "_"}) Tensor z = new WiderInput().out(x);
    @Shape({"5", "3"}) Tensor t = new Typed().apply(Torch.randn(5, 3));
  }
}
