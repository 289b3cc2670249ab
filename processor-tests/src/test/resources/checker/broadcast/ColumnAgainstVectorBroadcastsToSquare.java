import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The (N,1) vs (N) trap: it broadcasts to (N,N), which a declared type catches. */
class ColumnAgainstVectorBroadcastsToSquare {
  void use(@Shape({"N", "1"}) Tensor pred, @Shape({"N"}) Tensor target) {
    @Shape({"N", "N"}) Tensor square = pred.sub(target);
    // :: error: (shape.assignment) diff: found [N, N], required [N, 1] (dim 1: found N, required 1)
    @Shape({"N", "1"}) Tensor diff = pred.sub(target);
  }
}
