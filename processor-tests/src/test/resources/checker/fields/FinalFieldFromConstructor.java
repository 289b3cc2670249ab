import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** "final Linear fc = new Linear(784, 10);" needs no annotation: its type is [784, 10]. */
class FinalFieldFromConstructor {
  final Linear fc = new Linear(784, 10);

  @Shape({"B", "10"}) Tensor forward(@Shape({"B", "784"}) Tensor x) {
    return fc.forward(x);
  }

  @Shape({"B", "10"}) Tensor wrong(@Shape({"B", "785"}) Tensor x) {
    // :: error: (shape.mismatch.argument) Linear.forward: argument input is [B, 785], required [*batch, In] with In = 784
    return fc.forward(x);
  }
}
