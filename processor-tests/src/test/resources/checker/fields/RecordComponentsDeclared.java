import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A record of modules declares its components' types; they are checked at construction. */
record RecordComponentsDeclared(
    @Shape({"784", "128"}) Linear fc1, @Shape({"128", "10"}) Linear fc2) {

  @Shape({"B", "10"}) Tensor forward(@Shape({"B", "784"}) Tensor x) {
    return fc2.forward(fc1.forward(x).relu());
  }

  static RecordComponentsDeclared create() {
    return new RecordComponentsDeclared(new Linear(784, 128), new Linear(128, 10));
  }

  static RecordComponentsDeclared wrong() {
    // :: error: (shape.mismatch.argument) argument fc2 is [128, 11], required [128, 10]
    return new RecordComponentsDeclared(new Linear(784, 128), new Linear(128, 11));
  }
}
