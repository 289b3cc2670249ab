import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Dims out of range; permute must be a permutation; t() wants rank <= 2. */
class TransposePermuteRejected {
  void use(@Shape({"B", "T", "D"}) Tensor x) {
    // :: error: (shape.dim.range)
    x.transpose(0, 3);
    // :: error: (shape.dim.order)
    x.permute(0, 0, 1);
    // :: error: (shape.rank)
    x.t();
  }
}
