import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Inner sizes of the fused products, square inputs of the matrix functions and the matrix rank
 * of trace and cov are checked at compile time, as the runtime checks them.
 */
class FusedProductsRejected {
  void use(Tensor bias, @Shape({"N", "K"}) Tensor x, @Shape({"J", "P"}) Tensor w,
      @Shape({"N", "M"}) Tensor rect) {
    // :: error: (shape.mismatch.argument)
    Torch.addmm(bias, x, w);
    // :: error: (shape.mismatch.argument)
    Torch.matrixPower(rect, 2);
    // :: error: (shape.mismatch.argument)
    Torch.logdet(Torch.zeros(2, 3));
    // :: error: (shape.rank)
    Torch.trace(Torch.zeros(4));
    // :: error: (shape.rank)
    Torch.cov(Torch.zeros(2, 3, 4));
  }
}
