import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * A signature whose arithmetic fails at one call (a division by a size bound to 0) cannot crash
 * javac: the call is reported as not checked, and compilation goes on.
 */
class DivisionByZeroInstantiated {
  static @Shape({"n/m"}) Tensor blocks(@Dim int n, @Dim int m) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    @Shape({"2"}) Tensor ok = blocks(8, 4);
    // :: error: (shape.checker.internal) blocks: the shape checker failed on this call
    blocks(8, 0);
  }
}
