import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** An argument of unknown shape is accepted (the runtime checks it); the result is as declared. */
class UnknownArgumentAccepted {
  static @Shape({"B", "10"}) Tensor classify(@Shape({"B", "784"}) Tensor x) {
    throw new UnsupportedOperationException("declaration only");
  }

  void use(Tensor fromDisk) {
    var y = classify(fromDisk);
    @Shape({"_", "10"}) Tensor ok = y;
    // :: error: (shape.assignment) dim 1: found 10, required 11
    @Shape({"_", "11"}) Tensor wrong = y;
  }
}
