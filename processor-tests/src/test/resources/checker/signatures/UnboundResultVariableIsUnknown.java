import dev.shapetorch.shapes.Shape;
import lib.Tensor;
import lib.Torch;

class UnboundResultVariableIsUnknown {
  /** K is bound by no argument, so each call's result has an unknown second dim. */
  static @Shape({"N", "K"}) Tensor topK(@Shape({"N", "C"}) Tensor scores) {
    return Torch.unknown();
  }

  void use() {
    var r = topK(Torch.zeros(4, 10));
    @Shape({"4", "3"}) Tensor three = r;
    @Shape({"4", "7"}) Tensor seven = r;
    // :: error: (shape.assignment) dim 0: found 4, required 5
    @Shape({"5", "7"}) Tensor wrongRows = r;
  }
}
