import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Element counts must agree; at most one -1. */
class ViewReshapeRejected {
  void use(@Shape({"6", "4"}) Tensor y) {
    // :: error: (shape.reshape.numel)
    y.view(5, 5);
    // :: error: (shape.reshape.infer)
    y.reshape(-1, -1);
    // :: error: (shape.reshape.numel) shape [-1, 7] is invalid for input [6, 4] of 24 elements
    y.view(-1, 7);
  }
}
