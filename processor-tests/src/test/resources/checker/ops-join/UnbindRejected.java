import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** unbind needs a dim that exists: not 2 of a matrix, none of a 0-d tensor. */
class UnbindRejected {
  void use(@Shape({"B", "D"}) Tensor x, @Shape({}) Tensor scalar) {
    // :: error: (shape.dim.range)
    x.unbind(2);
    // :: error: (shape.dim.range)
    Torch.unbind(x, -3);
    // :: error: (shape.rank)
    scalar.unbind();
  }
}
