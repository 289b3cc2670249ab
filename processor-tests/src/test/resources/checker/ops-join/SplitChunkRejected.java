import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Split sizes must be positive; the dim must exist. */
class SplitChunkRejected {
  void use(@Shape({"8", "6"}) Tensor x) {
    // :: error: (shape.split.size)
    x.split(0, 0);
    // :: error: (shape.dim.range)
    x.chunk(2, 2);
  }
}
