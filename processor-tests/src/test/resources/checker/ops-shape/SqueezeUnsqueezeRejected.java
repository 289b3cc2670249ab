import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Dims out of range. */
class SqueezeUnsqueezeRejected {
  void use(@Shape({"3"}) Tensor v) {
    // :: error: (shape.dim.range)
    v.unsqueeze(2);
    // :: error: (shape.dim.range)
    v.squeeze(1);
  }
}
