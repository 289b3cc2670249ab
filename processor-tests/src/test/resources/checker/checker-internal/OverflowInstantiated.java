import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Sizes whose product overflows 64 bits are reported at the call, not thrown at javac. */
class OverflowInstantiated {
  static @Shape({"n*n*n"}) Tensor cube(@Dim long n) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    @Shape({"27"}) Tensor ok = cube(3);
    // :: error: (shape.checker.internal) ArithmeticException
    cube(4_000_000_000L);
  }
}
