import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A mutable field without an annotation may change: its shape is unknown outside initializers. */
class NonFinalFieldIsUnknown {
  Linear fc = new Linear(784, 10);

  @Shape({"B", "10"}) Tensor forward(@Shape({"B", "3"}) Tensor x) {
    return fc.forward(x);
  }
}
