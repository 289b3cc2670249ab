import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** An in-place op keeps its receiver's shape: the other operand must broadcast to it. */
class InPlaceCannotGrow {
  void use(@Shape({"4", "3"}) Tensor acc, @Shape({"3"}) Tensor row, @Shape({"2", "4", "3"}) Tensor big) {
    @Shape({"4", "3"}) Tensor ok = acc.add_(row);
    // :: error: (shape.broadcast.inplace)
    acc.add_(big);
  }
}
