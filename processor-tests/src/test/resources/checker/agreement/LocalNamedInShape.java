import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/**
 * A local's @Shape that names an effectively final local means that local's size, as the code
 * does: "n" after final long n = x.size(0) of a [4, 3] tensor is 4; a local of unknown size
 * stays a name, which an unknown size matches.
 */
class LocalNamedInShape {
  void accepted(@Shape({"4", "3"}) Tensor x, List<String> lines) {
    final long n = x.size(0);
    @Shape({"n", "3"}) Tensor y = Torch.zeros(n, 3);
    final int m = lines.size();
    @Shape({"m", "3"}) Tensor z = Torch.zeros(m, 3);
    final int k = 5;
    @Shape({"k", "3"}) Tensor w = Torch.zeros(k, 3);
  }

  void rejected(@Shape({"4", "3"}) Tensor x) {
    final long n = x.size(0);
    // :: error: (shape.assignment) y: found [5, 3], required [4, 3] (dim 0: found 5, required 4)
    @Shape({"n", "3"}) Tensor y = Torch.zeros(5, 3);
  }
}
