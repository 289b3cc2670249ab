import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Indices and ranges must fit the dim. */
class SelectNarrowRejected {
  void use(@Shape({"4", "5"}) Tensor x) {
    // :: error: (shape.index.range)
    x.select(0, 4);
    // :: error: (shape.index.range)
    x.narrow(1, 3, 3);
  }
}
