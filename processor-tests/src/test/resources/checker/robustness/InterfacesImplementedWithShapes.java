import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A shape-typed implementation of an untyped interface method is allowed. */
class InterfacesImplementedWithShapes {
  interface Layer {
    Tensor apply(Tensor x);
  }

  static final class Double implements Layer {
    @Override
    public @Shape({"*s"}) Tensor apply(@Shape({"*s"}) Tensor x) {
      return x.mul(2.0);
    }
  }

  Tensor use(Layer layer, Tensor x) {
    return layer.apply(new Double().apply(x));
  }
}
