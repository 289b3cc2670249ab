import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Similarities and distances broadcast their inputs and remove the dim they reduce. */
class DistanceAccepted {
  void use(@Shape({"N", "D"}) Tensor a, @Shape({"1", "D"}) Tensor b) {
    @Shape({"N"}) Tensor cos = F.cosineSimilarity(a, b);
    @Shape({"N"}) Tensor last = F.cosineSimilarity(a, b, -1, 1e-8);
    @Shape({"N"}) Tensor dist = F.pairwiseDistance(a, b);
    @Shape({"N", "1"}) Tensor kept = F.pairwiseDistance(a, b, 2.0, 1e-6, true);
    @Shape({"N", "D"}) Tensor unit = F.normalize(a);
  }
}
