import dev.shapetorch.shapes.Shape;
import lib.Linear;
import lib.Tensor;
import lib.Torch;

/** A mutable field without an annotation may change: its shape is unknown outside initializers. */
class NonFinalFieldIsUnknown {
  Linear fc = new Linear(784, 10);

  @Shape({"B", "10"}) Tensor forward(@Shape({"B", "3"}) Tensor x) {
    return fc.forward(x);
  }
}
