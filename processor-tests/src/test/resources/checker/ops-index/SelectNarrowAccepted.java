import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** select removes a dim; narrow keeps it with the new length. */
class SelectNarrowAccepted {
  void use(@Shape({"B", "T", "D"}) Tensor x) {
    @Shape({"B", "D"}) Tensor last = x.select(1, -1);
    @Shape({"B", "3", "D"}) Tensor window = x.narrow(1, 0, 3);
  }
}
