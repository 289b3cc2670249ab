import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** addcmul_ / addcdiv_ write into the receiver: both operands must broadcast to its shape. */
class InPlaceTwoOperands {
  void use(@Shape({"B", "3"}) Tensor acc, @Shape({"3"}) Tensor row, @Shape({"B", "1"}) Tensor col,
      @Shape({"4"}) Tensor wrong, @Shape({"2", "B", "3"}) Tensor bigger) {
    @Shape({"B", "3"}) Tensor ok = acc.addcmul_(row, col, 0.5);
    @Shape({"B", "3"}) Tensor ok2 = acc.addcdiv_(col, row, -1e-3);
    // :: error: (shape.broadcast)
    acc.addcmul_(row, wrong, 1.0);
    // :: error: (shape.broadcast.inplace)
    acc.addcdiv_(bigger, row, 1.0);
  }
}
