import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The inputs must broadcast, and the reduced dim must exist. */
class DistanceRejected {
  void use(@Shape({"3", "4"}) Tensor a, @Shape({"2", "4"}) Tensor b, @Shape({"4"}) Tensor v) {
    // :: error: (shape.broadcast)
    F.cosineSimilarity(a, b);
    // :: error: (shape.dim.range)
    F.cosineSimilarity(v, v);
    // :: error: (shape.broadcast)
    F.pairwiseDistance(a, b);
    // :: error: (shape.dim.range)
    F.normalize(v);
  }
}
