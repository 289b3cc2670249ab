import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The callee's B and N are not the caller's B and N: each call instantiates them afresh. */
class CallerVariablesRenamedApart {
  static @Shape({"N", "B"}) Tensor swap(@Shape({"B", "N"}) Tensor x) {
    throw new UnsupportedOperationException("declaration only");
  }

  static @Shape({"N", "B"}) Tensor twice(@Shape({"B", "N"}) Tensor x) {
    @Shape({"B", "N"}) Tensor back = swap(swap(x));
    return swap(x);
  }

  static @Shape({"B", "N"}) Tensor wrong(@Shape({"B", "N"}) Tensor x) {
    // :: error: (shape.return) found [N, B], required [B, N]
    return swap(x);
  }
}
