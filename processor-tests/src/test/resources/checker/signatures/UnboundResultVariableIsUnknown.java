import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

class UnboundResultVariableIsUnknown {
  /** K is bound by no argument, so each call's result has an unknown second dim. */
  static @Shape({"N", "K"}) Tensor topK(@Shape({"N", "C"}) Tensor scores) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use() {
    var r = topK(Torch.zeros(4, 10));
    @Shape({"4", "3"}) Tensor three = r;
    @Shape({"4", "7"}) Tensor seven = r;
    // :: error: (shape.assignment) dim 0: found 4, required 5
    @Shape({"5", "7"}) Tensor wrongRows = r;
  }
}
